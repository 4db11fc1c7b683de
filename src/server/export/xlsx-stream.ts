/**
 * Every Excel export of a working list, one mechanism: a sheet is a list of columns (Chinese header, width, value
 * formatter) over rows read page by page from the list's own use case, written with exceljs's streaming
 * WorkbookWriter straight into the HTTP response. Only one page of rows and the zip writer's buffers are in memory
 * at any time, so 10,000 rows cost what 100 do (bench/exports.ts measures it).
 */
import { once } from 'node:events';
import { PassThrough, type Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { FastifyReply } from 'fastify';
import { contentDisposition } from '../http/attachments';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Rows read from the database per query while exporting. */
export const EXPORT_PAGE_SIZE = 500;

/** Excel refuses cells longer than this. */
const MAX_CELL = 32_767;

export type CellValue = string | number | Date | null | undefined;

export interface XlsxColumn<T> {
  /** The Chinese column header. */
  header: string;
  /** Width in characters (Excel's unit). */
  width?: number;
  value: (row: T) => CellValue;
}

export interface XlsxSheet<T> {
  /** The worksheet's (Chinese) name. */
  name: string;
  columns: readonly XlsxColumn<T>[];
  /** The rows, page after page. */
  pages: AsyncIterable<readonly T[]>;
}

/**
 * Pages of a paged list use case, read until a short page. `read` gets the page number (from 1) and page size and
 * answers what the list endpoint answers, so an export has exactly the list's filters, order and scope.
 */
export async function* pagesOf<T>(
  read: (page: number, pageSize: number) => Promise<{ items: readonly T[] }>,
  pageSize = EXPORT_PAGE_SIZE,
): AsyncGenerator<readonly T[]> {
  for (let page = 1; ; page++) {
    const { items } = await read(page, pageSize);
    if (items.length > 0) yield items;
    if (items.length < pageSize) return;
  }
}

/** A list that is read whole (small by nature: a programme's targets, a panel's items) as one page. */
export async function* onePage<T>(read: () => Promise<readonly T[]>): AsyncGenerator<readonly T[]> {
  yield await read();
}

const cell = (value: CellValue) =>
  typeof value === 'string' && value.length > MAX_CELL ? `${value.slice(0, MAX_CELL - 1)}…` : (value ?? null);

/**
 * Waits until the zip has taken the sheet's XML written so far. exceljs writes a sheet into its own buffer stream,
 * which archiver reads through a PassThrough — but exceljs writes into that PassThrough without heeding its
 * backpressure, so rows produced faster than they are deflated would pile up uncompressed (a whole sheet's XML at
 * 10,000 rows). The PassThrough is exceljs's internal `stream.pipes[0]`; if a later exceljs lays it out otherwise,
 * there is nothing to wait on and the export still works, only without this bound.
 */
async function zipDrained(worksheet: ExcelJS.Worksheet): Promise<void> {
  type Pending = Writable & { _writableState?: { needDrain?: boolean } };
  const pending = (worksheet as unknown as { stream?: { pipes?: Pending[] } }).stream?.pipes?.[0];
  // archiver's PassThrough is readable-stream 2's, which predates `writableNeedDrain`.
  if (pending?._writableState?.needDrain) await once(pending, 'drain');
}

/** Writes the sheet as an .xlsx workbook into `out`, waiting for `out` to drain between pages; ends `out`. */
export async function writeXlsx<T>(out: Writable, sheet: XlsxSheet<T>): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  workbook.creator = '商秘 Shangmi';
  const worksheet = workbook.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: 1 }] });
  worksheet.columns = sheet.columns.map((c, i) => ({ header: c.header, key: `c${i}`, width: c.width ?? 16 }));
  const header = worksheet.getRow(1);
  header.font = { bold: true };
  header.commit();
  for await (const rows of sheet.pages) {
    for (const row of rows) worksheet.addRow(sheet.columns.map((c) => cell(c.value(row)))).commit();
    await zipDrained(worksheet);
    // Backpressure: a slow client holds the export here instead of letting rows pile up in memory.
    if (out.writableNeedDrain) await once(out, 'drain');
  }
  worksheet.commit();
  await workbook.commit();
}

/**
 * Answers the request with the sheet as a download. The first page is read before the response starts, so a
 * refusal of the list's use case (401, 403, 404, 400) still answers as JSON; a failure later cuts the download.
 */
export async function sendXlsx<T>(reply: FastifyReply, fileName: string, sheet: XlsxSheet<T>): Promise<FastifyReply> {
  const iterator = sheet.pages[Symbol.asyncIterator]();
  const first = await iterator.next();
  async function* rest(): AsyncGenerator<readonly T[]> {
    if (first.done) return;
    yield first.value;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
  }
  const body = new PassThrough();
  writeXlsx(body, { ...sheet, pages: rest() }).catch((error: unknown) => {
    reply.log.error({ err: error }, 'xlsx export failed');
    body.destroy(error as Error);
  });
  return reply
    .header('content-type', XLSX_MIME)
    .header('content-disposition', contentDisposition(fileName, 'export.xlsx'))
    .header('cache-control', 'no-store')
    .send(body);
}

const CHINA_TIME = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** "2026-03-15 09:30:00" in China time, as the pages show timestamps. */
export const chinaTime = (value: Date | null | undefined): string | null => (value ? CHINA_TIME.format(value) : null);
