/**
 * What the guides library's list shows, shared by the workbench's antd list (GuideList.tsx) and the public page
 * built on the light components (public.tsx): the document's shape, its words and how its lines read. No antd and no
 * zod here, so the public page stays in its small bundle (issue 15).
 */
import { GUIDE_KIND_LABELS, GUIDE_VISIBILITY_LABELS } from '../../../shared/guide-labels';

export interface GuideSummary {
  id: string;
  kind: keyof typeof GUIDE_KIND_LABELS;
  jurisdictionName: string;
  industryCode: string | null;
  industryName: string | null;
  visibility: keyof typeof GUIDE_VISIBILITY_LABELS;
  version: number;
  title: string;
  summary: string;
  fileName: string;
  publishedOn: string;
}

export interface GuideFilter {
  q: string;
  kind: string | undefined;
  industryCode: string | undefined;
  page: number;
}

export const GUIDE_PAGE_SIZE = 10;

export const GUIDE_LIST_TEXT = {
  searchPlaceholder: '搜索标题、摘要或正文',
  searchLabel: '搜索指引与范本',
  searchButton: '搜索',
  kind: '类型',
  industry: '行业',
  empty: '没有符合条件的指引或范本',
  download: '下载',
} as const;

export const GUIDE_KIND_OPTIONS = (Object.keys(GUIDE_KIND_LABELS) as GuideSummary['kind'][]).map((value) => ({
  value,
  label: GUIDE_KIND_LABELS[value],
}));

/** The list request's query: '/public-guides' (public documents) or '/guides' (the workbench's whole library). */
export const guideQuery = (filter: GuideFilter) => ({
  q: filter.q || undefined,
  kind: filter.kind,
  industryCode: filter.industryCode,
  page: filter.page,
  pageSize: GUIDE_PAGE_SIZE,
});

/** Where a document's file is downloaded: the public one's current file, or the workbench's listed version. */
export const guideFilePath = (base: string, guide: GuideSummary) =>
  base === '/public-guides' ? `${base}/${guide.id}/file` : `${base}/${guide.id}/versions/${guide.version}/file`;

/** The tags after a document's title: its kind, "registered only", its version after the first. */
export function guideTags(guide: GuideSummary): { key: string; color: 'blue' | 'orange' | 'default'; text: string }[] {
  return [
    { key: 'kind', color: 'blue' as const, text: GUIDE_KIND_LABELS[guide.kind] },
    ...(guide.visibility === 'registered'
      ? [{ key: 'visibility', color: 'orange' as const, text: GUIDE_VISIBILITY_LABELS.registered }]
      : []),
    ...(guide.version > 1 ? [{ key: 'version', color: 'default' as const, text: `第${guide.version}版` }] : []),
  ];
}

/** "柯桥区市场监督管理局发布 · 2024-03-01 · 纺织业" (or "· 通用" for every industry). */
export const guideSource = (guide: GuideSummary) =>
  `${guide.jurisdictionName}市场监督管理局发布 · ${guide.publishedOn}${guide.industryName ? ` · ${guide.industryName}` : ' · 通用'}`;
