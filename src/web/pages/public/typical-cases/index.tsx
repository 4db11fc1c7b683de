/**
 * /typical-cases — the public list of typical cases of trade-secret protection (典型案例), searched by keyword and
 * paged by the server. Only the text officers wrote and a second officer approved is shown.
 */
import { Card, Empty, Input, List, Pagination, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { api, useApiErrorHandler } from '../../../app/api';
import { PublicLayout } from '../PublicLayout';

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
  const handleError = useApiErrorHandler();
  const [params, setParams] = useSearchParams();
  const q = (params.get('q') ?? '').slice(0, 50);
  const page = Math.max(1, Number(params.get('page')) || 1);
  const [data, setData] = useState<{ items: PublicTypicalCase[]; total: number } | null>(null);

  useEffect(() => {
    api
      .get<{ items: PublicTypicalCase[]; total: number }>('/typical-cases', { q: q || undefined, page, pageSize: 10 })
      .then(setData)
      .catch(handleError);
  }, [q, page, handleError]);

  const search = (value: string) => {
    const next = new URLSearchParams();
    if (value.trim()) next.set('q', value.trim());
    setParams(next);
  };

  return (
    <PublicLayout title="典型案例">
      <Typography.Title level={3}>商业秘密保护典型案例</Typography.Title>
      <Card>
        <Input.Search
          placeholder="按标题、摘要或案情检索"
          defaultValue={q}
          allowClear
          enterButton="检索"
          onSearch={search}
          aria-label="检索典型案例"
          style={{ marginBottom: 16 }}
        />
        {data && data.items.length === 0 ? (
          <Empty description={q ? '没有符合条件的典型案例' : '暂无典型案例'} />
        ) : (
          <List
            loading={!data}
            dataSource={data?.items ?? []}
            renderItem={(item) => (
              <List.Item key={item.id}>
                <List.Item.Meta
                  title={<Link to={`/typical-cases/${item.id}`}>{item.title}</Link>}
                  description={
                    <Space direction="vertical" size={4} style={{ width: '100%' }}>
                      <Typography.Text>{item.summary}</Typography.Text>
                      <Space wrap size={4}>
                        {item.secretCategory && <Tag color="blue">{item.secretCategory}</Tag>}
                        {item.industry && <Tag>{item.industry}</Tag>}
                        <Typography.Text type="secondary">
                          {item.jurisdictionName} · {item.publishedOn} 发布
                        </Typography.Text>
                      </Space>
                    </Space>
                  }
                />
              </List.Item>
            )}
          />
        )}
        {data && data.total > 10 && (
          <Pagination
            style={{ marginTop: 16, textAlign: 'right' }}
            current={page}
            pageSize={10}
            total={data.total}
            showSizeChanger={false}
            onChange={(p) => {
              const next = new URLSearchParams(params);
              next.set('page', String(p));
              setParams(next);
            }}
          />
        )}
      </Card>
    </PublicLayout>
  );
}
