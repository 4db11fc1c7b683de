/**
 * The administrative case-handling guide (办案指南) as data: one YAML document per bureau, like programmes. It lists
 * the steps of a case (核查、立案、调查取证…结案) and the documents each step needs, with the fields their templates
 * carry. Pure: validation and the problems it finds, in Chinese.
 */
import { isMap, isSeq, LineCounter, parseDocument, stringify } from 'yaml';
import { z } from 'zod';
import { CaseStepKind, GuideFieldType } from '../../shared/enums-rights-cases';
import { CHINESE, issuesToProblems, type Problem } from '../rubric/problems';

const KEY = /^[a-z][a-z0-9_]{0,39}$/;
const keyOf = (what: string) => z.string().regex(KEY, `${what}应为小写字母开头的字母、数字或下划线（不超过 40 个）`);
const text = (max: number) => z.string().trim().min(1, '不能为空').max(max, `不超过 ${max} 个字符`);

export const GuideFieldSchema = z
  .object({
    label: text(60),
    type: GuideFieldType.schema.default('text'),
    help: text(200).optional(),
  })
  .strict();

export const GuideDocumentSchema = z
  .object({
    key: keyOf('文书标识'),
    title: text(60),
    required: z.boolean().default(true),
    description: text(500).optional(),
    fields: z.array(GuideFieldSchema).min(1, '至少列出一个栏目').max(60),
  })
  .strict();

export const GuideStepSchema = z
  .object({
    kind: CaseStepKind.schema,
    name: text(30),
    description: text(1000),
    /** Steps that only some cases go through (委托鉴定 when a fact needs an expert; 听证 when the party asks). */
    optional: z.boolean().default(false),
    documents: z.array(GuideDocumentSchema).max(20).default([]),
  })
  .strict();

export const CaseGuideSchema = z
  .object({
    formatVersion: z.literal(1),
    code: z.string().regex(/^[a-z0-9][a-z0-9-]{1,39}$/, '代码应为小写字母、数字和连字符（2–40 个）'),
    ownerJurisdiction: z.string().regex(/^\d{6}$/, '应为六位辖区代码'),
    issuer: text(80),
    title: text(120),
    basis: text(2000).optional(),
    steps: z.array(GuideStepSchema).min(2, '至少包括立案和结案两个步骤').max(20),
  })
  .strict();

export type CaseGuide = z.infer<typeof CaseGuideSchema>;
export type GuideStep = z.infer<typeof GuideStepSchema>;
export type GuideDocument = z.infer<typeof GuideDocumentSchema>;
export type ParseCaseGuideResult = { ok: true; guide: CaseGuide } | { ok: false; problems: Problem[] };

/** Cross-field rules: each step once, 立案 and 结案 present and mandatory, document keys unique in the guide. */
function crossCheck(guide: CaseGuide): Problem[] {
  const problems: Problem[] = [];
  const seen = new Set<string>();
  guide.steps.forEach((step, i) => {
    if (seen.has(step.kind))
      problems.push({ path: `steps[${i}].kind`, message: `步骤“${CaseStepKind.labels[step.kind]}”重复` });
    seen.add(step.kind);
  });
  for (const required of ['open', 'close'] as const) {
    const i = guide.steps.findIndex((s) => s.kind === required);
    if (i < 0) problems.push({ path: 'steps', message: `办案指南必须包括“${CaseStepKind.labels[required]}”步骤` });
    else if (guide.steps[i]!.optional)
      problems.push({ path: `steps[${i}].optional`, message: `“${CaseStepKind.labels[required]}”不能是可选步骤` });
  }
  const keys = new Set<string>();
  guide.steps.forEach((step, i) => {
    step.documents.forEach((doc, j) => {
      if (keys.has(doc.key))
        problems.push({ path: `steps[${i}].documents[${j}].key`, message: `文书标识“${doc.key}”重复` });
      keys.add(doc.key);
    });
  });
  return problems;
}

export function parseCaseGuide(input: unknown): ParseCaseGuideResult {
  const parsed = CaseGuideSchema.safeParse(input, CHINESE);
  if (!parsed.success) return { ok: false, problems: issuesToProblems(parsed.error.issues) };
  const problems = crossCheck(parsed.data);
  return problems.length === 0 ? { ok: true, guide: parsed.data } : { ok: false, problems };
}

/** Parses a guide file (YAML or JSON text); syntax errors are reported with line and column. */
export function parseCaseGuideYaml(source: string): ParseCaseGuideResult {
  if (source.length > 1_000_000) return { ok: false, problems: [{ path: '', message: '文件过大（超过 1MB）' }] };
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      problems: doc.errors.map((e) => {
        const at = lineCounter.linePos(e.pos[0]);
        return { path: '', message: `YAML 语法错误（第 ${at.line} 行第 ${at.col} 列）：${e.message.split('\n')[0]}` };
      }),
    };
  }
  if (!isMap(doc.contents))
    return { ok: false, problems: [{ path: '', message: isSeq(doc.contents) ? '文件顶层应为对象' : '文件为空' }] };
  return parseCaseGuide(doc.toJS({ maxAliasCount: 100 }));
}

export function stringifyCaseGuideYaml(guide: CaseGuide): string {
  return stringify(guide, { lineWidth: 0 });
}

/** Every document of the guide with the step it belongs to, in order. */
export function guideDocuments(guide: CaseGuide): { step: GuideStep; document: GuideDocument }[] {
  return guide.steps.flatMap((step) => step.documents.map((document) => ({ step, document })));
}
