/**
 * The rights module's statutory figures as data: the clocks (期限) and the criminal threshold (刑事追诉标准), each
 * with its source. These are the defaults; the city may override a figure (table `rights_rules`, key = the rule's
 * code), and every clock and proposal is computed from the effective value (src/server/domain/rights/rights-rules.ts).
 * Both modules' clocks live here: the intake clocks (rights-core) and the case-closing clock (rights-cases).
 */
import type { RightsClockUnit } from '../enums-rights';

export interface RightsClockRule {
  code: string;
  /** Shown to users, e.g. "立案审查期限". */
  name: string;
  /** The period, counted in `unit` from the start event. */
  period: number;
  unit: RightsClockUnit;
  /** How many times the period may be extended, and by how much each time (same unit); 0 = not extendable. */
  maxExtensions: number;
  extensionPeriod: number;
  /** What starts the clock (shown to users). */
  startsAt: string;
  /** The legal source, cited in full on the page. */
  source: string;
}

export const RIGHTS_CLOCK_RULES = {
  /** Decide whether to open a case: 15 working days from the clue, once extendable by 15 with approval. */
  decide_acceptance: {
    code: 'decide_acceptance',
    name: '立案审查期限',
    period: 15,
    unit: 'working_days',
    maxExtensions: 1,
    extensionPeriod: 15,
    startsAt: '收到线索之日',
    source:
      '《市场监督管理行政处罚程序规定》第十八条：市场监督管理部门对依据监督检查职责或者通过投诉、举报、其他部门移送、上级交办等途径发现的违法线索，应当自发现线索或者收到材料之日起十五个工作日内予以核查，由市场监督管理部门负责人决定是否立案；特殊情况下，经市场监督管理部门负责人批准，可以延长十五个工作日。',
  },
  /** Decide on transferring a suspected crime: 3 days from the written report. */
  transfer_decide: {
    code: 'transfer_decide',
    name: '移送审批期限',
    period: 3,
    unit: 'calendar_days',
    maxExtensions: 0,
    extensionPeriod: 0,
    startsAt: '承办人提出移送书面报告之日',
    source:
      '《行政执法机关移送涉嫌犯罪案件的规定》（国务院令第310号）第五条：……应当自接到报告之日起3日内作出批准移送或者不批准移送的决定。',
  },
  /** Send an approved transfer within 24 hours. */
  transfer_send: {
    code: 'transfer_send',
    name: '移送公安期限',
    period: 24,
    unit: 'hours',
    maxExtensions: 0,
    extensionPeriod: 0,
    startsAt: '批准移送之时',
    source:
      '《行政执法机关移送涉嫌犯罪案件的规定》（国务院令第310号）第五条：决定批准的，应当在24小时内向同级公安机关移送。',
  },
  /** The police decide on a received transfer within 3 days (recorded, not enforced on the police). */
  police_decide: {
    code: 'police_decide',
    name: '公安机关审查期限',
    period: 3,
    unit: 'calendar_days',
    maxExtensions: 0,
    extensionPeriod: 0,
    startsAt: '公安机关接受移送之日',
    source:
      '《行政执法机关移送涉嫌犯罪案件的规定》（国务院令第310号）第八条：公安机关应当自接受行政执法机关移送的涉嫌犯罪案件之日起3日内，依照刑法、刑事诉讼法以及最高人民法院、最高人民检察院关于立案标准和公安部关于公安机关办理刑事案件程序规定的规定，对所移送的案件进行审查。',
  },
  /** Close an opened case within 90 days (the rights-cases module's clock; extendable with approval). */
  close_case: {
    code: 'close_case',
    name: '结案期限',
    period: 90,
    unit: 'calendar_days',
    maxExtensions: 1,
    extensionPeriod: 30,
    startsAt: '立案之日',
    source:
      '《市场监督管理行政处罚程序规定》第六十四条：适用普通程序办理的案件应当自立案之日起九十日内作出处理决定。因案情复杂或者其他原因，不能在规定期限内作出处理决定的，经市场监督管理部门负责人批准，可以延长三十日。',
  },
} as const satisfies Record<string, RightsClockRule>;

export type RightsClockCode = keyof typeof RIGHTS_CLOCK_RULES;

/** The criminal threshold (立案追诉标准) for infringing trade secrets. */
export interface RightsCriminalThreshold {
  code: 'criminal_threshold';
  name: string;
  /** Loss to the holder or illicit gain, in yuan, at or above which the criminal route is proposed. */
  amountYuan: number;
  source: string;
}

export const RIGHTS_CRIMINAL_THRESHOLD: RightsCriminalThreshold = {
  code: 'criminal_threshold',
  name: '侵犯商业秘密刑事立案追诉标准',
  amountYuan: 300_000,
  source:
    '《最高人民检察院 公安部关于修改〈关于公安机关管辖的刑事案件立案追诉标准的规定（二）〉的决定》（2020年9月）：侵犯商业秘密，给商业秘密的权利人造成损失数额或者因侵犯商业秘密违法所得数额在三十万元以上的，应予立案追诉。',
};
