/**
 * The guides library's list, shared by the public page (/public-guides, public documents only) and the workbench
 * (/guides, also registered-only documents): search by title, summary and body, filter by kind and industry, download.
 */
import { DownloadOutlined } from '@ant-design/icons';
import { Flex, Input, List, Select, Space, Tag, Typography } from 'antd';
import { type ReactNode, useCallback, useEffect, useState } from 'react';
import { GuideKind, GuideVisibility } from '../../../shared/enums-services';
import { api, useApiErrorHandler } from '../../app/api';
import type { Page } from '../../app/types';
import { DownloadButton } from '../../components/DownloadButton';
import { IndustryCascader } from '../../components/IndustryCascader';

export interface GuideSummary {
  id: string;
  kind: keyof typeof GuideKind.labels;
  jurisdictionName: string;
  industryCode: string | null;
  industryName: string | null;
  visibility: keyof typeof GuideVisibility.labels;
  version: number;
  title: string;
  summary: string;
  fileName: string;
  publishedOn: string;
}

interface GuideListProps {
  /** '/public-guides' or '/guides'. */
  base: string;
  /** Extra actions per document (new version). */
  actions?: (guide: GuideSummary) => ReactNode;
  /** Bumped by the parent to reload after a change. */
  reloadKey?: number;
}

export function GuideList({ base, actions, reloadKey = 0 }: GuideListProps) {
  const [q, setQ] = useState('');
  const [kind, setKind] = useState<string | undefined>();
  const [industryCode, setIndustryCode] = useState<string | undefined>();
  const [page, setPage] = useState(1);
  const [data, setData] = useState<Page<GuideSummary> | null>(null);
  const handleError = useApiErrorHandler();

  const load = useCallback(() => {
    api
      .get<Page<GuideSummary>>(base, { q: q || undefined, kind, industryCode, page, pageSize: 10 })
      .then(setData)
      .catch(handleError);
  }, [base, q, kind, industryCode, page, handleError]);
  useEffect(() => {
    void reloadKey;
    load();
  }, [load, reloadKey]);

  const fileOf = (g: GuideSummary) =>
    base === '/public-guides' ? `${base}/${g.id}/file` : `${base}/${g.id}/versions/${g.version}/file`;

  return (
    <Flex vertical gap={16}>
      <Flex gap={8} wrap>
        <Input.Search
          placeholder="搜索标题、摘要或正文"
          aria-label="搜索指引与范本"
          allowClear
          enterButton="搜索"
          style={{ maxWidth: 360 }}
          onSearch={(value) => {
            setQ(value.trim());
            setPage(1);
          }}
        />
        <Select
          placeholder="类型"
          aria-label="类型"
          allowClear
          style={{ width: 180 }}
          value={kind}
          onChange={(v) => {
            setKind(v);
            setPage(1);
          }}
          options={GuideKind.values.map((v) => ({ value: v, label: GuideKind.labels[v] }))}
        />
        <Flex gap={6} align="center" style={{ width: 300 }}>
          <label htmlFor="guide-industry-filter" style={{ whiteSpace: 'nowrap' }}>
            行业
          </label>
          <IndustryCascader
            id="guide-industry-filter"
            value={industryCode}
            onChange={(v?: string | null) => {
              setIndustryCode(v ?? undefined);
              setPage(1);
            }}
          />
        </Flex>
      </Flex>
      <List
        loading={data === null}
        dataSource={data?.items ?? []}
        locale={{ emptyText: '没有符合条件的指引或范本' }}
        pagination={{ current: page, pageSize: 10, total: data?.total ?? 0, onChange: setPage, hideOnSinglePage: true }}
        renderItem={(g) => (
          <List.Item
            actions={[
              <DownloadButton key="file" path={fileOf(g)} icon={<DownloadOutlined />} compact>
                下载
              </DownloadButton>,
              ...(actions ? [actions(g)] : []),
            ]}
          >
            <List.Item.Meta
              title={
                <Space wrap>
                  <Typography.Text strong>{g.title}</Typography.Text>
                  <Tag color="blue">{GuideKind.labels[g.kind]}</Tag>
                  {g.visibility === 'registered' && <Tag color="orange">{GuideVisibility.labels.registered}</Tag>}
                  {g.version > 1 && <Tag>第{g.version}版</Tag>}
                </Space>
              }
              description={
                <Flex vertical gap={4}>
                  <Typography.Text>{g.summary}</Typography.Text>
                  <Typography.Text type="secondary">
                    {g.jurisdictionName}市场监督管理局发布 · {g.publishedOn}
                    {g.industryName ? ` · ${g.industryName}` : ' · 通用'}
                  </Typography.Text>
                </Flex>
              }
            />
          </List.Item>
        )}
      />
    </Flex>
  );
}
