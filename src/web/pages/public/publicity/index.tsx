/**
 * /publicity — publicity notices (公示), no login needed: each notice's programme, issuer, period in working days
 * and state, expandable to its proposed list; while a notice is open, anyone may object to a listed application.
 * The page number lives in the address bar.
 */
import { Card, Collapse, Empty, Flex, Pagination, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { api, useApiErrorHandler } from '../../../app/api';
import type { Page } from '../../../app/types';
import { PublicLayout } from '../PublicLayout';
import type { Notice } from '../public-types';
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
  const handleError = useApiErrorHandler();
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
        handleError(error);
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

  return (
    <PublicLayout title="公示">
      <Flex vertical gap={16}>
        <div>
          <Typography.Title level={3} style={{ marginBottom: 4 }}>
            公示
          </Typography.Title>
          <Typography.Text type="secondary">
            拟认定的商业秘密保护示范基地名单向社会公示。公示期内，任何单位和个人均可对名单中的单位提出异议。
          </Typography.Text>
        </div>
        <Card size="small" aria-busy={loading} data-testid="publicity-list" data-query={key}>
          <Spin spinning={loading}>
            {data.items.length === 0 ? (
              <Empty description={loading ? '正在加载' : '暂无公示'} />
            ) : (
              <Collapse
                activeKey={expanded}
                onChange={(keys) => setExpanded(Array.isArray(keys) ? keys.map(String) : [String(keys)])}
                items={data.items.map((notice) => ({
                  key: notice.id,
                  label: (
                    <Flex gap={8} align="center" wrap>
                      <Typography.Text strong>{notice.title}</Typography.Text>
                      <NoticeStateTag notice={notice} />
                    </Flex>
                  ),
                  extra: (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {noticePeriod(notice)}
                    </Typography.Text>
                  ),
                  children: (
                    <Flex vertical gap={8}>
                      <NoticeContent notice={notice} />
                      <Link to={`/publicity/${notice.id}`}>查看公示详情</Link>
                    </Flex>
                  ),
                }))}
              />
            )}
          </Spin>
          {data.total > PAGE_SIZE && (
            <Flex justify="flex-end" style={{ marginTop: 16 }}>
              <Pagination
                current={query.page}
                pageSize={PAGE_SIZE}
                total={data.total}
                showSizeChanger={false}
                showTotal={(total) => `共 ${total} 条公示`}
                onChange={goTo}
              />
            </Flex>
          )}
        </Card>
      </Flex>
    </PublicLayout>
  );
}
