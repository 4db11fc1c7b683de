/**
 * An application's acceptance result as an Excel sheet: every rubric item (or requirement) with each sitting
 * expert's score (or finding) and the panel's figures, then the totals — what the acceptance card shows, to whoever
 * may see the scores there (the owning bureau; an expert once its own sheet is complete).
 */
import type { PanelResult } from '../../../core/applications/panel-scores';
import type { RequestContext } from '../../context';
import type { Executor } from '../../db/client';
import { forbidden } from '../../errors';
import { type CellValue, onePage, type XlsxColumn, type XlsxSheet } from '../../export/xlsx-stream';
import { getPanel } from './get-panel';

interface PanelRow {
  number: string;
  text: string;
  points: number | null;
  cells: Map<string, CellValue>;
  figures: CellValue[];
}

export async function exportPanel(db: Executor, ctx: RequestContext, applicationId: string) {
  const panel = await getPanel(db, ctx, applicationId);
  const aggregate = panel.aggregate as PanelResult | null;
  if (panel.view === 'members') throw forbidden('只有验收主管部门和已完成评分的验收专家可以导出评分');
  const sitting = panel.members.filter((m) => m.sheetStatus !== 'recused');
  const rows: PanelRow[] = [];
  let figureHeaders: string[];
  if (aggregate?.form === 'checklist') {
    figureHeaders = ['符合人数', '多数意见', '意见分歧'];
    for (const [i, r] of aggregate.requirements.entries()) {
      const cells = new Map<string, CellValue>();
      for (const id of r.metBy) cells.set(id, '符合');
      for (const id of r.notMetBy) cells.set(id, '不符合');
      for (const id of r.unansweredBy) cells.set(id, '未答');
      rows.push({
        number: String(i + 1),
        text: r.text,
        points: null,
        cells,
        figures: [
          `${r.metBy.length}/${aggregate.expertCount}`,
          r.majority ? '符合' : '不符合',
          r.disagreement ? '是' : '否',
        ],
      });
    }
    const verdicts = new Map(aggregate.experts.map((e) => [e.expertId, e]));
    rows.push({
      number: '',
      text: '结论',
      points: null,
      cells: new Map(sitting.map((m) => [m.expertId, verdicts.get(m.expertId)?.passed ? '通过' : '不通过'])),
      figures: [null, aggregate.passedByMajority ? '多数通过' : '未获多数通过', null],
    });
  } else {
    figureHeaders = ['平均分', '中位数', '最低分', '最高分', '意见分歧'];
    const base = aggregate?.items.filter((item) => !item.bonus) ?? [];
    const bonus = aggregate?.items.filter((item) => item.bonus) ?? [];
    const itemRow = (item: (typeof base)[number], number: string): PanelRow => ({
      number,
      text: item.text,
      points: item.points,
      cells: new Map(item.scores.map((s) => [s.expertId, s.score])),
      figures: [
        item.stats?.mean,
        item.stats?.median,
        item.stats?.min,
        item.stats?.max,
        item.disagreement ? '是' : '否',
      ],
    });
    rows.push(...base.map((item, i) => itemRow(item, String(i + 1))));
    rows.push(...bonus.map((item, i) => itemRow(item, `加分 ${i + 1}`)));
    for (const group of aggregate?.bonusGroups ?? []) {
      rows.push({
        number: '',
        text: `${group.title}（加分上限 ${group.cap} 分）`,
        points: group.cap,
        cells: new Map(),
        figures: [group.mean, null, null, null, null],
      });
    }
    if (aggregate) {
      const totals = new Map(aggregate.experts.map((e) => [e.expertId, e.grandTotal]));
      rows.push({
        number: '',
        text: aggregate.passMark === null ? '总分' : `总分（合格分 ${aggregate.passMark}）`,
        points: aggregate.maxTotal,
        cells: new Map(sitting.map((m) => [m.expertId, totals.get(m.expertId)])),
        figures: [
          aggregate.total?.mean,
          aggregate.total?.median,
          aggregate.total?.min,
          aggregate.total?.max,
          aggregate.totalDisagreement ? '是' : '否',
        ],
      });
    }
  }
  const columns: XlsxColumn<PanelRow>[] = [
    { header: '序号', width: 8, value: (r) => r.number },
    { header: aggregate?.form === 'checklist' ? '要求' : '评分项', width: 48, value: (r) => r.text },
    ...(aggregate?.form === 'checklist' ? [] : [{ header: '分值', width: 8, value: (r: PanelRow) => r.points }]),
    ...sitting.map((m) => ({
      header: `${m.name}（${m.affiliation}）`,
      width: 16,
      value: (r: PanelRow) => r.cells.get(m.expertId),
    })),
    ...figureHeaders.map((header, i) => ({ header, width: 10, value: (r: PanelRow) => r.figures[i] })),
  ];
  const sheet: XlsxSheet<PanelRow> = { name: '验收评分汇总', columns, pages: onePage(async () => rows) };
  return sheet;
}
