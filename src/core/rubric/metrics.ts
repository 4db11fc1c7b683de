/**
 * The metric catalogue: quantities the platform computes itself from the ledger (台账), the registry of certified
 * bases and unit profiles, so that a rubric item such as "业务指导每年不少于2次" can be checked against data rather than
 * taken on the applicant's word. The server computes the values (for one unit, as of one day) and hands them to the
 * rubric engine as `Record<MetricId, number | undefined>`; `undefined` means "not computed / no data".
 *
 * Conventions:
 * - "近12个月" windows are the 12 months up to and including the day of evaluation; the published texts say "每年"
 *   (each year), which the platform reads as the last 12 months.
 * - "affiliated firms" (所属企业) are, for a park, the registered units whose `parkId` is the park; for an
 *   association, chamber, street office or service body, its member units (`unit_members`).
 * - Percentages are 0–100. Ratios whose denominator is 0 are `undefined`, not 0.
 */
import { z } from 'zod';

export type MetricSource = 'ledger' | 'registry' | 'profile';
export type MetricUnit = '次' | '家' | '人' | '个' | '%';

export interface MetricDefinition {
  /** Chinese label, phrased so that "<label> <value><unit>" reads as a sentence. */
  label: string;
  unit: MetricUnit;
  source: MetricSource;
  /** What data the server needs to compute it (English, for implementers). */
  needs: string;
}

function catalogue<const T extends Record<string, MetricDefinition>>(defs: T) {
  return defs;
}

export const METRICS = catalogue({
  // --- Ledger counts over the last 12 months -------------------------------------------------------------------
  'ledger.guidance_visits_12m': {
    label: '近12个月业务指导',
    unit: '次',
    source: 'ledger',
    needs:
      "Count of the unit's ledger entries of kind guidance_visit (made by an assigned guide 指导员) in the window.",
  },
  'ledger.trainings_12m': {
    label: '近12个月商业秘密保护培训',
    unit: '次',
    source: 'ledger',
    needs: "Count of the unit's ledger entries of kind training in the window (each entry is a 台账记录).",
  },
  'ledger.publicity_12m': {
    label: '近12个月商业秘密保护宣传活动',
    unit: '次',
    source: 'ledger',
    needs: "Count of the unit's ledger entries of kind publicity in the window.",
  },
  'ledger.activities_12m': {
    label: '近12个月商业秘密保护活动（培训、宣传、走访调研等）',
    unit: '次',
    source: 'ledger',
    needs: "Count of the unit's ledger entries of kinds training, publicity and survey in the window.",
  },
  'ledger.services_12m': {
    label: '近12个月开展调研、指导等服务',
    unit: '次',
    source: 'ledger',
    needs:
      "Count of the unit's ledger entries of kinds survey, risk_assessment and rights_help in the window: services a " +
      'park or station renders to its firms (not the guidance it receives from the bureau).',
  },
  'ledger.inspection_halves_12m': {
    label: '近12个月中开展监督检查的半年度',
    unit: '个',
    source: 'ledger',
    needs:
      'Of the two half-year periods ending on the evaluation day (months 1–6 and 7–12 back), how many contain at least ' +
      'one ledger entry of kind inspection: 0, 1 or 2 ("每半年…至少1次").',
  },
  'ledger.risk_assessment_reports_12m': {
    label: '近12个月形成书面报告的风险评估',
    unit: '次',
    source: 'ledger',
    needs:
      "Count of the unit's ledger entries of kind risk_assessment in the window with at least one attachment (the report).",
  },
  'ledger.rights_help_12m': {
    label: '近12个月帮助企业维权',
    unit: '次',
    source: 'ledger',
    needs: "Count of the unit's ledger entries of kind rights_help in the window.",
  },
  'ledger.staff_training_reach_12m': {
    label: '近12个月员工受训覆盖率',
    unit: '%',
    source: 'ledger',
    needs:
      "Highest reachPercent (share of the unit's own staff reached) among its training entries in the window; a " +
      'rotation training (轮训) records its cumulative reach. 100 means every employee was trained.',
  },
  'ledger.firms_trained_12m': {
    label: '近12个月受训企业',
    unit: '家',
    source: 'ledger',
    needs:
      "Sum of firmsCovered over the unit's training entries in the window, or the number of affiliated firms with a " +
      'training entry of their own in the window (written by attendance at trainings and lectures), whichever is ' +
      'larger, capped at the number of affiliated firms (entries are expected to count firms not trained before).',
  },
  'ledger.firms_trained_pct_12m': {
    label: '近12个月受训企业占所属（园区、会员）企业比例',
    unit: '%',
    source: 'ledger',
    needs:
      'ledger.firms_trained_12m ÷ registry.affiliated_firms × 100 (so a park reaches 50 % when half its tenants ' +
      'attended a training); undefined when there are no affiliated firms.',
  },
  'ledger.firms_visited_pct_12m': {
    label: '近12个月走访调研覆盖园区企业比例',
    unit: '%',
    source: 'ledger',
    needs: 'Sum of firmsCovered over survey entries in the window (capped) ÷ registry.affiliated_firms × 100.',
  },
  'ledger.firms_guided_pct_12m': {
    label: '近12个月针对性指导覆盖园区企业比例',
    unit: '%',
    source: 'ledger',
    needs:
      'Sum of firmsCovered over guidance_visit entries recorded by the park itself (no bureau guide) in the window ' +
      '(capped) ÷ registry.affiliated_firms × 100.',
  },
  'ledger.firms_risk_assessed_pct_12m': {
    label: '近12个月开展风险评估的园区企业比例',
    unit: '%',
    source: 'ledger',
    needs: 'Sum of firmsCovered over risk_assessment entries in the window (capped) ÷ registry.affiliated_firms × 100.',
  },
  // --- Registry: affiliated firms and certified bases -----------------------------------------------------------
  'registry.affiliated_firms': {
    label: '所属企业（入园企业或会员单位）',
    unit: '家',
    source: 'registry',
    needs: 'Number of registered units whose parkId is this unit, or of its members (unit_members).',
  },
  'registry.firms_protecting': {
    label: '开展商业秘密保护工作的所属企业',
    unit: '家',
    source: 'registry',
    needs:
      'Affiliated firms that hold a certified base or have at least one ledger entry of their own in the last 12 ' +
      'months.',
  },
  'registry.firms_protecting_pct': {
    label: '所属企业中开展商业秘密保护工作的比例',
    unit: '%',
    source: 'registry',
    needs: 'registry.firms_protecting ÷ registry.affiliated_firms × 100.',
  },
  'registry.affiliated_points_stations_district': {
    label: '所属企业中已认定的区县级示范站（点）',
    unit: '家',
    source: 'registry',
    needs: 'Affiliated units holding a current (not revoked) district/county-level point or station.',
  },
  'registry.affiliated_points_stations_municipal': {
    label: '所属企业中已认定的市级示范站（点）',
    unit: '家',
    source: 'registry',
    needs: 'Affiliated units holding a current municipal-level point or station.',
  },
  'registry.affiliated_points_stations_provincial': {
    label: '所属企业中已认定的省级示范站（点）',
    unit: '家',
    source: 'registry',
    needs: 'Affiliated units holding a current provincial-level point or station.',
  },
  'registry.affiliated_points_district': {
    label: '所属会员企业中已认定的区县级示范点',
    unit: '家',
    source: 'registry',
    needs: 'Affiliated units holding a current district/county-level point.',
  },
  'registry.affiliated_points_municipal': {
    label: '所属会员企业中已认定的市级示范点',
    unit: '家',
    source: 'registry',
    needs: 'Affiliated units holding a current municipal-level point (示范点 / 示范企业).',
  },
  'registry.affiliated_points_provincial': {
    label: '所属会员企业中已认定的省级示范点',
    unit: '家',
    source: 'registry',
    needs: 'Affiliated units holding a current provincial-level point.',
  },
  'registry.affiliated_firms_meeting_point_standard': {
    label: '园区内符合示范点建设标准（评分达到合格标准）的企业',
    unit: '家',
    source: 'registry',
    needs:
      "Affiliated firms whose latest evaluation against the point rubric of the same programme reaches that rubric's " +
      'pass mark (004: 80).',
  },
  // --- Unit profile -------------------------------------------------------------------------------------------
  'profile.secrecy_staff': {
    label: '商业秘密保护专（兼）职人员（保密员）',
    unit: '人',
    source: 'profile',
    needs: "Number of the unit's contacts with role confidentiality_officer (保密员).",
  },
  'profile.liaisons': {
    label: '指定的联络员',
    unit: '人',
    source: 'profile',
    needs: "Number of the unit's contacts with role liaison (联络员).",
  },
});

export type MetricId = keyof typeof METRICS;
export const METRIC_IDS = Object.keys(METRICS) as [MetricId, ...MetricId[]];

export const MetricIdSchema = z.enum(METRIC_IDS, {
  error: (issue) =>
    issue.input === undefined
      ? '必填项未填写'
      : `未知的指标${typeof issue.input === 'string' ? `“${issue.input}”` : ''}，可用指标见 metrics.ts`,
});

/** Values computed by the server for one unit; a missing or undefined value means "no data". */
export type MetricValues = Partial<Record<MetricId, number | undefined>>;

export function metricDefinition(id: MetricId): MetricDefinition {
  return METRICS[id];
}
