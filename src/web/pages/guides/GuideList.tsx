/**
 * The guides library's list in the workbench (/guides, also registered-only documents): search by title, summary
 * and body, filter by kind and industry, download. The public page (public.tsx) shows the same list on the light
 * components; both read guide-list-data.ts.
 */
import { DownloadOutlined } from '@ant-design/icons';
import { Flex, Input, List, Select, Space, Tag, Typography } from 'antd';
import { type ReactNode, useCallback, useEffect, useState } from 'react';
import { api, useApiErrorHandler } from '../../app/api';
import type { Page } from '../../app/types';
import { DownloadButton } from '../../components/DownloadButton';
import { IndustryCascader } from '../../components/IndustryCascader';
import {
  GUIDE_KIND_OPTIONS,
  GUIDE_LIST_TEXT,
  GUIDE_PAGE_SIZE,
  type GuideSummary,
  guideFilePath,
  guideQuery,
  guideSource,
  guideTags,
} from './guide-list-data';

export type { GuideSummary } from './guide-list-data';

interface GuideListProps {
  /** '/guides' (the workbench) or '/public-guides'. */
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
    api.get<Page<GuideSummary>>(base, guideQuery({ q, kind, industryCode, page })).then(setData).catch(handleError);
  }, [base, q, kind, industryCode, page, handleError]);
  useEffect(() => {
    void reloadKey;
    load();
  }, [load, reloadKey]);

  return (
    <Flex vertical gap={16}>
      <Flex gap={8} wrap>
        <Input.Search
          placeholder={GUIDE_LIST_TEXT.searchPlaceholder}
          aria-label={GUIDE_LIST_TEXT.searchLabel}
          allowClear
          enterButton={GUIDE_LIST_TEXT.searchButton}
          style={{ maxWidth: 360 }}
          onSearch={(value) => {
            setQ(value.trim());
            setPage(1);
          }}
        />
        <Select
          placeholder={GUIDE_LIST_TEXT.kind}
          aria-label={GUIDE_LIST_TEXT.kind}
          allowClear
          style={{ width: 180 }}
          value={kind}
          onChange={(v) => {
            setKind(v);
            setPage(1);
          }}
          options={GUIDE_KIND_OPTIONS}
        />
        <Flex gap={6} align="center" style={{ width: 300 }}>
          <label htmlFor="guide-industry-filter" style={{ whiteSpace: 'nowrap' }}>
            {GUIDE_LIST_TEXT.industry}
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
        locale={{ emptyText: GUIDE_LIST_TEXT.empty }}
        pagination={{
          current: page,
          pageSize: GUIDE_PAGE_SIZE,
          total: data?.total ?? 0,
          onChange: setPage,
          hideOnSinglePage: true,
        }}
        renderItem={(g) => (
          <List.Item
            actions={[
              <DownloadButton key="file" path={guideFilePath(base, g)} icon={<DownloadOutlined />} compact>
                {GUIDE_LIST_TEXT.download}
              </DownloadButton>,
              ...(actions ? [actions(g)] : []),
            ]}
          >
            <List.Item.Meta
              title={
                <Space wrap>
                  <Typography.Text strong>{g.title}</Typography.Text>
                  {guideTags(g).map((tag) => (
                    <Tag key={tag.key} color={tag.color === 'default' ? undefined : tag.color}>
                      {tag.text}
                    </Tag>
                  ))}
                </Space>
              }
              description={
                <Flex vertical gap={4}>
                  <Typography.Text>{g.summary}</Typography.Text>
                  <Typography.Text type="secondary">{guideSource(g)}</Typography.Text>
                </Flex>
              }
            />
          </List.Item>
        )}
      />
    </Flex>
  );
}
