/**
 * 指引与范本 (public): the public documents of the guides and rules library, searchable and downloadable, no login.
 * Built on the public pages' light components (../public/ui), not antd (issue 15); the list's words and lines come
 * from guide-list-data.ts, as in the workbench's list.
 */
import { useState } from 'react';
import { ApiError } from '../../app/api';
import { usePagedQuery } from '../../hooks/usePagedList';
import { INDUSTRY_OPTIONS } from '../public/industry-options';
import { PublicLayout } from '../public/PublicLayout';
import { Alert, Card, DownloadButton, Pagination, SearchBox, Select, Tag } from '../public/ui';
import {
  GUIDE_KIND_OPTIONS,
  GUIDE_LIST_TEXT,
  GUIDE_PAGE_SIZE,
  type GuideFilter,
  type GuideSummary,
  guideFilePath,
  guideQuery,
  guideSource,
  guideTags,
} from './guide-list-data';

const BASE = '/public-guides';

export default function PublicGuidesPage() {
  const [filter, setFilter] = useState<GuideFilter>({ q: '', kind: undefined, industryCode: undefined, page: 1 });
  const [search, setSearch] = useState('');
  const key = JSON.stringify(filter);
  const [failure, setFailure] = useState<{ key: string; message: string } | null>(null);
  const { data, loading } = usePagedQuery<GuideSummary>(BASE, guideQuery(filter), key, (error) =>
    setFailure({ key, message: error instanceof ApiError ? error.message : '加载失败，请稍后重试' }),
  );
  const update = (patch: Partial<GuideFilter>) => setFilter((current) => ({ ...current, page: 1, ...patch }));

  return (
    <PublicLayout title="商业秘密保护指引与范本">
      <Card>
        <div className="pub-stack">
          <div>
            <h1 className="pub-title">商业秘密保护指引与范本</h1>
            <p className="pub-secondary" style={{ margin: 0 }}>
              各级市场监督管理部门发布的保护指引、规则指引及保密协议、竞业限制条款、内部管理制度等范本，可检索、下载。
              注册单位登录后还可查阅仅向注册单位开放的文件。
            </p>
          </div>
          {/* biome-ignore lint/a11y/useSemanticElements: a row of filters as one search landmark (the <search> element is too new for some browsers) */}
          <div className="pub-row" role="search" aria-label="指引与范本查询" style={{ gap: 8 }}>
            <SearchBox
              label={GUIDE_LIST_TEXT.searchLabel}
              placeholder={GUIDE_LIST_TEXT.searchPlaceholder}
              button={GUIDE_LIST_TEXT.searchButton}
              value={search}
              onChange={setSearch}
              onSearch={(q) => update({ q })}
            />
            <Select
              label={GUIDE_LIST_TEXT.kind}
              placeholder={`全部${GUIDE_LIST_TEXT.kind}`}
              options={GUIDE_KIND_OPTIONS}
              value={filter.kind}
              onChange={(kind) => update({ kind })}
              width={180}
            />
            <Select
              label={GUIDE_LIST_TEXT.industry}
              placeholder={`全部${GUIDE_LIST_TEXT.industry}`}
              options={INDUSTRY_OPTIONS}
              value={filter.industryCode}
              onChange={(industryCode) => update({ industryCode })}
              width={240}
            />
          </div>
          {failure?.key === key && <Alert type="error" role="alert" title={failure.message} />}
          <div aria-busy={loading} data-testid="guide-list">
            {data.items.length === 0 ? (
              <div className="pub-empty">{loading ? '加载中…' : GUIDE_LIST_TEXT.empty}</div>
            ) : (
              <ul className="pub-list">
                {data.items.map((guide) => (
                  <li key={guide.id} className="pub-guide">
                    <div className="pub-guide-body">
                      <div className="pub-row" style={{ gap: 8 }}>
                        <strong>{guide.title}</strong>
                        {guideTags(guide).map((tag) => (
                          <Tag key={tag.key} color={tag.color}>
                            {tag.text}
                          </Tag>
                        ))}
                      </div>
                      <div>{guide.summary}</div>
                      <div className="pub-secondary">{guideSource(guide)}</div>
                    </div>
                    <DownloadButton path={guideFilePath(BASE, guide)}>{GUIDE_LIST_TEXT.download}</DownloadButton>
                  </li>
                ))}
              </ul>
            )}
          </div>
          {data.total > GUIDE_PAGE_SIZE && (
            <Pagination
              page={filter.page}
              pageSize={GUIDE_PAGE_SIZE}
              total={data.total}
              onChange={({ page }) => setFilter((current) => ({ ...current, page }))}
            />
          )}
        </div>
      </Card>
    </PublicLayout>
  );
}
