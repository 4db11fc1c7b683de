/**
 * The guides library's kinds and visibilities with their Chinese names: the labels of GuideKind and GuideVisibility
 * (enums-services.ts), kept in a module without zod so the public guides page can read them without it (issue 15).
 */
export const GUIDE_KIND_LABELS = {
  protection_guide: '保护指引',
  rule_guidance: '规则指引',
  template_confidentiality: '保密协议范本',
  template_non_compete: '竞业限制条款范本',
  template_internal_rules: '内部管理制度范本',
} as const;

export const GUIDE_VISIBILITY_LABELS = {
  public: '公开',
  registered: '仅注册单位',
} as const;
