/**
 * /publicity — publicity notices (公示), no login needed: each notice's programme, issuer, period in working days
 * and state, expandable to its proposed list; while a notice is open, anyone may object to a listed application.
 * The page number lives in the address bar. Built on ../ui, not antd (issue 15).
 */
import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { ApiError, api } from '../../../app/api';
import type { Page } from '../../../app/types';
import { PublicLayout } from '../PublicLayout';
import type { Notice } from '../public-types';
import { Alert, Card, Empty, Pagination } from '../ui';
import { NoticeContent, NoticeStateTag, noticePeriod } from './NoticeContent';

const PAGE_SIZE = 10;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function readQuery(params: URLSearchParams) {
  const page = Number(params.get('page'));
  const programmeId = params.get('programmeId') ?? '';
  return {
    page: Number.isInteger(page) && page > 0 ? page : 1,
    programmeId: UUID.test(programmeId) ? programmeId : undefined,
  };
}

export default function PublicityListPage() {
  const [params, setParams] = useSearchParams();
  const query = readQuery(params);
  // The normalised address query (as the list pages mark their data-query for the browser tests).
  const key = new URLSearchParams([
    ...(query.programmeId ? [['programmeId', query.programmeId]] : []),
    ...(query.page !== 1 ? [['page', String(query.page)]] : []),
  ]).toString();
  const [result, setResult] = useState<{ key: string; page: Page<Notice> } | null>(null);
  const loading = result?.key !== key;
  const data = result?.page ?? { items: [], total: 0 };
  /** Expanded notices; open ones start expanded. */
  const [expanded, setExpanded] = useState<string[]>([]);
  const [failure, setFailure] = useState<{ key: string; message: string } | null>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: the query is fully described by the key
  useEffect(() => {
    let cancelled = false;
    api
      .get<Page<Notice>>('/publicity', { programmeId: query.programmeId, page: query.page, pageSize: PAGE_SIZE })
      .then((page) => {
        if (cancelled) return;
        setResult({ key, page });
        setExpanded(page.items.filter((n) => n.state === 'open').map((n) => n.id));
      })
      .catch((error: unknown) => {
        if (cancelled) return;
        setFailure({ key, message: error instanceof ApiError ? error.message : '加载失败，请稍后重试' });
        setResult({ key, page: { items: [], total: 0 } });
      });
    return () => {
      cancelled = true;
    };
  }, [key]);

  const goTo = (page: number) => {
    const next = new URLSearchParams(params);
    if (page === 1) next.delete('page');
    else next.set('page', String(page));
    setParams(next);
  };

  const toggle = (id: string) =>
    setExpanded((open) => (open.includes(id) ? open.filter((other) => other !== id) : [...open, id]));

  return (
    <PublicLayout title="公示">
      <div className="pub-stack">
        <div>
          <h1 className="pub-title">公示</h1>
          <span className="pub-secondary">
            拟认定的商业秘密保护示范基地名单向社会公示。公示期内，任何单位和个人均可对名单中的单位提出异议。
          </span>
        </div>
        {failure?.key === key && <Alert type="error" role="alert" title={failure.message} />}
        <Card aria-busy={loading} data-testid="publicity-list" data-query={key}>
          {data.items.length === 0 ? (
            <Empty>{loading ? '正在加载' : '暂无公示'}</Empty>
          ) : (
            <div className="pub-collapse" style={loading ? { opacity: 0.5 } : undefined}>
              {data.items.map((notice) => {
                const open = expanded.includes(notice.id);
                return (
                  <section key={notice.id} className="pub-collapse-item">
                    <h2 className="pub-collapse-head">
                      <button
                        type="button"
                        aria-expanded={open}
                        aria-controls={`notice-${notice.id}`}
                        onClick={() => toggle(notice.id)}
                      >
                        <span className="pub-collapse-arrow" aria-hidden="true">
                          {open ? '▾' : '▸'}
                        </span>
                        <span className="pub-row" style={{ flex: 1 }}>
                          <strong>{notice.title}</strong>
                          <NoticeStateTag notice={notice} />
                        </span>
                        <span className="pub-secondary" style={{ fontSize: 12, fontWeight: 400 }}>
                          {noticePeriod(notice)}
                        </span>
                      </button>
                    </h2>
                    {open && (
                      <div id={`notice-${notice.id}`} className="pub-collapse-body">
                        <NoticeContent notice={notice} />
                        <Link to={`/publicity/${notice.id}`} style={{ display: 'inline-block', marginTop: 8 }}>
                          查看公示详情
                        </Link>
                      </div>
                    )}
                  </section>
                );
              })}
            </div>
          )}
          {data.total > PAGE_SIZE && (
            <Pagination
              page={query.page}
              pageSize={PAGE_SIZE}
              total={data.total}
              totalLabel={(total) => `共 ${total} 条公示`}
              onChange={(paging) => goTo(paging.page)}
            />
          )}
        </Card>
      </div>
    </PublicLayout>
  );
}
