/**
 * What the platform can measure of a bureau for its assessment (评估考核, 001 (十一)): each figure is computed over the
 * assessed jurisdiction's subtree and the scheme's period, from records the platform keeps, and every figure can
 * list the records behind it. Modules add their figures here (trainings held, clues decided on time…).
 */
import { z } from 'zod';

export interface BureauMetricDef {
  label: string;
  unit: '%' | '家' | '次' | '个';
  /** What the figure counts, shown beside the points. */
  description: string;
  /** Needs a programme code (the programme whose targets it compares against). */
  needsProgramme?: boolean;
}

export const BUREAU_METRICS = {
  'bases.target_completion_pct': {
    label: '示范基地建设任务完成率',
    unit: '%',
    description: '工作方案下达的建设任务中已认定（未撤销）的比例，各类任务合计',
    needsProgramme: true,
  },
  'bases.certified': {
    label: '考核期内认定的示范基地',
    unit: '家',
    description: '考核期内认定的示范基地数（任何工作方案）',
  },
  'bases.reviewed_pct': {
    label: '示范基地年度复核完成率',
    unit: '%',
    description: '考核期末有效的示范基地中已完成本年度复核的比例',
  },
  'ledger.active_bases_pct': {
    label: '示范基地台账活跃率',
    unit: '%',
    description: '考核期末有效的示范基地中考核期内记有工作台账的比例',
  },
  'guidance.visits': {
    label: '业务指导次数',
    unit: '次',
    description: '考核期内监管部门对辖区单位的业务指导次数',
  },
  'evidence.firms': {
    label: '使用存证服务的企业',
    unit: '家',
    description: '考核期内提交过商业秘密存证的辖区单位数',
  },
} as const satisfies Record<string, BureauMetricDef>;

export type BureauMetricId = keyof typeof BUREAU_METRICS;
export const BUREAU_METRIC_IDS = Object.keys(BUREAU_METRICS) as [BureauMetricId, ...BureauMetricId[]];
export const BureauMetricIdSchema = z.enum(BUREAU_METRIC_IDS, {
  error: (issue) => `未知的考核数据项“${String(issue.input)}”，可用：${BUREAU_METRIC_IDS.join('、')}`,
});
