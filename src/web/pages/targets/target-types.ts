/** Shapes of GET /targets (src/server/routes/targets.ts) as the browser receives them, and their grouping. */
import type { BaseKind, BaseLevel, TargetSubject } from '../../../core/programs/enums';

export type TargetState = 'met' | 'open' | 'overdue' | 'not_tracked';

export interface TargetRow {
  jurisdictionCode: string;
  jurisdictionName: string;
  /** The published name of the row's group, e.g. "越城区、柯桥区…" or "合计". */
  label: string | null;
  subject: TargetSubject;
  subjectLabel: string;
  kind: BaseKind | null;
  kindLabel: string;
  level: BaseLevel | null;
  levelLabel: string;
  from: string | null;
  due: string;
  atLeast: number;
  /** The programme has no row for this jurisdiction: the target sums its listed sub-jurisdictions. */
  rolledUp: boolean;
  /** null: the platform has no such data (standard adopters). */
  certified: number | null;
  inProgress: number | null;
  remaining: number | null;
  state: TargetState;
  stateLabel: string;
  note: string | null;
}

export interface TargetReport {
  programmeId: string;
  programmeCode: string;
  programmeTitle: string;
  year: number;
  ownerJurisdictionCode: string;
  ownerJurisdictionName: string;
  asOf: string;
  rows: TargetRow[];
}

/** A row with its place in the group's jurisdiction tree. */
export interface PlacedRow extends TargetRow {
  key: string;
  /** 0 for the group's top rows, 1 for the jurisdictions below them … */
  indent: number;
  /** No other row of the group lies below it: what the chart compares. */
  leaf: boolean;
}

/** Rows counting the same thing (subject, kind, level, period), as the server groups them. */
export interface TargetGroup {
  key: string;
  title: string;
  tracked: boolean;
  rows: PlacedRow[];
}

const groupKey = (r: TargetRow) => [r.subject, r.kind ?? '*', r.level ?? '*', r.from ?? '*', r.due].join('|');

function groupTitle(r: TargetRow): string {
  const what = r.subject === 'base' ? `${r.levelLabel}${r.kindLabel}` : r.subjectLabel;
  const when = r.from ? `${r.from} 至 ${r.due}` : `截至 ${r.due}`;
  return `${what}（${when}）`;
}

/** Groups the report's rows (already in group, then tree order) and places each in its group's tree. */
export function groupTargets(rows: readonly TargetRow[], pathOf: (code: string) => string | undefined): TargetGroup[] {
  const groups = new Map<string, TargetRow[]>();
  for (const row of rows) {
    const key = groupKey(row);
    const list = groups.get(key);
    if (list) list.push(row);
    else groups.set(key, [row]);
  }
  return [...groups.entries()].map(([key, list]) => {
    const paths = list.map((r) => pathOf(r.jurisdictionCode));
    const known = paths.every((p) => p !== undefined);
    const depths = paths.map((p) => (p ? p.split('.').length : 0));
    const top = Math.min(...depths);
    return {
      key,
      title: groupTitle(list[0]!),
      tracked: list.some((r) => r.certified !== null),
      rows: list.map((row, i) => {
        const path = paths[i];
        const leaf =
          known && path
            ? !paths.some((other, j) => j !== i && other !== undefined && other !== path && other.startsWith(path))
            : !row.rolledUp;
        return {
          ...row,
          key: `${key}|${row.jurisdictionCode}|${i}`,
          indent: known ? (depths[i] ?? top) - top : row.rolledUp ? 0 : 1,
          leaf,
        };
      }),
    };
  });
}

/** Certified as a share of the target, 0–100 (a zero target counts as done). */
export function completion(row: Pick<TargetRow, 'atLeast' | 'certified'>): number | null {
  if (row.certified === null) return null;
  if (row.atLeast <= 0) return 100;
  return Math.round((row.certified / row.atLeast) * 1000) / 10;
}
