/**
 * The rights pages' data and words without antd or zod, shared by the workbench's antd pages (rights-common.tsx) and
 * the public report and follow pages built on the light components (issue 15): the clue's shape, the status and
 * clock colours, the intake form's labels and required-field messages, and the form values → request body.
 */
import type { RightsStatus, RightsUrgency } from '../../../shared/enums-rights';
import {
  RIGHTS_LEAK_CHANNEL_LABELS,
  RIGHTS_PARTY_KIND_LABELS,
  RIGHTS_PROTECTION_MEASURE_LABELS,
  RIGHTS_REQUESTED_ROUTE_LABELS,
  RIGHTS_SECRET_CATEGORY,
  RIGHTS_SECRET_CATEGORY_LABELS,
  RIGHTS_SECRET_KIND_LABELS,
  RIGHTS_URGENCY_LABELS,
} from '../../../shared/rights-labels';
import { ApiError } from '../../app/api';
import type { FieldMessage } from '../../app/types';

export interface Clock {
  code: string;
  name: string;
  source: string;
  deadline: string;
  metOn: string | null;
  left: number | null;
  overdue: boolean;
  label: string;
}

export interface ClueMeta {
  id: string;
  clueNo: string;
  jurisdictionName: string;
  source: string;
  status: RightsStatus;
  route: string | null;
  urgency: RightsUrgency;
  receivedOn: string;
  decisionDeadline: string;
  overdue: boolean;
  clocks: Clock[];
  version: number;
}

/** Tag colours by status (antd's preset names; the light Tag has the same). */
export const STATUS_COLOR = {
  received: 'processing',
  accepted: 'blue',
  transferred_police: 'purple',
  civil_guided: 'cyan',
  not_accepted: 'default',
  transferred_bureau: 'orange',
  closed: 'success',
  merged: 'default',
} as const satisfies Record<RightsStatus, string>;

/** The running clock (or "all met") as a tag's colour and words: overdue in red, three days or fewer in orange. */
export function clockTag(clocks: Clock[]): { color: 'error' | 'warning' | 'default'; text: string } {
  const running = clocks.find((c) => c.metOn === null) ?? null;
  if (!running) return { color: 'default', text: '期限已完成' };
  return {
    color: running.overdue ? 'error' : running.left !== null && running.left <= 3 ? 'warning' : 'default',
    text: `${running.name}：${running.label}`,
  };
}

/** A request's refusal: the message for what no field shows, and the server's field messages. */
export function refusalOf(error: unknown): { message: string; fields: FieldMessage[] } {
  if (!(error instanceof ApiError)) return { message: '提交失败，请稍后重试', fields: [] };
  return { message: error.message, fields: error.fields };
}

export const labelOptions = (labels: Record<string, string>) =>
  Object.entries(labels).map(([value, label]) => ({ value, label }));

/** The kinds of secret of one category (技术信息 / 经营信息), as choices. */
export const secretKindOptions = (category: keyof typeof RIGHTS_SECRET_CATEGORY_LABELS) =>
  labelOptions(RIGHTS_SECRET_KIND_LABELS).filter(
    (o) => RIGHTS_SECRET_CATEGORY[o.value as keyof typeof RIGHTS_SECRET_KIND_LABELS] === category,
  );

export const SECRET_CATEGORIES = Object.keys(
  RIGHTS_SECRET_CATEGORY_LABELS,
) as (keyof typeof RIGHTS_SECRET_CATEGORY_LABELS)[];

export const CLUE_CHOICES = {
  partyKind: labelOptions(RIGHTS_PARTY_KIND_LABELS),
  leakChannel: labelOptions(RIGHTS_LEAK_CHANNEL_LABELS),
  protectionMeasure: labelOptions(RIGHTS_PROTECTION_MEASURE_LABELS),
  urgency: labelOptions(RIGHTS_URGENCY_LABELS),
  requestedRoute: labelOptions(RIGHTS_REQUESTED_ROUTE_LABELS),
};

/** The intake form's words: each field's label, its limit, and the message when a required one is empty. */
export const CLUE_FIELDS = {
  holderName: { label: '权利人名称', required: '请填写权利人名称', maxLength: 100 },
  holderCreditCode: { label: '权利人统一社会信用代码（选填）', maxLength: 18 },
  infringers: { label: '被举报方（涉嫌侵权人）', add: '添加被举报方', remove: '删除' },
  infringerKind: { label: '类型' },
  infringerName: { label: '被举报方名称', placeholder: '名称或姓名', required: '请填写被举报方名称', maxLength: 100 },
  infringerCreditCode: { label: '信用代码', placeholder: '统一社会信用代码（选填）', maxLength: 18 },
  infringerRelation: { label: '关系', placeholder: '与权利人关系（如前员工）', maxLength: 100 },
  secretKinds: { label: '商业秘密类型（必选）' },
  secretDescription: { label: '商业秘密内容概述', required: '请填写商业秘密内容概述', maxLength: 5000, rows: 3 },
  leakChannels: { label: '泄密途径（必选）' },
  leakDescription: { label: '泄密经过（选填）', maxLength: 5000, rows: 2 },
  protectionMeasures: { label: '已采取的保密措施' },
  facts: { label: '侵权事实', required: '请填写侵权事实', maxLength: 10000, rows: 4 },
  estimatedLossYuan: { label: '估计损失（元）' },
  illicitGainYuan: { label: '对方违法所得（元）' },
  urgency: { label: '紧急程度' },
  requestedRoute: { label: '希望的处理途径' },
  attachments: { label: '证据材料（选填）', button: '上传文件', failed: '上传失败' },
  contact: { label: '联系方式（选填）', maxLength: 100 },
} as const;

export const CLUE_DEFAULTS = { infringerKind: 'unit', urgency: 'normal', requestedRoute: 'undecided' } as const;

export interface UploadedRef {
  sha256: string;
  fileName: string;
}

/** Form values → the request body's shared part (empty optional fields left out). */
export function contentOf(values: Record<string, unknown>, files: UploadedRef[]) {
  const holder = values.holder as { name: string; creditCode?: string };
  const infringers = ((values.infringers as Record<string, string | undefined>[] | undefined) ?? []).map((p) => ({
    kind: p.kind ?? CLUE_DEFAULTS.infringerKind,
    name: p.name ?? '',
    creditCode: p.creditCode || null,
    relation: p.relation || null,
  }));
  return {
    holder: { name: holder?.name ?? '', creditCode: holder?.creditCode || null },
    infringers,
    secretKinds: values.secretKinds ?? [],
    secretDescription: values.secretDescription ?? '',
    leakChannels: values.leakChannels ?? [],
    leakDescription: values.leakDescription || null,
    protectionMeasures: values.protectionMeasures ?? [],
    facts: values.facts ?? '',
    estimatedLossYuan: values.estimatedLossYuan ?? null,
    illicitGainYuan: values.illicitGainYuan ?? null,
    urgency: values.urgency ?? CLUE_DEFAULTS.urgency,
    requestedRoute: values.requestedRoute ?? CLUE_DEFAULTS.requestedRoute,
    attachments: files,
    contact: values.contact || null,
  };
}
