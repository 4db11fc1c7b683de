/**
 * A report upward (统计报表) as printed: the bureau, the period, who submitted it and when, then one table of its
 * lines (figure, this period, the same period a year earlier, remark), grouped by section.
 */
import { chinaTime } from '../export/xlsx-stream';
import { A4_LANDSCAPE, type Block, blocksPdf, type Row } from './layout';

/** One line of a report: a figure of a jurisdiction, this period against the same period a year earlier. */
export interface ReportLine {
  section: string;
  jurisdiction: string;
  item: string;
  current: number | null;
  previous: number | null;
  note: string;
}

export interface ReportUpwardData {
  title: string;
  bureau: string;
  parent: string | null;
  periodLabel: string;
  previousLabel: string;
  submittedByName: string;
  submittedAt: string;
  reason: string | null;
  lines: ReportLine[];
}

const shown = (n: number | null) => (n === null ? '—' : String(n));

export function renderReportUpward(data: ReportUpwardData): Promise<Uint8Array> {
  const rows: Row[] = [];
  let section = '';
  for (const line of data.lines) {
    if (line.section !== section) {
      section = line.section;
      rows.push([{ text: section, bold: true, span: 5 }]);
    }
    rows.push([
      line.jurisdiction,
      line.item,
      { text: shown(line.current), align: 'right' },
      { text: shown(line.previous), align: 'right' },
      line.note,
    ]);
  }
  const blocks: Block[] = [
    { type: 'text', text: data.title, size: 18, bold: true, align: 'center', after: 6 },
    {
      type: 'text',
      text: `报送单位：${data.bureau}${data.parent ? `　　报送至：${data.parent}` : ''}　　报告期：${data.periodLabel}`,
      size: 11,
      align: 'center',
    },
    {
      type: 'text',
      text: `报送人：${data.submittedByName}　　报送时间：${chinaTime(new Date(data.submittedAt))}`,
      size: 11,
      align: 'center',
      after: data.reason ? 0 : 10,
    },
    ...(data.reason ? [{ type: 'text' as const, text: `重新报送原因：${data.reason}`, size: 11, after: 10 }] : []),
    {
      type: 'table',
      columns: [0.16, 0.38, 0.1, 0.12, 0.24],
      header: ['辖区', '指标', '本期', `上年同期`, '说明'].map((text) => ({
        text,
        bold: true,
        align: 'center' as const,
      })),
      rows,
      size: 10,
    },
    {
      type: 'text',
      text: `上年同期指${data.previousLabel}。数据由商秘平台按报送时的记录生成，报送后不再变化。`,
      size: 9,
    },
  ];
  return blocksPdf(data.title, blocks, A4_LANDSCAPE);
}
