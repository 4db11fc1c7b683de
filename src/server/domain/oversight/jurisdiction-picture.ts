/**
 * The "五个一" picture of a jurisdiction (issue 14): for a year or a quarter, the bases by kind and level, standard
 * adopters, trainings, service projects, cases and talents — each figure the bureau assessment's own
 * (../assessment/bureau-figures.ts), counted over the subtree, so the jurisdiction's row is the roll-up of its
 * children's — against a programme's targets (../targets/target-report.ts), with the same period a year earlier.
 * The reports upward freeze exactly this (./report-submissions.ts). An officer reads its subtree only.
 */
import { BUREAU_METRICS, type BureauMetricId } from '../../../core/assessment/metrics';
import { previousPeriod, type Quarter, reportPeriod } from '../../../core/reports/periods';
import type { RequestContext } from '../../context';
import type { Executor } from '../../db/client';
import { forbidden, notFound, unauthenticated } from '../../errors';
import { inSubtree } from '../../policies';
import { listAllJurisdictions } from '../jurisdictions/jurisdiction-queries';
import { targetReport } from '../targets/target-report';
import { pictureCounts } from './picture-figures';

/** The figures of the picture, in the order shown, grouped as 002's "五个一" (and the standard adopters). */
export const PICTURE_FIGURES: readonly { metric: BureauMetricId; group: string }[] = [
  { metric: 'bases.certified', group: '示范基地' },
  { metric: 'standard.adopters', group: '贯标企业' },
  { metric: 'trainings.held', group: '培训' },
  { metric: 'trainings.units_reached', group: '培训' },
  { metric: 'services.records', group: '服务项目' },
  { metric: 'services.campaign_visits', group: '服务项目' },
  { metric: 'rights.clues_received', group: '案件' },
  { metric: 'cases.opened', group: '案件' },
  { metric: 'cases.closed', group: '案件' },
  { metric: 'typical_cases.published', group: '案件' },
  { metric: 'people.talents', group: '人才' },
];

export interface PictureQuery {
  /** The jurisdiction; the officer's own by default (an administrator's: the whole country). */
  jurisdictionCode?: string;
  year: number;
  quarter?: Quarter;
  /** A programme whose targets the figures are set against. */
  programmeId?: string;
}

const ROOT = '000000';

/** The jurisdiction the caller may read the picture of: its own subtree for an officer (404 outside it). */
export async function readableJurisdiction(db: Executor, ctx: RequestContext, code: string | undefined) {
  const actor = ctx.actor;
  if (!actor) throw unauthenticated();
  if (actor.role !== 'officer' && actor.role !== 'admin') throw forbidden('只有监管部门可以查看工作统计');
  const all = await listAllJurisdictions(db);
  const node = all.find((j) => j.code === (code ?? actor.jurisdictionCode ?? ROOT));
  if (!node || (actor.role === 'officer' && !inSubtree(actor, node.path))) throw notFound('辖区');
  const parent = all.find((j) => j.code === node.parentCode) ?? null;
  return {
    node,
    children: all.filter((j) => j.parentCode === node.code),
    parent,
    /** The reader may open the parent's picture too (an officer not above its own jurisdiction). */
    parentReadable: parent !== null && (actor.role === 'admin' || inSubtree(actor, parent.path)),
  };
}

export async function jurisdictionPicture(db: Executor, ctx: RequestContext, query: PictureQuery) {
  const { node, children, parent, parentReadable } = await readableJurisdiction(db, ctx, query.jurisdictionCode);
  const period = reportPeriod(query.year, query.quarter ?? null);
  const earlier = previousPeriod(period);
  const subjects = [node, ...children];
  const { figures: counts, bases } = await pictureCounts(db, subjects, [period, earlier]);
  const valuesOf = (code: string, which: 0 | 1) =>
    Object.fromEntries(
      PICTURE_FIGURES.map(({ metric }) => [metric, counts.get(metric)?.get(code)?.[which] ?? 0]),
    ) as Record<string, number | null>;
  const rows = subjects.map((subject) => ({
    jurisdictionCode: subject.code,
    jurisdictionName: subject.name,
    /** The jurisdiction itself (its figures roll up its children's); the others are its children. */
    isTotal: subject.code === node.code,
    hasChildren: subject.code !== node.code && children.length > 0,
    values: valuesOf(subject.code, 0),
    previous: valuesOf(subject.code, 1),
  }));
  const codes = new Set(subjects.map((s) => s.code));
  const targets = query.programmeId ? await targetReport(db, ctx, query.programmeId, ctx.today) : null;
  return {
    jurisdiction: { code: node.code, name: node.name },
    /** The bureau above, to which the reports go. */
    parent: parent ? { code: parent.code, name: parent.name, readable: parentReadable } : null,
    period,
    previousPeriod: earlier,
    figures: PICTURE_FIGURES.map(({ metric, group }) => ({
      metric,
      group,
      label: BUREAU_METRICS[metric].label,
      unit: BUREAU_METRICS[metric].unit,
      description: BUREAU_METRICS[metric].description,
    })),
    rows,
    bases,
    programme: targets
      ? { id: targets.programmeId, code: targets.programmeCode, title: targets.programmeTitle, asOf: targets.asOf }
      : null,
    targets: targets ? targets.rows.filter((r) => codes.has(r.jurisdictionCode)) : [],
  };
}

export type JurisdictionPicture = Awaited<ReturnType<typeof jurisdictionPicture>>;
