/**
 * What every generated PDF shares: the document with the CJK font subset to exactly the text it prints, line
 * wrapping for text without spaces (CJK, digests), centred text, the QR code, and a small flowing layout of blocks
 * (headings, paragraphs, bordered tables whose rows break across pages, signature lines) for the forms, score
 * sheets, notices and lists. Each renderer in this folder is data + a layout built from these.
 */
import { deflateSync } from 'node:zlib';
import fontkit from '@pdf-lib/fontkit';
import { type Color, PDFContext, PDFDocument, type PDFFont, type PDFPage, rgb, typedArrayFor } from 'pdf-lib';
import QRCode from 'qrcode';
import { cjkBold, cjkRegular, subsetFor } from './fonts';

/**
 * pdf-lib deflates embedded files (our two font subsets, about 400 KB each with their glyph ids kept) with pako, in
 * JavaScript: that was half of a certificate's 240 ms. Node's zlib writes the same FlateDecode data natively.
 * pdf-lib offers no option for it, so its one method that does this is replaced, with the same contract.
 */
PDFContext.prototype.flateStream = function flateStream(contents, dict = {}) {
  const deflated = deflateSync(typedArrayFor(contents));
  return this.stream(new Uint8Array(deflated.buffer, deflated.byteOffset, deflated.byteLength), {
    ...dict,
    Filter: 'FlateDecode',
  });
};

export const INK = rgb(0.12, 0.12, 0.14);
export const ACCENT = rgb(0.62, 0.09, 0.09);

/** A4 in points, portrait. */
export const A4: [number, number] = [595.28, 841.89];
export const A4_LANDSCAPE: [number, number] = [841.89, 595.28];
/** Centimetres in points. */
export const cm = (value: number) => (value / 2.54) * 72;

export interface Pdf {
  doc: PDFDocument;
  font: PDFFont;
  bold: PDFFont;
}

/**
 * fontkit's shaping would join "ff", "fi", "fl" … into ligature glyphs the font maps to no character, so text copied
 * from the PDF (a digest, a certificate number) would lose letters. Official documents print every character as its
 * own glyph.
 */
const NO_LIGATURES = { liga: false, clig: false, dlig: false, hlig: false, rlig: false } as const;

/** A document whose fonts hold the glyphs of `text` (everything it will print: pass the data and the labels). */
export async function createPdf(title: string, text: string): Promise<Pdf> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  doc.setTitle(title);
  doc.setCreator('商秘 Shangmi');
  const all = title + text;
  const font = await doc.embedFont(await subsetFor(await cjkRegular(), all), { features: NO_LIGATURES });
  const bold = await doc.embedFont(await subsetFor(await cjkBold(), all), { features: NO_LIGATURES });
  return { doc, font, bold };
}

/** Closing punctuation never starts a line (it hangs past the margin instead), as in Chinese typesetting. */
const NO_LINE_START = new Set('，。、；：！？）》」』”’,.;:!?)');

/**
 * Splits text into lines no wider than `width` at `size`, breaking anywhere (digests and CJK have no spaces); each
 * newline starts a line.
 */
export function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split(/\r?\n/)) {
    let line = '';
    for (const ch of paragraph) {
      if (font.widthOfTextAtSize(line + ch, size) > width && line && !NO_LINE_START.has(ch)) {
        lines.push(line);
        line = ch;
      } else line += ch;
    }
    lines.push(line);
  }
  return lines;
}

export interface TextStyle {
  size: number;
  font: PDFFont;
  color?: Color;
}

/** Draws `text` centred on `cx` (the page's middle unless given). */
export function drawCentered(page: PDFPage, text: string, y: number, style: TextStyle, cx = page.getWidth() / 2) {
  const width = style.font.widthOfTextAtSize(text, style.size);
  page.drawText(text, { x: cx - width / 2, y, size: style.size, font: style.font, color: style.color ?? INK });
}

/** Draws `text` ending at `right`. */
export function drawRight(page: PDFPage, text: string, right: number, y: number, style: TextStyle) {
  const width = style.font.widthOfTextAtSize(text, style.size);
  page.drawText(text, { x: right - width, y, size: style.size, font: style.font, color: style.color ?? INK });
}

/** A border `inset` points inside the page's edges, as certificates and plaques are framed. */
export function drawFrame(page: PDFPage, inset: number, borderWidth: number, color: Color) {
  const { width, height } = page.getSize();
  page.drawRectangle({
    x: inset,
    y: inset,
    width: width - 2 * inset,
    height: height - 2 * inset,
    borderColor: color,
    borderWidth,
  });
}

/** A QR code of `url` as a PNG, drawn as a square of `size` points with its lower-left corner at (x, y). */
export async function drawQr(pdf: Pdf, page: PDFPage, url: string, x: number, y: number, size: number) {
  const png = await QRCode.toBuffer(url, { margin: 1, width: 600, errorCorrectionLevel: 'M' });
  const image = await pdf.doc.embedPng(png);
  page.drawImage(image, { x, y, width: size, height: size });
}

/** The public address of a path under `base` (routes/common.ts `publicBase`: configuration, never the request). */
export function publicUrl(base: string, path: string): string {
  return `${base.replace(/\/$/, '')}${path}`;
}

// --- Flowing layout -----------------------------------------------------------------------------------------------

export interface Cell {
  text: string;
  bold?: boolean;
  align?: 'left' | 'center' | 'right';
  /** Spans this many columns. */
  span?: number;
  /** Printed at the cell's bottom right after its text, e.g. "（盖章）  年  月  日". */
  footer?: string;
}

export type Row = (Cell | string)[];

export type Block =
  | { type: 'text'; text: string; size?: number; bold?: boolean; align?: 'left' | 'center' | 'right'; after?: number }
  | {
      type: 'table';
      /** Column widths as shares of the table's width. */
      columns: number[];
      header?: Row;
      rows: Row[];
      size?: number;
      /** Rows at least this tall (opinion blocks leave room to write and stamp). */
      minRowHeight?: number;
      after?: number;
    }
  | { type: 'space'; height: number }
  /** Lines to sign on, side by side: "专家签名：________". */
  | { type: 'signatures'; labels: string[]; size?: number };

/** Everything the blocks will print, for subsetting the font. */
export function blocksText(blocks: readonly Block[]): string {
  const cells = (rows: Row[]) =>
    rows.flatMap((r) => r.map((c) => (typeof c === 'string' ? c : c.text + (c.footer ?? ''))));
  return blocks
    .map((b) => {
      if (b.type === 'text') return b.text;
      if (b.type === 'table') return cells([...(b.header ? [b.header] : []), ...b.rows]).join('');
      if (b.type === 'signatures') return b.labels.join('');
      return '';
    })
    .join('');
}

const PAD = 5;
const MARGIN = 56;

interface LaidCell {
  x: number;
  width: number;
  cell: Cell;
  lines: string[];
  font: PDFFont;
}

/** Lays the blocks out on pages of `pageSize`, adding pages as they fill; numbers the pages at the foot. */
export function renderBlocks(pdf: Pdf, blocks: readonly Block[], pageSize: [number, number] = A4) {
  const [pageWidth, pageHeight] = pageSize;
  const left = MARGIN;
  const contentWidth = pageWidth - 2 * MARGIN;
  const bottom = MARGIN;
  let page = pdf.doc.addPage(pageSize);
  let y = pageHeight - MARGIN;
  const newPage = () => {
    page = pdf.doc.addPage(pageSize);
    y = pageHeight - MARGIN;
  };

  for (const block of blocks) {
    if (block.type === 'space') {
      y -= block.height;
      continue;
    }
    if (block.type === 'text') {
      const size = block.size ?? 11;
      const font = block.bold ? pdf.bold : pdf.font;
      const leading = size * 1.55;
      for (const line of wrap(block.text, font, size, contentWidth)) {
        if (y - leading < bottom) newPage();
        y -= leading;
        const style = { size, font };
        if (block.align === 'center') drawCentered(page, line, y + size * 0.3, style, left + contentWidth / 2);
        else if (block.align === 'right') drawRight(page, line, left + contentWidth, y + size * 0.3, style);
        else page.drawText(line, { x: left, y: y + size * 0.3, size, font, color: INK });
      }
      y -= block.after ?? 4;
      continue;
    }
    if (block.type === 'signatures') {
      const size = block.size ?? 11;
      const slot = contentWidth / block.labels.length;
      if (y - 40 < bottom) newPage();
      y -= 34;
      block.labels.forEach((label, i) => {
        const x = left + i * slot;
        page.drawText(label, { x, y, size, font: pdf.font, color: INK });
        const lineX = x + pdf.font.widthOfTextAtSize(label, size) + 4;
        page.drawLine({
          start: { x: lineX, y: y - 3 },
          end: { x: x + slot - 16, y: y - 3 },
          thickness: 0.6,
          color: INK,
        });
      });
      y -= 10;
      continue;
    }

    // Table: rows break across pages; the header repeats on each page; a row taller than a page continues.
    const size = block.size ?? 10.5;
    const leading = size * 1.5;
    const widths = block.columns.map((share) => share * contentWidth);
    const layRow = (row: Row): LaidCell[] => {
      let col = 0;
      return row.map((raw) => {
        const cell: Cell = typeof raw === 'string' ? { text: raw } : raw;
        const span = cell.span ?? 1;
        const x = left + widths.slice(0, col).reduce((a, b) => a + b, 0);
        const width = widths.slice(col, col + span).reduce((a, b) => a + b, 0);
        col += span;
        const font = cell.bold ? pdf.bold : pdf.font;
        const lines = wrap(cell.text, font, size, width - 2 * PAD);
        if (cell.footer) lines.push('', ...wrap(cell.footer, pdf.font, size, width - 2 * PAD));
        return { x, width, cell, lines, font };
      });
    };
    const drawPart = (cells: LaidCell[], from: number, count: number, height: number) => {
      for (const c of cells) {
        page.drawRectangle({ x: c.x, y: y - height, width: c.width, height, borderColor: INK, borderWidth: 0.6 });
        const footerLines = c.cell.footer ? wrap(c.cell.footer, pdf.font, size, c.width - 2 * PAD).length : 0;
        const bodyCount = c.lines.length - (footerLines ? footerLines + 1 : 0);
        c.lines.slice(from, from + count).forEach((line, i) => {
          const index = from + i;
          const isFooter = index > bodyCount;
          // The footer sits at the bottom of the cell's last part.
          const lineY = isFooter
            ? y - height + PAD + (c.lines.length - 1 - index) * leading + size * 0.35
            : y - PAD - (i + 1) * leading + size * 0.45;
          const font = isFooter ? pdf.font : c.font;
          const style = { size, font };
          const align = isFooter ? 'right' : (c.cell.align ?? 'left');
          if (align === 'center') drawCentered(page, line, lineY, style, c.x + c.width / 2);
          else if (align === 'right') drawRight(page, line, c.x + c.width - PAD, lineY, style);
          else page.drawText(line, { x: c.x + PAD, y: lineY, size, font, color: INK });
        });
      }
      y -= height;
    };
    const header = block.header ? layRow(block.header) : null;
    const headerHeight = header ? Math.max(...header.map((c) => c.lines.length)) * leading + 2 * PAD : 0;
    const drawHeader = () => {
      if (header) drawPart(header, 0, Number.POSITIVE_INFINITY, headerHeight);
    };
    if (y - headerHeight - leading - 2 * PAD < bottom) newPage();
    drawHeader();
    for (const row of block.rows) {
      const cells = layRow(row);
      const total = Math.max(...cells.map((c) => c.lines.length));
      let from = 0;
      while (from < total) {
        const room = Math.floor((y - bottom - 2 * PAD) / leading);
        const rest = total - from;
        const minHeight = from === 0 ? (block.minRowHeight ?? 0) : 0;
        const needed = Math.max(rest * leading + 2 * PAD, minHeight);
        if (needed <= y - bottom) {
          drawPart(cells, from, rest, needed);
          from = total;
        } else if (room < 2 || (rest <= room && minHeight > 0)) {
          newPage();
          drawHeader();
        } else {
          drawPart(cells, from, room, room * leading + 2 * PAD);
          from += room;
          newPage();
          drawHeader();
        }
      }
    }
    y -= block.after ?? 10;
  }

  const pages = pdf.doc.getPages();
  pages.forEach((p, i) => {
    if (pages.length > 1) drawCentered(p, `第 ${i + 1} 页 共 ${pages.length} 页`, 28, { size: 9, font: pdf.font });
  });
}

/** A document made of blocks: the font covers every block's text plus `extra`. */
export async function blocksPdf(title: string, blocks: readonly Block[], pageSize: [number, number] = A4) {
  const pdf = await createPdf(title, `${blocksText(blocks)}第页共0123456789`);
  renderBlocks(pdf, blocks, pageSize);
  return pdf.doc.save();
}
