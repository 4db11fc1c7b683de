/**
 * Scorecards of an assessment: for each assessed bureau, every indicator's points — computed indicators from the
 * bureau's figure (in proportion to the value that earns full points, capped; a figure with nothing to measure earns
 * nothing and says why), hand-scored ones from the assessing officer's entry — the total, the rank (equal totals
 * share a rank) and the praise list (通报表扬). Computed each time from the data: re-running gives the same scores.
 */
import { and, eq } from 'drizzle-orm';
import { BUREAU_METRICS } from '../../../core/assessment/metrics';
import { type AssessmentScheme, computedPoints, periodOf } from '../../../core/assessment/schema';
import type { RequestContext } from '../../context';
import type { Executor } from '../../db/client';
import { assessmentScores } from '../../db/schema';
import { notFound } from '../../errors';
import { referencedAttachment } from '../attachments/referenced-attachment';
import { bureauFigure, type DrillRecord, type Subject } from './bureau-figures';
import { readableScheme, schemeSummary } from './scheme-queries';

const round2 = (n: number) => Math.round(n * 100) / 100;

async function scoreSubject(
  db: Executor,
  scheme: AssessmentScheme,
  schemeId: string,
  subject: Subject,
  withRecords: boolean,
) {
  const period = periodOf(scheme);
  const entered = new Map(
    (
      await db
        .select()
        .from(assessmentScores)
        .where(and(eq(assessmentScores.schemeId, schemeId), eq(assessmentScores.jurisdictionCode, subject.code)))
    ).map((s) => [s.indicatorId, s]),
  );
  const indicators = [];
  for (const indicator of scheme.indicators) {
    if ('computed' in indicator) {
      const def = BUREAU_METRICS[indicator.computed.metric];
      const figure = await bureauFigure(db, indicator.computed.metric, subject, {
        period,
        year: scheme.year,
        programme: indicator.computed.programme,
      });
      indicators.push({
        id: indicator.id,
        text: indicator.text,
        maxPoints: indicator.points,
        kind: 'computed' as const,
        metricLabel: def.label,
        unit: def.unit,
        full: indicator.computed.full,
        value: figure.value,
        points: figure.value === null ? 0 : computedPoints(indicator, figure.value),
        note: figure.note ?? null,
        scoreVersion: null,
        records: withRecords ? figure.records : ([] as DrillRecord[]),
      });
    } else {
      const score = entered.get(indicator.id);
      indicators.push({
        id: indicator.id,
        text: indicator.text,
        maxPoints: indicator.points,
        kind: 'scored' as const,
        metricLabel: null,
        unit: null,
        full: null,
        value: null,
        points: score ? score.points : null,
        note: score?.note ?? indicator.scored.guidance ?? null,
        scoreVersion: score?.version ?? null,
        records:
          withRecords && score
            ? score.attachments.map((a) => ({
                label: a.fileName,
                detail: '评分依据',
                link: `/api/v1/assessments/${schemeId}/scorecards/${subject.code}/attachments/${a.sha256}`,
              }))
            : [],
      });
    }
  }
  const total = round2(indicators.reduce((sum, i) => sum + (i.points ?? 0), 0));
  const pending = indicators.filter((i) => i.kind === 'scored' && i.points === null).length;
  return { jurisdictionCode: subject.code, jurisdictionName: subject.name, total, pending, indicators };
}

type Card = Awaited<ReturnType<typeof scoreSubject>>;

function ranked(cards: Card[], scheme: AssessmentScheme) {
  const sorted = [...cards].sort((a, b) => b.total - a.total || a.jurisdictionCode.localeCompare(b.jurisdictionCode));
  let rank = 0;
  let previous: number | null = null;
  return sorted.map((card, index) => {
    if (card.total !== previous) rank = index + 1;
    previous = card.total;
    const praised =
      scheme.praise !== undefined && rank <= scheme.praise.top && card.total >= (scheme.praise.minScore ?? 0);
    return { ...card, rank, praised };
  });
}

/** The ranking: all bureaus for managers and, once results are published, for the assessed; else the own row. */
export async function scorecards(db: Executor, ctx: RequestContext, id: string) {
  const { row, manages, subjects, own } = await readableScheme(db, ctx.actor, id);
  const scheme = row.scheme.definition;
  const all = row.scheme.status === 'results_published' || manages;
  const shown = all ? subjects : subjects.filter((s) => s.code === own?.code);
  const cards = [];
  for (const subject of shown) cards.push(await scoreSubject(db, scheme, row.scheme.id, subject, false));
  const rows = all ? ranked(cards, scheme) : cards.map((c) => ({ ...c, rank: null as number | null, praised: false }));
  return {
    scheme: schemeSummary(row, manages),
    definition: scheme,
    rows: rows.map(({ indicators, ...rest }) => ({
      ...rest,
      indicators: indicators.map(({ records: _records, ...i }) => i),
    })),
  };
}

/** The assessed bureau whose scorecard the reader may see: managers any, the bureau itself, all once published. */
async function visibleSubject(db: Executor, ctx: RequestContext, id: string, jurisdictionCode: string) {
  const { row, manages, subjects, own } = await readableScheme(db, ctx.actor, id);
  const subject = subjects.find((s) => s.code === jurisdictionCode);
  const visible = subject && (manages || row.scheme.status === 'results_published' || own?.code === subject.code);
  if (!subject || !visible) throw notFound('考核对象');
  return { row, manages, subject };
}

/** One bureau's scorecard with the records behind every computed point (the drill-down). */
export async function scorecard(db: Executor, ctx: RequestContext, id: string, jurisdictionCode: string) {
  const { row, manages, subject } = await visibleSubject(db, ctx, id, jurisdictionCode);
  return {
    scheme: schemeSummary(row, manages),
    card: await scoreSubject(db, row.scheme.definition, row.scheme.id, subject, true),
  };
}

/** A file cited as evidence of a hand-scored point, to whoever may read that scorecard. */
export async function scorecardAttachment(
  db: Executor,
  ctx: RequestContext,
  id: string,
  jurisdictionCode: string,
  sha256: string,
) {
  await visibleSubject(db, ctx, id, jurisdictionCode);
  const rows = await db
    .select({ attachments: assessmentScores.attachments })
    .from(assessmentScores)
    .where(and(eq(assessmentScores.schemeId, id), eq(assessmentScores.jurisdictionCode, jurisdictionCode)));
  return referencedAttachment(
    db,
    rows.flatMap((r) => r.attachments),
    sha256,
  );
}
