/**
 * Targets (建设任务) against what has been built, pure. Each programme target row names jurisdictions that must each
 * reach `atLeast` bases of a kind and level by the due date (from the start date, when given). Rows are grouped by
 * what they count (subject, kind, level, from, due); within a group, a jurisdiction between the owner and the listed
 * ones that has no row of its own — the owner itself, typically — gets a rolled-up row whose target is the sum of
 * its nearest listed descendants (002 annex 1 lists each county and a 合计; a programme without the 合计 still shows
 * one).
 *
 * What counts as built: a base in the jurisdiction's subtree whose category and level match, decided by the due
 * date (and on or after `from`), not revoked by the due date — certified under any programme, not only this one:
 * targets such as 001's "市、区两级合计" or 002's provincial bases per county count bases other bureaus certify.
 * Without `from` the target is cumulative (001: "到2022年底建成…不少于100家"). In progress: applications of units in
 * the subtree for a matching kind (under any programme) that are submitted and neither ended nor certified.
 * Standard adopters (贯标企业, 002 annex 1's fourth column) count the units of the subtree whose declaration of the
 * provincial standard their county bureau confirmed within [from, due]; declarations awaiting it are in progress.
 */
import type { ApplicationStatus } from '../../../core/applications/workflow';
import { BaseKind, BaseLevel, TargetSubject } from '../../../core/programs/enums';
import type { Target } from '../../../core/programs/schema';

export interface JurisdictionNode {
  code: string;
  name: string;
  path: string;
}

/**
 * Bases of one jurisdiction, kind and level, counted per period (`TargetPeriod`): those decided within it and not
 * revoked by its due date (`counted[i]` for `periods[i]`). Counted in SQL (./target-counts.ts).
 */
export interface BaseCounts {
  path: string;
  category: BaseKind;
  level: BaseLevel;
  counted: readonly number[];
}

/** Applications under way (IN_PROGRESS) of units of one jurisdiction for a kind of this category and level. */
export interface PipelineCount {
  path: string;
  category: BaseKind;
  level: BaseLevel;
  n: number;
}

/**
 * Declarations of the provincial standard (src/server/domain/standard-adoptions/) by units of one jurisdiction:
 * confirmed within each period (`confirmed[i]`), and awaiting confirmation.
 */
export interface AdopterCounts {
  path: string;
  confirmed: readonly number[];
  declared: number;
}

/** What a target counts over: decided in [from, due] (from the start without `from`), not revoked by `due`. */
export interface TargetPeriod {
  from: string | null;
  due: string;
}

const periodKey = (p: { from?: string | null; due: string }) => `${p.from ?? ''}|${p.due}`;

/** The distinct periods of the targets, in a fixed order: what each count in BaseCounts / AdopterCounts is for. */
export function targetPeriods(targets: readonly Target[]): TargetPeriod[] {
  const periods = new Map<string, TargetPeriod>();
  for (const t of targets) periods.set(periodKey(t), { from: t.from ?? null, due: t.due });
  return [...periods.values()];
}

/** Submitted and still under way (approved waits for certification): what may still become a base. */
export const IN_PROGRESS: readonly ApplicationStatus[] = [
  'submitted',
  'returned',
  'district_recommended',
  'under_acceptance',
  'acceptance_passed',
  'in_publicity',
  'approved',
];

export type TargetState = 'met' | 'open' | 'overdue' | 'not_tracked';

export const TARGET_STATE_LABELS: Record<TargetState, string> = {
  met: '已完成',
  open: '进行中',
  overdue: '逾期未完成',
  not_tracked: '平台暂无数据',
};

interface PlannedRow {
  group: number;
  code: string;
  target: Target;
  atLeast: number;
  rolledUp: boolean;
}

const pathOf = (nodes: ReadonlyMap<string, JurisdictionNode>, code: string) => nodes.get(code)?.path;

const groupKey = (t: Target) => [t.subject, t.kind ?? '*', t.level ?? '*', t.from ?? '*', t.due].join('|');

/** The explicit rows per jurisdiction and the rolled-up rows of their unlisted ancestors up to the owner. */
export function planTargetRows(
  targets: readonly Target[],
  owner: JurisdictionNode,
  nodes: ReadonlyMap<string, JurisdictionNode & { parentCode: string | null }>,
): PlannedRow[] {
  const groups = new Map<string, number>();
  const explicit: PlannedRow[] = [];
  for (const target of targets) {
    const key = groupKey(target);
    if (!groups.has(key)) groups.set(key, groups.size);
    for (const code of target.jurisdictions) {
      explicit.push({ group: groups.get(key)!, code, target, atLeast: target.atLeast, rolledUp: false });
    }
  }
  const rolled: PlannedRow[] = [];
  for (const group of groups.values()) {
    const rows = explicit.filter((r) => r.group === group);
    const listed = new Set(rows.map((r) => r.code));
    const path = (code: string) => pathOf(nodes, code);
    const ancestors = new Set<string>();
    for (const row of rows) {
      let node = nodes.get(nodes.get(row.code)?.parentCode ?? '');
      while (node?.path.startsWith(owner.path)) {
        if (!listed.has(node.code)) ancestors.add(node.code);
        node = nodes.get(node.parentCode ?? '');
      }
    }
    for (const code of ancestors) {
      const top = path(code)!;
      // The nearest listed descendants: below `code`, with no listed jurisdiction in between.
      const nearest = rows.filter((r) => {
        const p = path(r.code);
        if (!p || p === top || !p.startsWith(top)) return false;
        return !rows.some((x) => {
          const xp = path(x.code);
          return xp !== undefined && xp !== p && xp !== top && xp.startsWith(top) && p.startsWith(xp);
        });
      });
      const first = nearest[0];
      if (!first) continue;
      rolled.push({
        group,
        code,
        target: { ...first.target, label: undefined, note: undefined },
        atLeast: nearest.reduce((sum, r) => sum + r.atLeast, 0),
        rolledUp: true,
      });
    }
  }
  const depth = (code: string) => pathOf(nodes, code)?.split('.').length ?? 99;
  return [...explicit, ...rolled].sort(
    (a, b) =>
      a.group - b.group ||
      depth(a.code) - depth(b.code) ||
      (pathOf(nodes, a.code) ?? a.code).localeCompare(pathOf(nodes, b.code) ?? b.code),
  );
}

function matches(target: Target, item: { category: BaseKind; level: BaseLevel }) {
  return (!target.kind || item.category === target.kind) && (!target.level || item.level === target.level);
}

const sum = (values: readonly number[]) => values.reduce((total, n) => total + n, 0);

export function targetProgress(
  planned: readonly PlannedRow[],
  nodes: ReadonlyMap<string, JurisdictionNode>,
  periods: readonly TargetPeriod[],
  built: readonly BaseCounts[],
  pipeline: readonly PipelineCount[],
  today: string,
  adopters: readonly AdopterCounts[] = [],
) {
  const periodIndex = new Map(periods.map((p, i) => [periodKey(p), i]));
  return planned.map((row) => {
    const { target } = row;
    const node = nodes.get(row.code);
    const inSubtree = (item: { path: string }) => node !== undefined && item.path.startsWith(node.path);
    let certified: number | null = null;
    let inProgress: number | null = null;
    const period = periodIndex.get(periodKey(target)) ?? -1;
    if (node && target.subject === 'base') {
      const mine = built.filter((b) => inSubtree(b) && matches(target, b));
      certified = sum(mine.map((b) => b.counted[period] ?? 0));
      inProgress = sum(pipeline.filter((a) => inSubtree(a) && matches(target, a)).map((a) => a.n));
    } else if (node && target.subject === 'standard_adopter') {
      const mine = adopters.filter(inSubtree);
      certified = sum(mine.map((a) => a.confirmed[period] ?? 0));
      inProgress = sum(mine.map((a) => a.declared));
    }
    const state: TargetState =
      certified === null ? 'not_tracked' : certified >= row.atLeast ? 'met' : today > target.due ? 'overdue' : 'open';
    return {
      jurisdictionCode: row.code,
      jurisdictionName: node?.name ?? row.code,
      label: target.label ?? null,
      subject: target.subject,
      subjectLabel: TargetSubject.labels[target.subject],
      kind: target.kind ?? null,
      kindLabel: target.kind ? BaseKind.labels[target.kind] : '各类基地',
      level: target.level ?? null,
      levelLabel: target.level ? BaseLevel.labels[target.level] : '各级',
      from: target.from ?? null,
      due: target.due,
      atLeast: row.atLeast,
      rolledUp: row.rolledUp,
      certified,
      inProgress,
      remaining: certified === null ? null : Math.max(0, row.atLeast - certified),
      state,
      stateLabel: TARGET_STATE_LABELS[state],
      note: target.note ?? null,
    };
  });
}
