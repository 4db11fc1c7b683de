/**
 * The programme format, version 1: one bureau's programme of one year (工作方案 / 申报通知) as data — the kinds of
 * base it offers, the application form and rubric per kind, the ordered stages, targets per sub-jurisdiction.
 * Documented in docs/programme-format.md; JSON Schema in docs/programme.schema.json (generated from this file).
 */
import { z } from 'zod';
import { MetricIdSchema } from '../rubric/metrics';
import { CHINESE, issuesToProblems, type Problem, typeError } from '../rubric/problems';
import {
  BonusGroupSchema,
  CheckSchema,
  ConditionSchema,
  IndicatorSchema,
  MetricConditionSchema,
  RequirementSchema,
  RubricSchema,
  ScoredItemSchema,
} from '../rubric/schema';
import { crossCheckProgramme } from './cross-checks';
import {
  ApplicationFormSchema,
  BaseKindOfferSchema,
  BodySchema,
  FORMAT_VERSION,
  FormFieldSchema,
  IsoDate,
  JurisdictionCode,
  ManagementSchema,
  ScheduleSchema,
  StageSchema,
  TargetSchema,
  Text,
} from './sections';

export * from './sections';

// --- The programme ----------------------------------------------------------------------------------------------

export const ProgrammeSchema = z
  .object({
    formatVersion: z.literal(FORMAT_VERSION, { error: typeError(`formatVersion 应为 ${FORMAT_VERSION}`) }),
    /** Stable identifier shared by all versions, e.g. "putuo-2022". */
    code: z
      .string({ error: typeError('方案代码应为文本') })
      .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, '方案代码只能含小写字母、数字和横线，如 putuo-2022'),
    ownerJurisdiction: JurisdictionCode,
    /** The issuing bureau, e.g. "上海市普陀区市场监督管理局". */
    issuer: Text(100),
    year: z
      .number({ error: typeError('年度应为数字') })
      .int('年度应为整数')
      .min(2000)
      .max(2100),
    title: Text(300),
    /** 文号 of the programme document, e.g. "普市监公平〔2022〕9号"; absent when the seed shows none. */
    documentNumber: Text(100).optional(),
    issuedOn: IsoDate.optional(),
    /** Pattern for decision numbers: "{year}" and "{n}" are replaced, e.g. "普市监公平〔{year}〕{n}号". */
    decisionNumberPattern: Text(100).optional(),
    /**
     * Pattern for certificate numbers: "{owner}", "{year}", "{kind}" (the kind's certificateCode) and "{n}" (a
     * sequence of three digits or more), no English letters; default "{owner}-{year}-{kind}-{n}" (310107-2022-1-001).
     */
    certificateNumberPattern: Text(60).optional(),
    /** Documents the programme rests on (依据), verbatim. */
    basis: z.array(Text(300)).optional(),
    summary: Text(5000).optional(),
    kinds: z.array(BaseKindOfferSchema).max(20).default([]),
    forms: z.array(ApplicationFormSchema).max(20).default([]),
    rubrics: z.array(RubricSchema).max(20).default([]),
    stages: z.array(StageSchema).max(30).default([]),
    targets: z.array(TargetSchema).max(500).default([]),
    management: ManagementSchema.optional(),
    incentives: z.array(Text(500)).optional(),
    notes: z.array(Text(2000)).optional(),
  })
  .strict();

export type Programme = z.infer<typeof ProgrammeSchema>;
/** What a file may contain (defaults not yet applied). */
export type ProgrammeInput = z.input<typeof ProgrammeSchema>;

export type ParseProgrammeResult = { ok: true; programme: Programme } | { ok: false; problems: Problem[] };

/**
 * Validates a programme document (already parsed from JSON or YAML). Returns the programme, or every problem found:
 * shape problems from the schema, and cross-field problems (references, stage order, rubric consistency) for every
 * part that is well-formed enough to check — one bad rubric does not hide a bad quota elsewhere.
 */
export function parseProgramme(input: unknown): ParseProgrammeResult {
  const parsed = ProgrammeSchema.safeParse(input, CHINESE);
  const problems: Problem[] = parsed.success ? [] : issuesToProblems(parsed.error.issues);
  problems.push(...crossCheckProgramme(parsed.success ? parsed.data : input));
  if (parsed.success && problems.length === 0) return { ok: true, programme: parsed.data };
  return { ok: false, problems: dedupe(problems) };
}

function dedupe(problems: Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.path}\u0000${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Named parts of the JSON Schema (kept in a private registry, not zod's global one). */
function jsonSchemaParts() {
  const parts = z.registry<{ id: string }>();
  const named: [z.ZodType, string][] = [
    [ProgrammeSchema, 'Programme'],
    [BaseKindOfferSchema, 'BaseKindOffer'],
    [ApplicationFormSchema, 'ApplicationForm'],
    [FormFieldSchema, 'FormField'],
    [StageSchema, 'Stage'],
    [BodySchema, 'Body'],
    [ScheduleSchema, 'Schedule'],
    [TargetSchema, 'Target'],
    [ManagementSchema, 'Management'],
    [RubricSchema, 'Rubric'],
    [IndicatorSchema, 'Indicator'],
    [BonusGroupSchema, 'BonusGroup'],
    [ScoredItemSchema, 'ScoredItem'],
    [ConditionSchema, 'Condition'],
    [RequirementSchema, 'Requirement'],
    [CheckSchema, 'Check'],
    [MetricConditionSchema, 'MetricCondition'],
    [MetricIdSchema, 'MetricId'],
  ];
  for (const [schema, id] of named) parts.add(schema, { id });
  return parts;
}

/** JSON Schema (draft 2020-12) of a programme file, describing the input (defaulted fields are optional). */
export function programmeJsonSchema(): Record<string, unknown> {
  const { schemas } = z.toJSONSchema(jsonSchemaParts(), {
    io: 'input',
    unrepresentable: 'any',
    uri: (id) => `#/$defs/${id}`,
  });
  const strip = (schema: Record<string, unknown>) => {
    const { $schema: _schema, $id: _id, ...rest } = schema;
    return rest;
  };
  const { Programme, ...defs } = schemas as Record<string, Record<string, unknown>>;
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: 'Shangmi programme (商秘 工作方案) format, version 1',
    description: "One bureau's trade-secret demonstration-base programme of one year. See docs/programme-format.md.",
    ...strip(Programme ?? {}),
    $defs: Object.fromEntries(Object.entries(defs).map(([id, schema]) => [id, strip(schema)])),
  };
}
