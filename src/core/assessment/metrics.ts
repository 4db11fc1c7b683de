/**
 * What the platform can measure of a bureau for its assessment (评估考核, 001 (十一)): each figure is computed over the
 * assessed jurisdiction's subtree and the scheme's period, from records the platform keeps, and every figure can
 * list the records behind it. Modules add their figures here (trainings held, clues decided on time…).
 */
import { z } from 'zod';

export interface BureauMetricDef {
  label: string;
  unit: '%' | '家' | '次' | '个' | '件' | '场';
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
  'trainings.held': {
    label: '举办培训活动',
    unit: '场',
    description: '考核期内开始、由本辖区监管部门主办（未取消）的培训、大讲堂和论坛场次',
  },
  'trainings.units_reached': {
    label: '培训覆盖单位',
    unit: '家',
    description: '考核期内本辖区主办或承办分会场的活动中签到参训的单位数（含现场登记的单位）',
  },
  'rights.decided_on_time_pct': {
    label: '维权线索按期研判率',
    unit: '%',
    description: '研判期限在考核期内的线索（不含已并案）中在期限内作出研判决定的比例',
  },
  'cases.closed': {
    label: '行政案件结案数',
    unit: '件',
    description: '考核期内办结的商业秘密行政案件数',
  },
  'typical_cases.published': {
    label: '发布典型案例',
    unit: '件',
    description: '考核期内发布的商业秘密保护典型案例数',
  },
  'contact_firms.contacted_pct': {
    label: '联系企业联系覆盖率',
    unit: '%',
    description: '考核期末在册的联系企业中考核期内至少联系过一次的比例',
  },
  'standard.adopters': {
    label: '贯标企业',
    unit: '家',
    description: '考核期内经县级监管部门确认贯彻《商业秘密保护管理与服务规范》的辖区单位数',
  },
  'services.records': {
    label: '服务项目',
    unit: '次',
    description: '考核期内为辖区单位提供的商业秘密保护服务（监管部门或合作机构）次数',
  },
  'services.campaign_visits': {
    label: '“三进”活动',
    unit: '次',
    description: '考核期内本辖区开展的进园区、进企业、进市场活动次数',
  },
  'rights.clues_received': {
    label: '受理维权线索',
    unit: '件',
    description: '考核期内本辖区受理的商业秘密维权线索数',
  },
  'cases.opened': {
    label: '行政立案',
    unit: '件',
    description: '考核期内本辖区立案查处的商业秘密行政案件数',
  },
  'people.talents': {
    label: '人才库人员',
    unit: '个',
    description: '本辖区人才库（专家、智库、执法办案人才、行政指导员）当前在册人数（人才库不记录历史，不随考核期变化）',
  },
} as const satisfies Record<string, BureauMetricDef>;

export type BureauMetricId = keyof typeof BUREAU_METRICS;
export const BUREAU_METRIC_IDS = Object.keys(BUREAU_METRICS) as [BureauMetricId, ...BureauMetricId[]];
export const BureauMetricIdSchema = z.enum(BUREAU_METRIC_IDS, {
  error: (issue) => `未知的考核数据项“${String(issue.input)}”，可用：${BUREAU_METRIC_IDS.join('、')}`,
});
