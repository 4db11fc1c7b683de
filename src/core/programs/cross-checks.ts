/**
 * Cross-field checks of a programme: unique ids, references between its parts, stage order, quotas, rubric
 * consistency, targets inside the owner's jurisdiction. They run on the raw document and on every element that is
 * well-formed on its own, even when other parts are broken, so that one import attempt lists every problem.
 */
import type { z } from 'zod';
import { formatPath, type PathSegment, type Problem } from '../rubric/problems';
import { type Rubric, RubricSchema } from '../rubric/schema';
import { checkRubric } from '../rubric/validate';
import { certificatePatternProblem, kindCodeProblem } from './certificate-number';
import { AcceptanceMethod, STAGE_RANK, StageKind } from './enums';
import {
  type BaseKindOffer,
  BaseKindOfferSchema,
  type FormField,
  FormFieldSchema,
  JurisdictionCode,
  type Stage,
  StageSchema,
  type Target,
  TargetSchema,
} from './sections';

interface Indexed<T> {
  index: number;
  value: T;
}

/** The string values of `key` over the elements of `input[section]`, whether or not the elements are valid. */
function declared(input: unknown, section: string, key: string): Set<string> {
  const list = field(input, section);
  const out = new Set<string>();
  if (Array.isArray(list)) {
    for (const element of list) {
      const value = field(element, key);
      if (typeof value === 'string') out.add(value);
    }
  }
  return out;
}

function field(input: unknown, key: string): unknown {
  return input !== null && typeof input === 'object' && !Array.isArray(input)
    ? (input as Record<string, unknown>)[key]
    : undefined;
}

/** The elements of `input[key]` that parse on their own, with their index. */
function wellFormed<T>(input: unknown, key: string, schema: z.ZodType<T>): Indexed<T>[] {
  const list = field(input, key);
  if (!Array.isArray(list)) return [];
  const out: Indexed<T>[] = [];
  list.forEach((element, index) => {
    const parsed = schema.safeParse(element);
    if (parsed.success) out.push({ index, value: parsed.data });
  });
  return out;
}

/** The code prefix shared by a jurisdiction and everything below it: '330600' → '3306', '310000' → '31', '000000' → ''. */
export function jurisdictionPrefix(code: string): string {
  let prefix = code;
  while (prefix.length > 0 && prefix.endsWith('00')) prefix = prefix.slice(0, -2);
  return prefix;
}

export function crossCheckProgramme(input: unknown): Problem[] {
  const problems: Problem[] = [];
  const add = (path: PathSegment[], message: string) => problems.push({ path: formatPath(path), message });

  const kinds = wellFormed<BaseKindOffer>(input, 'kinds', BaseKindOfferSchema);
  const rubrics = wellFormed<Rubric>(input, 'rubrics', RubricSchema);
  const stages = wellFormed<Stage>(input, 'stages', StageSchema);
  const targets = wellFormed<Target>(input, 'targets', TargetSchema);

  for (const [section, what] of [
    ['kinds', '基地类型'],
    ['forms', '申报表'],
    ['rubrics', '评价标准'],
    ['stages', '阶段'],
  ] as const) {
    const list = field(input, section);
    if (!Array.isArray(list)) continue;
    const seen = new Set<string>();
    list.forEach((raw, index) => {
      const id = field(raw, 'id');
      if (typeof id !== 'string') return;
      if (seen.has(id)) add([section, index, 'id'], `${what}标识“${id}”重复`);
      seen.add(id);
    });
  }

  // References between kinds, forms and rubrics. Ids are read from every element that declares one, even a broken
  // element, so a reference is only reported when nothing at all declares the id.
  const formIds = declared(input, 'forms', 'id');
  const rubricIds = declared(input, 'rubrics', 'id');
  const kindIds = declared(input, 'kinds', 'id');
  const rawKinds = field(input, 'kinds');
  if (Array.isArray(rawKinds)) {
    rawKinds.forEach((raw, index) => {
      const form = field(raw, 'form');
      const rubric = field(raw, 'rubric');
      if (typeof form === 'string' && !formIds.has(form)) add(['kinds', index, 'form'], `申报表“${form}”不存在`);
      if (typeof rubric === 'string' && !rubricIds.has(rubric)) {
        add(['kinds', index, 'rubric'], `评价标准“${rubric}”不存在`);
      }
    });
  }
  const usedForms = declared(input, 'kinds', 'form');
  const usedRubrics = declared(input, 'kinds', 'rubric');
  const rubricById = new Map(rubrics.map((r) => [r.value.id, r.value]));
  for (const [section, used, what] of [
    ['forms', usedForms, '申报表'],
    ['rubrics', usedRubrics, '评价标准'],
  ] as const) {
    const list = field(input, section);
    if (!Array.isArray(list)) continue;
    list.forEach((raw, index) => {
      const id = field(raw, 'id');
      if (typeof id === 'string' && !used.has(id)) add([section, index, 'id'], `${what}“${id}”未被任何基地类型使用`);
    });
  }

  // Form fields, checked field by field so that one bad field does not hide the others.
  const rawForms = field(input, 'forms');
  if (Array.isArray(rawForms)) {
    rawForms.forEach((rawForm, index) => {
      const fields = wellFormed<FormField>(rawForm, 'fields', FormFieldSchema);
      const keys = new Set<string>();
      for (const { index: j, value: f } of fields) {
        const path = ['forms', index, 'fields', j];
        if (keys.has(f.key)) add([...path, 'key'], `字段键“${f.key}”重复`);
        keys.add(f.key);
        if (f.type === 'select' && !f.options) add([...path, 'options'], '单选字段应列出选项');
        if (f.type !== 'select' && f.options) add([...path, 'options'], '只有单选字段（select）才能列出选项');
        if (f.source && f.metric) add([...path, 'metric'], '预填来源 source 与 metric 只能选一个');
        if (f.min !== undefined && f.max !== undefined && f.min > f.max) add([...path, 'min'], '最小值不能大于最大值');
      }
    });
  }

  // Maintenance conditions of the annual review: unique ids, kinds that exist.
  const maintenance = field(field(input, 'management'), 'maintenance');
  if (Array.isArray(maintenance)) {
    const seen = new Set<string>();
    maintenance.forEach((raw, index) => {
      const path = ['management', 'maintenance', index];
      const id = field(raw, 'id');
      if (typeof id === 'string') {
        if (seen.has(id)) add([...path, 'id'], `复核条件标识“${id}”重复`);
        seen.add(id);
      }
      const kinds = field(raw, 'kinds');
      if (Array.isArray(kinds)) {
        kinds.forEach((kind, j) => {
          if (typeof kind === 'string' && !kindIds.has(kind)) add([...path, 'kinds', j], `基地类型“${kind}”不存在`);
        });
      }
    });
  }

  // Rubrics.
  for (const { index, value } of rubrics) {
    for (const p of checkRubric(value)) add(['rubrics', index, ...p.path], p.message);
  }

  // Stages: order and the single application stage need only each stage's kind, so they are checked on every stage
  // whose kind is known, even if its other parameters are broken.
  const rawStages = field(input, 'stages');
  const stageKinds: Indexed<Stage['kind']>[] = [];
  if (Array.isArray(rawStages)) {
    rawStages.forEach((raw, index) => {
      const kind = StageKind.schema.safeParse(field(raw, 'kind'));
      if (kind.success) stageKinds.push({ index, value: kind.data });
    });
  }
  let highest: { rank: number; kind: Stage['kind'] } | undefined;
  for (const { index, value: kind } of stageKinds) {
    const rank = STAGE_RANK[kind];
    if (highest && rank < highest.rank) {
      add(
        ['stages', index, 'kind'],
        `阶段顺序不正确：“${StageKind.labels[kind]}”不能排在“${StageKind.labels[highest.kind]}”之后`,
      );
    }
    if (!highest || rank > highest.rank) highest = { rank, kind };
  }
  for (const { index, value } of stages) {
    const { opens, closes } = value.schedule ?? {};
    if (opens && closes && opens > closes) add(['stages', index, 'schedule', 'opens'], '开始日期不能晚于截止日期');
  }
  const applications = stageKinds.filter((s) => s.value === 'application');
  const stagesKnown = rawStages === undefined || (Array.isArray(rawStages) && stageKinds.length === rawStages.length);
  const kindCount = Array.isArray(rawKinds) ? rawKinds.length : 0;
  if (stagesKnown) {
    if (kindCount > 0 && applications.length === 0) add(['stages'], '提供了基地类型，但没有申报阶段（application）');
    if (kindCount === 0 && applications.length > 0) add(['kinds'], '设有申报阶段，但没有提供任何基地类型');
  }
  for (const extra of applications.slice(1)) add(['stages', extra.index, 'kind'], '申报阶段（application）只能有一个');

  for (const { index, value } of stages) {
    if (value.kind === 'district_review' && value.quota) {
      const seen = new Set<string>();
      value.quota.forEach((q, j) => {
        const path = ['stages', index, 'quota', j, 'kind'];
        if (!kindIds.has(q.kind)) add(path, `名额所指的基地类型“${q.kind}”不存在`);
        if (seen.has(q.kind)) add(path, `基地类型“${q.kind}”的名额重复`);
        seen.add(q.kind);
      });
    }
    if (value.kind === 'acceptance') {
      value.requiredMethods?.forEach((method, j) => {
        if (!value.methods.includes(method)) {
          add(
            ['stages', index, 'requiredMethods', j],
            `须记录的验收方式“${AcceptanceMethod.labels[method]}”不在本阶段的验收方式（methods）之中`,
          );
        }
      });
    }
    if ((value.kind === 'district_review' || value.kind === 'acceptance') && value.scoring) {
      for (const k of kinds) {
        const rubric = rubricById.get(k.value.rubric);
        if (rubric?.form === 'checklist') {
          add(['stages', index, 'scoring'], `此阶段设为评分，但“${k.value.name}”的评价标准是条件清单，无法评分`);
        }
      }
    }
  }

  // Targets: the jurisdictions of every target (even a broken one) lie inside the owner's jurisdiction.
  const rawOwner = field(input, 'ownerJurisdiction');
  const owner = JurisdictionCode.safeParse(typeof rawOwner === 'number' ? String(rawOwner) : rawOwner);
  const rawTargets = field(input, 'targets');
  if (Array.isArray(rawTargets)) {
    rawTargets.forEach((raw, index) => {
      const codes = field(raw, 'jurisdictions');
      if (!Array.isArray(codes)) return;
      const seen = new Set<string>();
      codes.forEach((code, j) => {
        if (typeof code !== 'string' || !JurisdictionCode.safeParse(code).success) return;
        const path = ['targets', index, 'jurisdictions', j];
        if (seen.has(code)) add(path, `辖区 ${code} 重复`);
        seen.add(code);
        if (owner.success && !code.startsWith(jurisdictionPrefix(owner.data))) {
          add(path, `辖区 ${code} 不在本方案所属辖区 ${owner.data} 之内`);
        }
      });
    });
  }
  for (const { index, value } of targets) {
    const path = ['targets', index];
    if (value.subject === 'standard_adopter' && (value.kind || value.level)) {
      add([...path, 'subject'], '贯标企业目标不区分基地类型和级别，请删除 kind / level');
    }
    if (value.from && value.from > value.due) add([...path, 'from'], '起始日期不能晚于完成日期');
  }

  // Certificate numbers: no English, one sequence, known placeholders; the kinds' codes likewise.
  const certificatePattern = field(input, 'certificateNumberPattern');
  if (typeof certificatePattern === 'string') {
    const problem = certificatePatternProblem(certificatePattern);
    if (problem) add(['certificateNumberPattern'], problem);
  }
  for (const { index, value } of kinds) {
    const problem = value.certificateCode ? kindCodeProblem(value.certificateCode) : null;
    if (problem) add(['kinds', index, 'certificateCode'], problem);
  }

  // Decision number pattern.
  const pattern = field(input, 'decisionNumberPattern');
  if (typeof pattern === 'string' && !pattern.includes('{n}')) {
    add(['decisionNumberPattern'], '文号模板应含序号占位符 {n}，如“普市监公平〔{year}〕{n}号”');
  }
  return problems;
}
