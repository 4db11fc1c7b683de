/**
 * The application form (申报表) as the seed prints it (000 附件1–2, 002 附表1–3, 004 附件): the source line, the
 * form's title, the programme's fields in a bordered two-column table, the work narrative, the attachments, then
 * each opinion block the programme names — the applicant's, the district's recommendation, the acceptance (city)
 * opinion — with room for the seal and the date, filled where the opinion has been given. The same content as the
 * browser's print view (/applications/:id/print).
 */
import { type Block, blocksPdf, type Row } from './layout';

export interface ApplicationFormData {
  source: string | null;
  title: string;
  fields: { label: string; value: string }[];
  attachments: string[];
  /** Opinion blocks in the form's order; `date` is when it was given (YYYY-MM-DD), null while blank. */
  opinions: { label: string; text: string | null; date: string | null }[];
}

const seal = (date: string | null) => {
  const [y, m, d] = date ? date.split('-').map(Number) : [];
  return date ? `（盖章）　${y}年${m}月${d}日` : '（盖章）　　　年　　月　　日';
};

export function renderApplicationForm(data: ApplicationFormData): Promise<Uint8Array> {
  const rows: Row[] = data.fields.map((f) => [{ text: f.label, bold: true }, f.value]);
  if (data.attachments.length > 0) {
    rows.push([{ text: '附件', bold: true }, data.attachments.map((name, i) => `${i + 1}. ${name}`).join('\n')]);
  }
  const blocks: Block[] = [
    ...(data.source ? [{ type: 'text' as const, text: data.source, size: 11 }] : []),
    { type: 'text', text: data.title, size: 17, bold: true, align: 'center', after: 12 },
    { type: 'table', columns: [0.24, 0.76], rows, after: 0 },
    {
      type: 'table',
      columns: [0.24, 0.76],
      rows: data.opinions.map((o) => [
        { text: o.label, bold: true },
        { text: o.text ?? '', footer: seal(o.date) },
      ]),
      minRowHeight: 120,
    },
  ];
  return blocksPdf(data.title, blocks);
}
