/**
 * /registry — the public registry of demonstration bases (示范基地名录), no login needed: searched by unit name and
 * filtered by level, category, jurisdiction (with everything below it), industry, year and status, paged by the
 * server. Filters live in the address bar so a search can be bookmarked or shared. Revoked bases stay listed,
 * visibly marked.
 */
import { Button, Card, Flex, Input, Select, Table, TreeSelect, Typography } from 'antd';
import dayjs from 'dayjs';
import { type HTMLAttributes, useEffect, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { BaseKind, BaseLevel } from '../../../../core/programs/enums';
import { INDUSTRY_DIVISIONS, INDUSTRY_SECTIONS } from '../../../../shared/data/industries';
import { JurisdictionLevel } from '../../../../shared/enums';
import { useApiErrorHandler } from '../../../app/api';
import { ExportButton } from '../../../components/ExportButton';
import { buildJurisdictionTree, type JurisdictionNode, useJurisdictions } from '../../../hooks/useJurisdictions';
import { readPaging, tablePagination, usePagedList } from '../../../hooks/usePagedList';
import { PublicLayout } from '../PublicLayout';
import { BASE_STATUS_LABELS, type BaseStatus, type BaseSummary, chineseDay } from '../public-types';
import { BaseStatusTag } from './BaseStatusTag';

interface RegistryFilter {
  q: string;
  level: BaseLevel | undefined;
  category: BaseKind | undefined;
  jurisdictionCode: string | undefined;
  industryCode: string | undefined;
  year: number | undefined;
  status: BaseStatus | undefined;
  page: number;
  pageSize: number;
}

const STATUSES: readonly BaseStatus[] = ['active', 'revoked'];

const oneOf = <T extends string>(values: readonly T[], value: string | null): T | undefined =>
  value !== null && (values as readonly string[]).includes(value) ? (value as T) : undefined;

function readFilter(params: URLSearchParams): RegistryFilter {
  const year = Number(params.get('year'));
  const jurisdictionCode = params.get('jurisdictionCode') ?? '';
  const industryCode = params.get('industryCode') ?? '';
  return {
    q: (params.get('q') ?? '').slice(0, 100),
    level: oneOf(BaseLevel.values, params.get('level')),
    category: oneOf(BaseKind.values, params.get('category')),
    jurisdictionCode: /^\d{6}$/.test(jurisdictionCode) ? jurisdictionCode : undefined,
    industryCode: /^\d{2}$/.test(industryCode) ? industryCode : undefined,
    year: Number.isInteger(year) && year >= 2000 && year <= 2100 ? year : undefined,
    status: oneOf(STATUSES, params.get('status')),
    ...readPaging(params),
  };
}

function writeFilter(filter: RegistryFilter): URLSearchParams {
  const params = new URLSearchParams();
  if (filter.q) params.set('q', filter.q);
  if (filter.level) params.set('level', filter.level);
  if (filter.category) params.set('category', filter.category);
  if (filter.jurisdictionCode) params.set('jurisdictionCode', filter.jurisdictionCode);
  if (filter.industryCode) params.set('industryCode', filter.industryCode);
  if (filter.year) params.set('year', String(filter.year));
  if (filter.status) params.set('status', filter.status);
  if (filter.page !== 1) params.set('page', String(filter.page));
  if (filter.pageSize !== 20) params.set('pageSize', String(filter.pageSize));
  return params;
}

const LEVEL_OPTIONS = BaseLevel.values.map((value) => ({ value, label: BaseLevel.labels[value] }));
const CATEGORY_OPTIONS = BaseKind.values.map((value) => ({ value, label: BaseKind.labels[value] }));
const STATUS_OPTIONS = STATUSES.map((value) => ({ value, label: BASE_STATUS_LABELS[value] }));

/** GB/T 4754 divisions grouped by section; searchable by code or name. */
const INDUSTRY_OPTIONS = INDUSTRY_SECTIONS.map((section) => ({
  label: `${section.code} ${section.name}`,
  title: section.name,
  options: INDUSTRY_DIVISIONS.filter((d) => d.section === section.code).map((d) => ({
    value: d.code,
    label: `${d.code} ${d.name}`,
  })),
}));

interface TreeOption {
  value: string;
  title: string;
  label: string;
  children?: TreeOption[];
}

function toTreeOptions(nodes: JurisdictionNode[]): TreeOption[] {
  return nodes.map((node) => ({
    value: node.code,
    title: `${node.name}（${JurisdictionLevel.labels[node.level]}）`,
    label: node.name,
    children: node.children.length > 0 ? toTreeOptions(node.children) : undefined,
  }));
}

function yearOptions(selected: number | undefined) {
  const last = dayjs().year() + 1;
  const years = Array.from({ length: last - 2015 + 1 }, (_, i) => last - i);
  if (selected && !years.includes(selected)) years.push(selected);
  return years.sort((a, b) => b - a).map((year) => ({ value: year, label: `${year}年` }));
}

const detailPath = (certificateNo: string) => `/registry/${encodeURIComponent(certificateNo)}`;

export default function RegistryListPage() {
  const _handleError = useApiErrorHandler();
  const [params, setParams] = useSearchParams();
  const filter = readFilter(params);
  const key = writeFilter(filter).toString();
  const listQuery = {
    q: filter.q.trim(),
    level: filter.level,
    category: filter.category,
    jurisdictionCode: filter.jurisdictionCode,
    industryCode: filter.industryCode,
    year: filter.year,
    status: filter.status,
    page: filter.page,
    pageSize: filter.pageSize,
  };
  const { data, loading } = usePagedList<BaseSummary>('/registry', listQuery, key);
  const [search, setSearch] = useState(filter.q);
  const { items: jurisdictions, loading: jurisdictionsLoading } = useJurisdictions();
  // The national root is the whole registry: offer the provinces (and below) as choices.
  const treeData = useMemo(
    () => toTreeOptions(buildJurisdictionTree(jurisdictions).flatMap((root) => root.children)),
    [jurisdictions],
  );

  // From the address as it is now, not as last rendered: two quick changes in a row both stay.
  const update = (patch: Partial<RegistryFilter>) =>
    setParams(writeFilter({ ...readFilter(new URLSearchParams(window.location.search)), page: 1, ...patch }));

  useEffect(() => setSearch(filter.q), [filter.q]);

  return (
    <PublicLayout title="示范基地名录">
      <Flex vertical gap={16}>
        <div>
          <Typography.Title level={3} style={{ marginBottom: 4 }}>
            商业秘密保护示范基地名录
          </Typography.Title>
          <Typography.Text type="secondary">
            经市场监督管理部门认定的商业秘密保护示范点、示范站、示范区。已撤销认定的基地仍予列示并标明撤销情况。
          </Typography.Text>
        </div>
        <Card size="small">
          <Flex gap={12} wrap align="center" role="search" aria-label="示范基地查询">
            <Input.Search
              aria-label="搜索单位名称"
              placeholder="输入单位名称查询"
              allowClear
              enterButton="查询"
              maxLength={100}
              value={search}
              onChange={(e) => setSearch(e.target.value)}
              onSearch={(value) => update({ q: value.trim() })}
              style={{ width: 320, maxWidth: '100%' }}
            />
            <Select<BaseLevel>
              aria-label="级别"
              placeholder="全部级别"
              allowClear
              options={LEVEL_OPTIONS}
              value={filter.level}
              onChange={(level) => update({ level })}
              style={{ width: 130 }}
            />
            <Select<BaseKind>
              aria-label="类别"
              placeholder="全部类别"
              allowClear
              options={CATEGORY_OPTIONS}
              value={filter.category}
              onChange={(category) => update({ category })}
              style={{ width: 130 }}
            />
            <TreeSelect<string>
              aria-label="辖区"
              placeholder="全部辖区"
              allowClear
              loading={jurisdictionsLoading}
              treeData={treeData}
              treeNodeLabelProp="label"
              showSearch={{ treeNodeFilterProp: 'title' }}
              popupMatchSelectWidth={false}
              value={filter.jurisdictionCode}
              onChange={(jurisdictionCode) => update({ jurisdictionCode: jurisdictionCode ?? undefined })}
              style={{ width: 200 }}
            />
            <Select<string>
              aria-label="行业"
              placeholder="全部行业"
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              options={INDUSTRY_OPTIONS}
              value={filter.industryCode}
              onChange={(industryCode) => update({ industryCode })}
              popupMatchSelectWidth={false}
              style={{ width: 200 }}
            />
            <Select<number>
              aria-label="年度"
              placeholder="全部年度"
              allowClear
              options={yearOptions(filter.year)}
              value={filter.year}
              onChange={(year) => update({ year })}
              style={{ width: 120 }}
            />
            <Select<BaseStatus>
              aria-label="状态"
              placeholder="全部状态"
              allowClear
              options={STATUS_OPTIONS}
              value={filter.status}
              onChange={(status) => update({ status })}
              style={{ width: 120 }}
            />
            <Button
              onClick={() => {
                setSearch('');
                setParams(new URLSearchParams());
              }}
            >
              重置
            </Button>
            <ExportButton path="/registry" query={listQuery} />
          </Flex>
        </Card>
        <Card size="small" aria-busy={loading} data-testid="registry-table" data-query={key}>
          <Table<BaseSummary>
            rowKey="certificateNo"
            loading={loading}
            dataSource={data.items}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: '没有符合条件的示范基地' }}
            rowClassName={(base) => (base.status === 'revoked' ? 'sm-revoked-row' : '')}
            onRow={(base) => ({ 'data-status': base.status }) as HTMLAttributes<HTMLTableRowElement>}
            pagination={tablePagination(
              filter,
              data.total,
              (total) => `共 ${total} 个示范基地`,
              (paging) => setParams(writeFilter({ ...filter, ...paging })),
            )}
            columns={[
              {
                title: '证书编号',
                dataIndex: 'certificateNo',
                render: (no: string) => (
                  <Link to={detailPath(no)} state={{ registrySearch: key }} style={{ fontFamily: 'monospace' }}>
                    {no}
                  </Link>
                ),
              },
              {
                title: '单位名称',
                dataIndex: 'unitName',
                render: (name: string, base) => (
                  <Link to={detailPath(base.certificateNo)} state={{ registrySearch: key }} className="sm-revoked-text">
                    {name}
                  </Link>
                ),
              },
              { title: '基地名称', dataIndex: 'title' },
              { title: '类别', dataIndex: 'categoryLabel' },
              { title: '级别', dataIndex: 'levelLabel' },
              { title: '辖区', dataIndex: 'jurisdictionName' },
              { title: '认定年度', dataIndex: 'year' },
              {
                title: '状态',
                dataIndex: 'status',
                render: (_: BaseStatus, base) => (
                  <Flex vertical gap={2} align="flex-start">
                    <BaseStatusTag base={base} />
                    {base.revokedOn && (
                      <Typography.Text type="danger" style={{ fontSize: 12 }}>
                        {chineseDay(base.revokedOn)}撤销
                      </Typography.Text>
                    )}
                  </Flex>
                ),
              },
            ]}
          />
        </Card>
      </Flex>
    </PublicLayout>
  );
}
