/**
 * An assessment scheme (评估考核方案) of a bureau for a year, as data: indicators with points, each either computed
 * from the platform's data (a bureau metric, full points at a stated value) or scored by the assessing officer with
 * evidence; the praise list's size. Validated like programmes: every problem at once, in Chinese.
 */
import { z } from 'zod';
import { CHINESE, issuesToProblems, type Problem, typeError } from '../rubric/problems';
import { BUREAU_METRICS, BureauMetricIdSchema } from './metrics';

const Text = (max = 500) =>
  z
    .string({ error: typeError('应为文本') })
    .trim()
    .min(1, '不能为空')
    .max(max, `不能超过${max}个字`);
const Id = z
  .string({ error: typeError('标识应为文本') })
  .regex(/^[a-z0-9][a-z0-9_.-]{0,31}$/, '标识只能含小写字母、数字、点、横线');
const IsoDate = z.iso.date({ error: typeError('日期格式应为 YYYY-MM-DD（加引号）') });
const Points = z
  .number({ error: typeError('分值应为数字') })
  .positive('分值应大于0')
  .max(1000, '分值不能超过1000');

export const ComputedIndicatorSchema = z
  .object({
    id: Id,
    text: Text(500),
    points: Points,
    /** The bureau metric and the value that earns full points; fewer earn in proportion (linear, capped). */
    computed: z
      .object({
        metric: BureauMetricIdSchema,
        full: z.number({ error: typeError('满分值应为数字') }).positive('满分值应大于0'),
        /** For target completion: the programme (code) whose targets count. */
        programme: z
          .string()
          .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, '方案代码格式不正确')
          .optional(),
      })
      .strict(),
  })
  .strict();

export const ScoredIndicatorSchema = z
  .object({
    id: Id,
    text: Text(500),
    points: Points,
    /** Scored by the assessing officer; the guidance says what earns the points (verbatim where published). */
    scored: z.object({ guidance: Text(2000).optional() }).strict(),
  })
  .strict();

export const IndicatorSchema = z.union([ComputedIndicatorSchema, ScoredIndicatorSchema]);
export type Indicator = z.infer<typeof IndicatorSchema>;
export type ComputedIndicator = z.infer<typeof ComputedIndicatorSchema>;

export const AssessmentSchemeSchema = z
  .object({
    formatVersion: z.literal(1, { error: typeError('formatVersion 应为 1') }),
    code: z
      .string({ error: typeError('方案代码应为文本') })
      .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, '方案代码只能含小写字母、数字和横线，如 shaoxing-assessment-2022'),
    ownerJurisdiction: z.string().regex(/^\d{6}$/, '辖区代码应为6位数字'),
    issuer: Text(100),
    year: z
      .number({ error: typeError('年度应为数字') })
      .int()
      .min(2000)
      .max(2100),
    title: Text(300),
    documentNumber: Text(100).optional(),
    /** The period the computed indicators cover; the whole year by default. */
    period: z.object({ from: IsoDate, to: IsoDate }).strict().optional(),
    indicators: z.array(IndicatorSchema).min(1, '至少应有一项考核指标').max(100),
    /** 通报表扬: the best `top` bureaus, each with at least `minScore` points. */
    praise: z
      .object({
        top: z.number().int().min(1).max(100),
        minScore: z.number().min(0).optional(),
      })
      .strict()
      .optional(),
    notes: z.array(Text(2000)).optional(),
  })
  .strict();
export type AssessmentScheme = z.infer<typeof AssessmentSchemeSchema>;

export type ParseSchemeResult = { ok: true; scheme: AssessmentScheme } | { ok: false; problems: Problem[] };

export function parseAssessmentScheme(input: unknown): ParseSchemeResult {
  const parsed = AssessmentSchemeSchema.safeParse(input, CHINESE);
  if (!parsed.success) return { ok: false, problems: issuesToProblems(parsed.error.issues) };
  const scheme = parsed.data;
  const problems: Problem[] = [];
  const seen = new Set<string>();
  scheme.indicators.forEach((indicator, index) => {
    if (seen.has(indicator.id))
      problems.push({ path: `indicators[${index}].id`, message: `指标标识“${indicator.id}”重复` });
    seen.add(indicator.id);
    if ('computed' in indicator) {
      const def = BUREAU_METRICS[indicator.computed.metric];
      if ('needsProgramme' in def && def.needsProgramme && !indicator.computed.programme) {
        problems.push({ path: `indicators[${index}].computed.programme`, message: `“${def.label}”须指明工作方案代码` });
      }
      if (def.unit === '%' && indicator.computed.full > 100) {
        problems.push({ path: `indicators[${index}].computed.full`, message: '比例类指标的满分值不能超过100' });
      }
    }
  });
  if (scheme.period && scheme.period.from > scheme.period.to) {
    problems.push({ path: 'period.from', message: '考核期开始日期不能晚于结束日期' });
  }
  return problems.length ? { ok: false, problems } : { ok: true, scheme };
}

/** The period the computed indicators cover. */
export function periodOf(scheme: AssessmentScheme): { from: string; to: string } {
  return scheme.period ?? { from: `${scheme.year}-01-01`, to: `${scheme.year}-12-31` };
}

export const totalPoints = (scheme: AssessmentScheme) => scheme.indicators.reduce((sum, i) => sum + i.points, 0);

/** Points a computed indicator earns for a value: in proportion to `full`, capped at the indicator's points. */
export function computedPoints(indicator: ComputedIndicator, value: number): number {
  const share = Math.max(0, Math.min(1, value / indicator.computed.full));
  return Math.round(indicator.points * share * 100) / 100;
}
