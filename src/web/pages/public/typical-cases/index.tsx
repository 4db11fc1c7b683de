/**
 * /typical-cases — the public list of typical cases of trade-secret protection (典型案例), searched by keyword and
 * paged by the server. Only the text officers wrote and a second officer approved is shown. Built on ../ui, not
 * antd (issue 15).
 */
import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { ApiError, api } from '../../../app/api';
import { PublicLayout } from '../PublicLayout';
import { Alert, Card, Empty, Loading, Pagination, SearchBox, Tag } from '../ui';

export interface PublicTypicalCase {
  id: string;
  title: string;
  summary: string;
  secretCategory: string | null;
  industry: string | null;
  jurisdictionName: string;
  publishedOn: string;
}

export default function TypicalCaseListPage() {
  const [params, setParams] = useSearchParams();
  const q = (params.get('q') ?? '').slice(0, 50);
  const page = Math.max(1, Number(params.get('page')) || 1);
  const [data, setData] = useState<{ items: PublicTypicalCase[]; total: number } | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [search, setSearch] = useState(q);

  useEffect(() => {
    setFailure(null);
    api
      .get<{ items: PublicTypicalCase[]; total: number }>('/typical-cases', { q: q || undefined, page, pageSize: 10 })
      .then(setData)
      .catch((error: unknown) => setFailure(error instanceof ApiError ? error.message : '加载失败，请稍后重试'));
  }, [q, page]);

  const find = (value: string) => {
    const next = new URLSearchParams();
    if (value) next.set('q', value);
    setParams(next);
  };

  return (
    <PublicLayout title="典型案例">
      <h1 className="pub-title" style={{ marginBottom: 16 }}>
        商业秘密保护典型案例
      </h1>
      <Card>
        <div style={{ marginBottom: 16 }}>
          <SearchBox
            label="检索典型案例"
            placeholder="按标题、摘要或案情检索"
            button="检索"
            value={search}
            onChange={setSearch}
            onSearch={find}
          />
        </div>
        {failure && <Alert type="error" role="alert" title={failure} />}
        {data && data.items.length === 0 ? (
          <Empty>{q ? '没有符合条件的典型案例' : '暂无典型案例'}</Empty>
        ) : !data ? (
          !failure && <Loading />
        ) : (
          <ul className="pub-list">
            {data.items.map((item) => (
              <li key={item.id}>
                <h2 className="pub-card-title" style={{ fontSize: 16, marginBottom: 4 }}>
                  <Link to={`/typical-cases/${item.id}`}>{item.title}</Link>
                </h2>
                <div style={{ marginBottom: 4 }}>{item.summary}</div>
                <div className="pub-row" style={{ gap: 4 }}>
                  {item.secretCategory && <Tag color="processing">{item.secretCategory}</Tag>}
                  {item.industry && <Tag>{item.industry}</Tag>}
                  <span className="pub-secondary">
                    {item.jurisdictionName} · {item.publishedOn} 发布
                  </span>
                </div>
              </li>
            ))}
          </ul>
        )}
        {data && data.total > 10 && (
          <Pagination
            page={page}
            pageSize={10}
            total={data.total}
            onChange={(paging) => {
              const next = new URLSearchParams(params);
              next.set('page', String(paging.page));
              setParams(next);
            }}
          />
        )}
      </Card>
    </PublicLayout>
  );
}
