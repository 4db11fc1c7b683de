/**
 * Acceptance score sheets in the layout of the seed sheets (000 annexes 3–5, 004's standards): the rubric's title,
 * "申报单位名称 / 总得分", then per indicator its items — numbered as the sheet numbers them (1. 组织机构（15分）,
 * 1、…) — with their points, the score and the comment, the bonus group with its cap and its counted subtotal, the
 * totals and the signature lines. One sheet per expert, and the panel's summary (每位专家的得分、平均分、合格分).
 * Checklist rubrics (002, 003) print each requirement with 符合 / 不符合. Every figure comes from the panel's
 * aggregate (src/core/applications/panel-scores.ts), the numbers the acceptance card shows.
 */
import type { PanelResult } from '../../core/applications/panel-scores';
import type { Rubric } from '../../core/rubric/schema';
import { A4, A4_LANDSCAPE, type Block, blocksPdf, type Row } from './layout';

export interface SheetHead {
  unitName: string;
  programmeTitle: string;
  kindName: string;
}

export interface SheetExpert {
  expertId: string;
  name: string;
  answers: Record<string, { note?: string }> | null;
  comment: string | null;
}

const num = (n: number | null | undefined) => (n === null || n === undefined ? '' : String(n));

/** A gated item's reason with what the expert entered, e.g. "系统核验未通过：…，本项按 0 分计（专家评 8 分）". */
const gateLine = (reason: string, entered: number | undefined) =>
  entered === undefined ? reason : `${reason}（专家评${entered}分）`;

/** The sheet's own numbering: indicators and bonus groups 1., 2., …; items 1、2、… within them. */
function sections(rubric: Rubric & { form: 'scored' }) {
  return [
    ...rubric.indicators.map((i) => ({ id: i.id, title: i.title, points: i.points, items: i.items, cap: null })),
    ...rubric.bonusGroups.map((g) => ({ id: g.id, title: g.title, points: null, items: g.items, cap: g.cap })),
  ].map((s, index) => ({
    ...s,
    heading: `${index + 1}. ${s.title}（${s.cap !== null ? `加分项，最高${s.cap}分` : `${s.points ?? s.items.reduce((a, i) => a + i.points, 0)}分`}）`,
  }));
}

function heading(rubric: Rubric, head: SheetHead, kind: string, total: string): Block[] {
  return [
    ...(rubric.source ? [{ type: 'text' as const, text: rubric.source, size: 11 }] : []),
    { type: 'text', text: rubric.title, size: 17, bold: true, align: 'center', after: 2 },
    { type: 'text', text: kind, size: 13, align: 'center', after: 10 },
    { type: 'text', text: `申报单位名称：${head.unitName}　　总得分：${total}`, size: 11 },
    { type: 'text', text: `工作方案：${head.programmeTitle}　　申报类别：${head.kindName}`, size: 10, after: 8 },
  ];
}

export async function renderExpertSheet(
  rubric: Rubric,
  aggregate: PanelResult,
  expert: SheetExpert,
  head: SheetHead,
): Promise<Uint8Array> {
  const note = (id: string) => expert.answers?.[id]?.note ?? '';
  const blocks: Block[] = [];
  if (rubric.form === 'scored' && aggregate.form === 'scored') {
    const totals = aggregate.experts.find((e) => e.expertId === expert.expertId);
    const scoreOf = (id: string) =>
      aggregate.items.find((i) => i.id === id)?.scores.find((s) => s.expertId === expert.expertId)?.score;
    blocks.push(...heading(rubric, head, '专家评分表', num(totals?.grandTotal)));
    const rows: Row[] = [];
    for (const section of sections(rubric)) {
      rows.push([{ text: section.heading, bold: true, span: 4 }]);
      section.items.forEach((item, i) => {
        const gate = aggregate.items.find((x) => x.id === item.id)?.gate;
        const entered = gate?.entered.find((s) => s.expertId === expert.expertId)?.score;
        rows.push([
          `${i + 1}、${item.text}`,
          { text: num(item.points), align: 'center' },
          { text: num(scoreOf(item.id)), align: 'center' },
          // A gated item prints 0 whatever the expert entered: the sheet says why, as the acceptance card does.
          [note(item.id), gate && gateLine(gate.reason, entered)].filter(Boolean).join('\n'),
        ]);
      });
      if (section.cap !== null) {
        const group = totals?.bonusGroups.find((g) => g.id === section.id);
        const capped = group && group.raw > group.awarded ? `（各项合计${group.raw}分，按上限计）` : '';
        rows.push([
          { text: `加分项小计（最高${section.cap}分）${capped}`, bold: true },
          { text: num(section.cap), align: 'center' },
          { text: num(group?.awarded), align: 'center', bold: true },
          '',
        ]);
      }
    }
    rows.push([{ text: '基础项得分', bold: true }, '', { text: num(totals?.baseTotal), align: 'center' }, '']);
    rows.push([{ text: '加分项得分', bold: true }, '', { text: num(totals?.bonusTotal), align: 'center' }, '']);
    rows.push([
      {
        text: `总得分（满分${aggregate.maxTotal}分${aggregate.passMark !== null ? `，合格分${aggregate.passMark}分` : ''}）`,
        bold: true,
      },
      '',
      { text: num(totals?.grandTotal), align: 'center', bold: true },
      '',
    ]);
    blocks.push({
      type: 'table',
      columns: [0.5, 0.08, 0.08, 0.34],
      header: [
        { text: '评价指标及评价标准', bold: true, align: 'center' },
        { text: '分值', bold: true, align: 'center' },
        { text: '得分', bold: true, align: 'center' },
        { text: '评分意见', bold: true, align: 'center' },
      ],
      rows,
    });
  } else if (rubric.form === 'checklist' && aggregate.form === 'checklist') {
    const verdict = aggregate.experts.find((e) => e.expertId === expert.expertId);
    blocks.push(
      ...heading(rubric, head, '专家验收核查表', verdict ? `符合${verdict.metCount}/${verdict.total}项` : ''),
    );
    const rows: Row[] = [];
    rubric.conditions.forEach((condition, ci) => {
      rows.push([{ text: `${ci + 1}. ${condition.title}`, bold: true, span: 3 }]);
      const reason = aggregate.conditions.find((c) => c.id === condition.id)?.gateReason;
      if (reason) rows.push([{ text: reason, span: 3 }]);
      condition.requirements.forEach((r, ri) => {
        const found = aggregate.requirements.find((q) => q.id === r.id);
        const status = found?.metBy.includes(expert.expertId)
          ? '符合'
          : found?.notMetBy.includes(expert.expertId)
            ? '不符合'
            : '未确认';
        rows.push([`（${ri + 1}）${r.text}`, { text: status, align: 'center' }, note(r.id)]);
      });
    });
    blocks.push({
      type: 'table',
      columns: [0.58, 0.1, 0.32],
      header: [
        { text: '条件及具体要求', bold: true, align: 'center' },
        { text: '核查结论', bold: true, align: 'center' },
        { text: '核查意见', bold: true, align: 'center' },
      ],
      rows,
    });
  }
  blocks.push({ type: 'text', text: `专家：${expert.name}`, size: 11 });
  if (expert.comment) blocks.push({ type: 'text', text: `综合意见：${expert.comment}`, size: 11 });
  blocks.push({ type: 'signatures', labels: ['专家签名：', '日期：'] });
  return blocksPdf(`专家评分表 ${head.unitName} ${expert.name}`, blocks);
}

export async function renderPanelSummary(
  rubric: Rubric,
  aggregate: PanelResult,
  experts: readonly SheetExpert[],
  head: SheetHead,
  opinion: string | null,
): Promise<Uint8Array> {
  const counted = experts.filter((e) => aggregate.experts.some((a) => a.expertId === e.expertId));
  const expertShare = Math.min(0.1, 0.36 / Math.max(counted.length, 1));
  const blocks: Block[] = [];
  if (rubric.form === 'scored' && aggregate.form === 'scored') {
    blocks.push(...heading(rubric, head, '验收组评分汇总表', num(aggregate.meanTotal)));
    const scoreOf = (id: string, expertId: string) =>
      aggregate.items.find((i) => i.id === id)?.scores.find((s) => s.expertId === expertId)?.score;
    const textShare = 1 - 0.07 - 0.08 - expertShare * counted.length;
    const rows: Row[] = [];
    for (const section of sections(rubric)) {
      rows.push([{ text: section.heading, bold: true, span: 3 + counted.length }]);
      section.items.forEach((item, i) => {
        const found = aggregate.items.find((x) => x.id === item.id);
        rows.push([
          `${i + 1}、${item.text}`,
          { text: num(item.points), align: 'center' },
          ...counted.map((e) => ({ text: num(scoreOf(item.id, e.expertId)), align: 'center' as const })),
          { text: num(found?.stats?.mean), align: 'center' },
        ]);
        // Why every expert's score counts 0 here, with what each entered: the figures the acceptance card shows.
        if (found?.gate) {
          const entered = found.gate.entered
            .map((s) => `${counted.find((e) => e.expertId === s.expertId)?.name ?? ''}${s.score}分`)
            .join('、');
          rows.push([
            { text: `${found.gate.reason}${entered ? `（专家所评：${entered}）` : ''}`, span: 3 + counted.length },
          ]);
        }
      });
      if (section.cap !== null) {
        const group = aggregate.bonusGroups.find((g) => g.id === section.id);
        rows.push([
          { text: `加分项小计（最高${section.cap}分）`, bold: true },
          { text: num(section.cap), align: 'center' },
          ...counted.map((e) => ({
            text: num(
              aggregate.experts.find((x) => x.expertId === e.expertId)?.bonusGroups.find((g) => g.id === section.id)
                ?.awarded,
            ),
            align: 'center' as const,
          })),
          { text: num(group?.mean), align: 'center' },
        ]);
      }
    }
    rows.push([
      { text: `总得分（满分${aggregate.maxTotal}分）`, bold: true },
      { text: num(aggregate.maxTotal), align: 'center' },
      ...counted.map((e) => ({
        text: num(aggregate.experts.find((x) => x.expertId === e.expertId)?.grandTotal),
        align: 'center' as const,
        bold: true,
      })),
      { text: num(aggregate.meanTotal), align: 'center', bold: true },
    ]);
    blocks.push({
      type: 'table',
      columns: [textShare, 0.07, ...counted.map(() => expertShare), 0.08],
      header: [
        { text: '评价指标及评价标准', bold: true, align: 'center' },
        { text: '分值', bold: true, align: 'center' },
        ...counted.map((e) => ({ text: e.name, bold: true, align: 'center' as const })),
        { text: '平均分', bold: true, align: 'center' },
      ],
      rows,
      size: 9.5,
    });
    const verdict =
      aggregate.passed === null
        ? ''
        : aggregate.passed
          ? `，达到合格分${aggregate.passMark}分`
          : `，低于合格分${aggregate.passMark}分`;
    blocks.push({
      type: 'text',
      text: `验收组专家${aggregate.expertCount}名，平均总得分${num(aggregate.meanTotal)}分${verdict}。`,
      size: 11,
    });
  } else if (rubric.form === 'checklist' && aggregate.form === 'checklist') {
    blocks.push(
      ...heading(
        rubric,
        head,
        '验收组核查汇总表',
        aggregate.passedByMajority ? '按多数意见符合全部条件' : '按多数意见尚有条件不符合',
      ),
    );
    const rows: Row[] = [];
    rubric.conditions.forEach((condition, ci) => {
      rows.push([{ text: `${ci + 1}. ${condition.title}`, bold: true, span: 2 + counted.length }]);
      const reason = aggregate.conditions.find((c) => c.id === condition.id)?.gateReason;
      if (reason) rows.push([{ text: reason, span: 2 + counted.length }]);
      condition.requirements.forEach((r, ri) => {
        const found = aggregate.requirements.find((q) => q.id === r.id);
        rows.push([
          `（${ri + 1}）${r.text}`,
          ...counted.map((e) => ({
            text: found?.metBy.includes(e.expertId) ? '符合' : found?.notMetBy.includes(e.expertId) ? '不符合' : '',
            align: 'center' as const,
          })),
          { text: found?.majority ? '符合' : '不符合', align: 'center' },
        ]);
      });
    });
    blocks.push({
      type: 'table',
      columns: [1 - 0.1 - expertShare * counted.length, ...counted.map(() => expertShare), 0.1],
      header: [
        { text: '条件及具体要求', bold: true, align: 'center' },
        ...counted.map((e) => ({ text: e.name, bold: true, align: 'center' as const })),
        { text: '多数意见', bold: true, align: 'center' },
      ],
      rows,
      size: 9.5,
    });
  }
  if (opinion) blocks.push({ type: 'text', text: `综合验收意见：${opinion}`, size: 11 });
  blocks.push({ type: 'signatures', labels: ['验收组组长签名：', '验收组成员签名：'] });
  blocks.push({ type: 'signatures', labels: ['日期：'] });
  const pageSize = counted.length > 3 ? A4_LANDSCAPE : A4;
  return blocksPdf(`验收组评分汇总表 ${head.unitName}`, blocks, pageSize);
}
