/**
 * Consistency of one rubric beyond its shape: unique ids, printed indicator points equal to the sum of their items,
 * a reachable pass mark, sensible thresholds, `auto` only where a gate can decide.
 */
import { formatNumber } from './checks';
import { METRICS } from './metrics';
import { formatPath, type PathSegment } from './problems';
import { type Check, type Rubric, rubricNodes } from './schema';
import { rubricSummary } from './summary';

export interface RubricProblem {
  path: PathSegment[];
  message: string;
}

function checkThresholds(checks: readonly Check[] | undefined, path: PathSegment[], out: RubricProblem[]) {
  checks?.forEach((check, i) => {
    const conditions =
      'anyOf' in check
        ? check.anyOf.map((c, j) => ({ c, p: [...path, 'checks', i, 'anyOf', j] }))
        : [{ c: check, p: [...path, 'checks', i] }];
    for (const { c, p } of conditions) {
      if (METRICS[c.metric].unit === '%' && c.value > 100)
        out.push({ path: [...p, 'value'], message: '百分比阈值不能超过100' });
    }
  });
}

export function checkRubric(rubric: Rubric): RubricProblem[] {
  const out: RubricProblem[] = [];
  const seen = new Map<string, string>();
  for (const entry of rubricNodes(rubric)) {
    const { node, path } = entry;
    const previous = seen.get(node.id);
    if (previous !== undefined)
      out.push({ path: [...path, 'id'], message: `标识“${node.id}”重复（已用于 ${previous}）` });
    else seen.set(node.id, formatPath(path));

    if (entry.type === 'indicator' && entry.node.points !== undefined) {
      const total = entry.node.items.reduce((a, i) => a + i.points, 0);
      if (total !== entry.node.points) {
        out.push({
          path: [...path, 'points'],
          message: `指标分值 ${formatNumber(entry.node.points)} 分与其评价项分值之和 ${formatNumber(total)} 分不一致`,
        });
      }
    }
    if (entry.type === 'item' || entry.type === 'requirement' || entry.type === 'condition') {
      checkThresholds(entry.node.checks, path, out);
    }
    if ((entry.type === 'item' || entry.type === 'requirement') && entry.node.auto) {
      const hasGate = (entry.node.checks ?? []).some((c) => c.effect === 'gate');
      if (!hasGate) out.push({ path: [...path, 'auto'], message: 'auto 需要至少一个 effect 为 gate 的指标核验' });
    }
  }
  const summary = rubricSummary(rubric);
  if (summary.form === 'scored' && summary.passMark !== null && summary.passMark > summary.maxTotal) {
    out.push({
      path: ['passMark'],
      message: `合格分 ${formatNumber(summary.passMark)} 分超过满分 ${formatNumber(summary.maxTotal)} 分`,
    });
  }
  return out;
}
