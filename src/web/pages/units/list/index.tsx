/**
 * The units the user may see (an officer: its jurisdiction's subtree), searched, filtered and paged by the server.
 * Filters live in the address bar so a filtered list can be bookmarked or shared.
 */
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Input, Select, Space, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { industryLabel } from '../../../../shared/data/industries';
import { UnitKind } from '../../../../shared/enums';
import { accessFor } from '../../../app/access';
import { useApiErrorHandler } from '../../../app/api';
import { useCurrentUser } from '../../../app/auth';
import type { UnitSummary } from '../../../app/types';
import { ExportButton } from '../../../components/ExportButton';
import { JurisdictionTreeSelect } from '../../../components/JurisdictionTreeSelect';
import { PageContainer } from '../../../components/PageContainer';
import { UNIT_KIND_OPTIONS, UnitKindTag } from '../../../components/UnitKindTag';
import { readPaging, tablePagination, usePagedList } from '../../../hooks/usePagedList';
import { UNIT_FIELDS } from '../../../locales/zh-CN';

type Sort = 'createdAt' | 'name';

interface ListQuery {
  q: string;
  kind: UnitKind | undefined;
  jurisdictionCode: string | undefined;
  sort: Sort;
  page: number;
  pageSize: number;
}

function readQuery(params: URLSearchParams): ListQuery {
  const kind = params.get('kind');
  return {
    q: params.get('q') ?? '',
    kind: kind && (UnitKind.values as readonly string[]).includes(kind) ? (kind as UnitKind) : undefined,
    jurisdictionCode: /^\d{6}$/.test(params.get('jurisdictionCode') ?? '')
      ? params.get('jurisdictionCode')!
      : undefined,
    sort: params.get('sort') === 'name' ? 'name' : 'createdAt',
    ...readPaging(params),
  };
}

function writeQuery(query: ListQuery): URLSearchParams {
  const params = new URLSearchParams();
  if (query.q) params.set('q', query.q);
  if (query.kind) params.set('kind', query.kind);
  if (query.jurisdictionCode) params.set('jurisdictionCode', query.jurisdictionCode);
  if (query.sort !== 'createdAt') params.set('sort', query.sort);
  if (query.page !== 1) params.set('page', String(query.page));
  if (query.pageSize !== 20) params.set('pageSize', String(query.pageSize));
  return params;
}

export default function UnitListPage() {
  const user = useCurrentUser();
  const navigate = useNavigate();
  const _handleError = useApiErrorHandler();
  const [params, setParams] = useSearchParams();
  const query = readQuery(params);
  const key = params.toString();
  const listQuery = {
    q: query.q.trim(),
    kind: query.kind,
    jurisdictionCode: query.jurisdictionCode,
    sort: query.sort,
    page: query.page,
    pageSize: query.pageSize,
  };
  const { data, loading } = usePagedList<UnitSummary>('/units', listQuery, key);
  const [search, setSearch] = useState(query.q);
  const officerRoot = user.role === 'officer' ? user.jurisdictionCode : null;

  const update = (patch: Partial<ListQuery>) =>
    setParams(writeQuery({ ...query, page: 1, ...patch }), { replace: false });

  useEffect(() => setSearch(query.q), [query.q]);

  return (
    <PageContainer
      title="单位管理"
      subTitle={user.role === 'officer' ? '本辖区及下级辖区登记的单位' : '全部登记单位'}
      extra={
        <Space wrap>
          <ExportButton path="/units" query={listQuery} />
          {accessFor(user).canRegisterUnit && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/units/new')}>
              登记单位
            </Button>
          )}
        </Space>
      }
    >
      <Card size="small">
        <Flex gap={12} wrap align="center" role="search" aria-label="单位查询">
          <Input.Search
            aria-label="关键词"
            placeholder="单位名称或统一社会信用代码"
            allowClear
            enterButton="查询"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            onSearch={(value) => update({ q: value.trim() })}
            style={{ width: 360 }}
          />
          <Select<UnitKind>
            aria-label="单位类型"
            placeholder="全部类型"
            allowClear
            options={UNIT_KIND_OPTIONS}
            value={query.kind}
            onChange={(kind) => update({ kind })}
            style={{ width: 160 }}
          />
          <JurisdictionTreeSelect
            aria-label="辖区"
            placeholder="全部辖区"
            allowClear
            rootCode={officerRoot}
            value={query.jurisdictionCode}
            onChange={(jurisdictionCode) => update({ jurisdictionCode })}
            style={{ width: 220 }}
          />
          <Select<Sort>
            aria-label="排序"
            value={query.sort}
            onChange={(sort) => update({ sort })}
            options={[
              { value: 'createdAt', label: '按登记时间（新→旧）' },
              { value: 'name', label: '按单位名称' },
            ]}
            style={{ width: 180 }}
          />
          <Button
            onClick={() => {
              setSearch('');
              setParams(new URLSearchParams());
            }}
          >
            重置
          </Button>
        </Flex>
      </Card>
      <Card size="small" aria-busy={loading} data-testid="unit-table" data-query={key}>
        <Table<UnitSummary>
          rowKey="id"
          loading={loading}
          dataSource={data.items}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: '没有符合条件的单位' }}
          pagination={tablePagination(
            query,
            data.total,
            (total) => `共 ${total} 家单位`,
            (paging) => setParams(writeQuery({ ...query, ...paging })),
          )}
          columns={[
            {
              title: UNIT_FIELDS.name,
              dataIndex: 'name',
              render: (name: string, unit) => <Link to={`/units/${unit.id}`}>{name}</Link>,
            },
            { title: '类型', dataIndex: 'kind', render: (kind: UnitKind) => <UnitKindTag kind={kind} /> },
            {
              title: UNIT_FIELDS.creditCode,
              dataIndex: 'creditCode',
              render: (code: string) => <Typography.Text style={{ fontFamily: 'monospace' }}>{code}</Typography.Text>,
            },
            { title: UNIT_FIELDS.legalRepresentative, dataIndex: 'legalRepresentative' },
            {
              title: UNIT_FIELDS.industryCode,
              dataIndex: 'industryCode',
              render: (code: string) => industryLabel(code) ?? code,
            },
            { title: '辖区', dataIndex: 'jurisdictionName' },
            {
              title: '登记时间',
              dataIndex: 'createdAt',
              render: (at: string) => dayjs(at).format('YYYY-MM-DD'),
            },
          ]}
        />
      </Card>
    </PageContainer>
  );
}
