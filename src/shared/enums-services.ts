/**
 * Enumerations of services, campaigns, the simulated attack service and the guides library (issue 13), built with
 * `enumOf` like every shared enum: labels, values and zod schemas from one object.
 */
import type { z } from 'zod';
import { enumOf, type LedgerKind } from './enums';
import { GUIDE_KIND_LABELS, GUIDE_VISIBILITY_LABELS } from './guide-labels';

/** Kinds of service rendered to a named unit (002 "五个一" (三)). */
export const ServiceKind = enumOf({
  administrative_guidance: '行政指导',
  legal_consultation: '法律咨询',
  rights_assistance: '维权援助',
  litigation_agency: '诉讼代理',
  training_publicity: '培训宣传',
});
export type ServiceKind = z.infer<typeof ServiceKind.schema>;

/**
 * The ledger entry a service record leaves in the served unit's ledger, so that rubric metrics count it; null: none
 * (a consultation is not one of the ledger's kinds). Administrative guidance is the bureau's guidance visit (业务指导)
 * and so passes the ledger's guide rule: only officers over the unit, naming one of its assigned guides.
 */
export const SERVICE_LEDGER_KIND: Record<ServiceKind, LedgerKind | null> = {
  administrative_guidance: 'guidance_visit',
  legal_consultation: null,
  rights_assistance: 'rights_help',
  litigation_agency: 'rights_help',
  training_publicity: 'training',
};

/** Who rendered a service: the bureau itself or a partner organisation. */
export const ServiceProvider = enumOf({
  bureau: '监管部门',
  partner: '合作机构',
});
export type ServiceProvider = z.infer<typeof ServiceProvider.schema>;

/** Partner organisations (合作机构) of the bureaus. */
export const PartnerKind = enumOf({
  law_firm: '律师事务所',
  ip_service: '知识产权服务机构',
  forensic: '司法鉴定机构',
  security_assessor: '网络安全测评机构',
});
export type PartnerKind = z.infer<typeof PartnerKind.schema>;

/** The "三进" campaign (进园区、进企业、进市场). */
export const CampaignKind = enumOf({
  park: '进园区',
  enterprise: '进企业',
  market: '进市场',
});
export type CampaignKind = z.infer<typeof CampaignKind.schema>;

/** Life of a simulated network-attack assessment (001 (三)). */
export const AttackStatus = enumOf({
  requested: '已申请',
  scheduled: '已排期',
  reported: '已出具报告',
  closed: '已办结',
});
export type AttackStatus = z.infer<typeof AttackStatus.schema>;

export const FindingSeverity = enumOf({
  high: '高危',
  medium: '中危',
  low: '低危',
});
export type FindingSeverity = z.infer<typeof FindingSeverity.schema>;

/** Follow-up of a finding; the assessment is closed once every finding is resolved or its risk accepted. */
export const FindingStatus = enumOf({
  open: '待整改',
  in_progress: '整改中',
  resolved: '已整改',
  accepted: '接受风险',
});
export type FindingStatus = z.infer<typeof FindingStatus.schema>;
export const FINDING_DONE: readonly FindingStatus[] = ['resolved', 'accepted'];

/** Documents of the guides and rules library (001 (三)). */
export const GuideKind = enumOf(GUIDE_KIND_LABELS);
export type GuideKind = z.infer<typeof GuideKind.schema>;

export const GuideVisibility = enumOf(GUIDE_VISIBILITY_LABELS);
export type GuideVisibility = z.infer<typeof GuideVisibility.schema>;
