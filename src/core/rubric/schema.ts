/**
 * Rubrics (验收评价标准 / 申报条件) as data. Two forms:
 * - scored: indicators → items with points (the published wording verbatim), bonus groups whose total is capped,
 *   an optional pass mark (000 annexes 3–5, 004 annexes 4–5);
 * - checklist: conditions that must all hold, each made of sub-requirements (002 arts. 6, 8, 10; 003 part 2).
 * Any item, requirement or condition may carry metric checks the platform verifies from its own data.
 */
import { z } from 'zod';
import { MetricIdSchema } from './metrics';
import { type PathSegment, typeError } from './problems';

const labels = <const T extends Record<string, string>>(l: T) => ({
  labels: l,
  schema: z.enum(Object.keys(l) as [keyof T & string, ...(keyof T & string)[]]),
});

/** Comparison of a metric with its threshold. */
export const Comparison = labels({ gte: '不少于', gt: '多于', lte: '不多于', lt: '少于', eq: '等于' });
export type Comparison = z.infer<typeof Comparison.schema>;

/**
 * What a failed check does. `gate`: the check states a necessary condition, so when the platform's data shows it is
 * not met the node fails (scored item → 0 points, requirement/condition → not met). `advise`: the check only
 * approximates the published requirement; a failure is listed as a gap but decides nothing.
 */
export const CheckEffect = labels({ gate: '必要条件', advise: '提示' });
export type CheckEffect = z.infer<typeof CheckEffect.schema>;

export const RubricId = z
  .string({ error: typeError('标识应为文本') })
  .regex(/^[A-Za-z][A-Za-z0-9_.-]{0,63}$/, '标识只能由字母开头，含字母、数字、点、横线或下划线，最长64位');

const Text = z
  .string({ error: typeError('应为文本') })
  .trim()
  .min(1, '不能为空')
  .max(2000, '不能超过2000个字');
const Points = z
  .number({ error: typeError('分值应为数字') })
  .positive('分值应大于0')
  .max(1000, '分值不能超过1000')
  .multipleOf(0.5, '分值最小单位为0.5分');

export const MetricConditionSchema = z
  .object({
    metric: MetricIdSchema,
    op: Comparison.schema,
    value: z.number({ error: typeError('阈值应为数字') }).min(0, '阈值不能为负'),
  })
  .strict();
export type MetricCondition = z.infer<typeof MetricConditionSchema>;

export const MetricCheckSchema = MetricConditionSchema.extend({ effect: CheckEffect.schema.default('gate') }).strict();
export type MetricCheck = z.infer<typeof MetricCheckSchema>;

/** Holds when at least one alternative holds (000 zone: "市级…2 家以上或者区级…4 家以上"). */
export const AnyOfCheckSchema = z
  .object({
    anyOf: z.array(MetricConditionSchema).min(2, '“满足其一”至少应有两个备选条件'),
    effect: CheckEffect.schema.default('gate'),
  })
  .strict();
export type AnyOfCheck = z.infer<typeof AnyOfCheckSchema>;

export const CheckSchema = z.union([MetricCheckSchema, AnyOfCheckSchema]);
export type Check = z.infer<typeof CheckSchema>;

const checks = z.array(CheckSchema).max(20).optional();
/** `auto`: the node is decided by its checks when the data is there; the applicant's answer only when it is not. */
const auto = z.boolean().optional();

export const RequirementSchema = z.object({ id: RubricId, text: Text, checks, auto, note: Text.optional() }).strict();
export type Requirement = z.infer<typeof RequirementSchema>;

export const ScoredItemSchema = z
  .object({
    id: RubricId,
    text: Text,
    points: Points,
    /** Published sub-requirements of an item scored as a whole (004 "活动开展有效（30分）：（1）…（7）…"). */
    requirements: z.array(RequirementSchema).max(50).optional(),
    checks,
    auto,
    note: Text.optional(),
  })
  .strict();
export type ScoredItem = z.infer<typeof ScoredItemSchema>;

export const IndicatorSchema = z
  .object({
    id: RubricId,
    title: Text,
    /** The points printed beside the indicator; when given, they must equal the sum of its items. */
    points: Points.optional(),
    items: z.array(ScoredItemSchema).min(1, '评价指标至少应有一个评价项').max(50),
    note: Text.optional(),
  })
  .strict();
export type Indicator = z.infer<typeof IndicatorSchema>;

/** Items whose awarded points add up to at most `cap` (加分项, 特色工作). The items may add up to more than the cap. */
export const BonusGroupSchema = z
  .object({
    id: RubricId,
    title: Text,
    cap: Points,
    items: z.array(ScoredItemSchema).min(1, '加分组至少应有一个加分项').max(50),
    note: Text.optional(),
  })
  .strict();
export type BonusGroup = z.infer<typeof BonusGroupSchema>;

const rubricHead = {
  id: RubricId,
  title: Text,
  /** Where the rubric is published, e.g. "附件3" or "附件2 第六条". */
  source: Text.optional(),
  note: Text.optional(),
};

export const ScoredRubricSchema = z
  .object({
    ...rubricHead,
    form: z.literal('scored'),
    passMark: z
      .number({ error: typeError('合格分应为数字') })
      .min(0, '合格分不能为负')
      .multipleOf(0.5)
      .optional(),
    indicators: z.array(IndicatorSchema).min(1, '评分表至少应有一个评价指标').max(50),
    bonusGroups: z.array(BonusGroupSchema).max(10).default([]),
  })
  .strict();
export type ScoredRubric = z.infer<typeof ScoredRubricSchema>;

export const ConditionSchema = z
  .object({
    id: RubricId,
    title: Text,
    requirements: z.array(RequirementSchema).min(1, '条件至少应有一项具体要求').max(50),
    checks,
    note: Text.optional(),
  })
  .strict();
export type Condition = z.infer<typeof ConditionSchema>;

export const ChecklistRubricSchema = z
  .object({
    ...rubricHead,
    form: z.literal('checklist'),
    /** The published lead-in, e.g. "申报市级商业秘密保护示范区，应同时具备以下条件：". */
    intro: Text.optional(),
    conditions: z.array(ConditionSchema).min(1, '申报条件至少应有一条').max(50),
  })
  .strict();
export type ChecklistRubric = z.infer<typeof ChecklistRubricSchema>;

export const RubricSchema = z.discriminatedUnion('form', [ScoredRubricSchema, ChecklistRubricSchema], {
  error: '评价标准的 form 应为 scored（评分表）或 checklist（条件清单）',
});
export type Rubric = z.infer<typeof RubricSchema>;
export type RubricInput = z.input<typeof RubricSchema>;

/** Every node of a rubric that carries an id, with its path inside the rubric. */
export type RubricNode =
  | { type: 'indicator'; node: Indicator; path: PathSegment[] }
  | { type: 'bonus_group'; node: BonusGroup; path: PathSegment[] }
  | { type: 'item'; node: ScoredItem; path: PathSegment[]; parentId: string; bonus: boolean }
  | { type: 'condition'; node: Condition; path: PathSegment[] }
  | { type: 'requirement'; node: Requirement; path: PathSegment[]; parentId: string };

export function rubricNodes(rubric: Rubric): RubricNode[] {
  const out: RubricNode[] = [];
  const requirements = (reqs: Requirement[] | undefined, parentId: string, path: PathSegment[]) => {
    reqs?.forEach((r, i) => {
      out.push({ type: 'requirement', node: r, path: [...path, 'requirements', i], parentId });
    });
  };
  if (rubric.form === 'scored') {
    rubric.indicators.forEach((ind, i) => {
      out.push({ type: 'indicator', node: ind, path: ['indicators', i] });
      ind.items.forEach((item, j) => {
        const path = ['indicators', i, 'items', j];
        out.push({ type: 'item', node: item, path, parentId: ind.id, bonus: false });
        requirements(item.requirements, item.id, path);
      });
    });
    rubric.bonusGroups.forEach((group, i) => {
      out.push({ type: 'bonus_group', node: group, path: ['bonusGroups', i] });
      group.items.forEach((item, j) => {
        const path = ['bonusGroups', i, 'items', j];
        out.push({ type: 'item', node: item, path, parentId: group.id, bonus: true });
        requirements(item.requirements, item.id, path);
      });
    });
  } else {
    rubric.conditions.forEach((cond, i) => {
      const path = ['conditions', i];
      out.push({ type: 'condition', node: cond, path });
      requirements(cond.requirements, cond.id, path);
    });
  }
  return out;
}
