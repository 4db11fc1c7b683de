/**
 * The kinds of programme stage in their order, with their Chinese names: the labels of StageKind (enums.ts builds
 * the enumeration from them), kept in a module without zod so the public help page can read them (issue 15).
 */
export const STAGE_KIND_LABELS = {
  cultivation: '培育',
  application: '申报',
  district_review: '审核推荐',
  acceptance: '验收',
  publicity: '公示',
  approval: '报批',
  certification: '认定',
} as const;
