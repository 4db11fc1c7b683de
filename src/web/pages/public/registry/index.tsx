/**
 * /registry — the public registry of demonstration bases (示范基地名录), no login needed: searched by unit name and
 * filtered by level, category, jurisdiction (with everything below it), industry, year and status, paged by the
 * server. Filters live in the address bar so a search can be bookmarked or shared. Revoked bases stay listed,
 * visibly marked. Built on the public pages' own components (../ui), not antd: part of a small bundle (issue 15).
 */
import { useEffect, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import type { BaseKind, BaseLevel } from '../../../../core/programs/enums';
import { ApiError } from '../../../app/api';
import { buildJurisdictionTree, type JurisdictionNode, useJurisdictions } from '../../../hooks/useJurisdictions';
import { PAGE_SIZES, readPaging, usePagedQuery } from '../../../hooks/usePagedList';
import { INDUSTRY_OPTIONS } from '../industry-options';
import { PublicLayout } from '../PublicLayout';
import {
  BASE_KIND_LABELS,
  BASE_LEVEL_LABELS,
  BASE_STATUS_LABELS,
  type BaseStatus,
  type BaseSummary,
  chineseDay,
  JURISDICTION_LEVEL_LABELS,
} from '../public-types';
import { Alert, Button, Card, DownloadButton, Pagination, SearchBox, Select, type SelectOption, Table } from '../ui';
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

const LEVELS = Object.keys(BASE_LEVEL_LABELS) as BaseLevel[];
const KINDS = Object.keys(BASE_KIND_LABELS) as BaseKind[];

const oneOf = <T extends string>(values: readonly T[], value: string | null): T | undefined =>
  value !== null && (values as readonly string[]).includes(value) ? (value as T) : undefined;

function readFilter(params: URLSearchParams): RegistryFilter {
  const year = Number(params.get('year'));
  const jurisdictionCode = params.get('jurisdictionCode') ?? '';
  const industryCode = params.get('industryCode') ?? '';
  return {
    q: (params.get('q') ?? '').slice(0, 100),
    level: oneOf(LEVELS, params.get('level')),
    category: oneOf(KINDS, params.get('category')),
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

const LEVEL_OPTIONS = LEVELS.map((value) => ({ value, label: BASE_LEVEL_LABELS[value] }));
const CATEGORY_OPTIONS = KINDS.map((value) => ({ value, label: BASE_KIND_LABELS[value] }));
const STATUS_OPTIONS = STATUSES.map((value) => ({ value, label: BASE_STATUS_LABELS[value] }));

/** The jurisdiction tree as one list, each level indented under its parent (a native select has no tree). */
function jurisdictionOptions(nodes: JurisdictionNode[], depth = 0): SelectOption[] {
  return nodes.flatMap((node) => [
    {
      value: node.code,
      label: `${'\u3000'.repeat(depth)}${node.name}（${JURISDICTION_LEVEL_LABELS[node.level]}）`,
    },
    ...jurisdictionOptions(node.children, depth + 1),
  ]);
}

function yearOptions(selected: number | undefined): SelectOption[] {
  const last = new Date().getFullYear() + 1;
  const years = Array.from({ length: last - 2015 + 1 }, (_, i) => last - i);
  if (selected && !years.includes(selected)) years.push(selected);
  return years.sort((a, b) => b - a).map((year) => ({ value: String(year), label: `${year}年` }));
}

const detailPath = (certificateNo: string) => `/registry/${encodeURIComponent(certificateNo)}`;

export default function RegistryListPage() {
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
  const [failure, setFailure] = useState<{ key: string; message: string } | null>(null);
  const { data, loading } = usePagedQuery<BaseSummary>('/registry', listQuery, key, (error) =>
    setFailure({ key, message: error instanceof ApiError ? error.message : '加载失败，请稍后重试' }),
  );
  const [search, setSearch] = useState(filter.q);
  const { items: jurisdictions, loading: jurisdictionsLoading } = useJurisdictions();
  // The national root is the whole registry: offer the provinces (and below) as choices.
  const jurisdictionChoices = useMemo(
    () => jurisdictionOptions(buildJurisdictionTree(jurisdictions).flatMap((root) => root.children)),
    [jurisdictions],
  );

  // From the address as it is now, not as last rendered: two quick changes in a row both stay.
  const update = (patch: Partial<RegistryFilter>) =>
    setParams(writeFilter({ ...readFilter(new URLSearchParams(window.location.search)), page: 1, ...patch }));

  useEffect(() => setSearch(filter.q), [filter.q]);
  const { page: _page, pageSize: _pageSize, ...exportQuery } = listQuery;

  return (
    <PublicLayout title="示范基地名录">
      <div className="pub-stack">
        <div>
          <h1 className="pub-title">商业秘密保护示范基地名录</h1>
          <span className="pub-secondary">
            经市场监督管理部门认定的商业秘密保护示范点、示范站、示范区。已撤销认定的基地仍予列示并标明撤销情况。
          </span>
        </div>
        <Card>
          {/* biome-ignore lint/a11y/useSemanticElements: a row of filters as one search landmark (the <search> element is too new for some browsers) */}
          <div className="pub-row" role="search" aria-label="示范基地查询" style={{ gap: 12 }}>
            <SearchBox
              label="搜索单位名称"
              placeholder="输入单位名称查询"
              button="查询"
              maxLength={100}
              value={search}
              onChange={setSearch}
              onSearch={(q) => update({ q })}
            />
            <Select
              label="级别"
              placeholder="全部级别"
              options={LEVEL_OPTIONS}
              value={filter.level}
              onChange={(level) => update({ level: level as BaseLevel | undefined })}
              width={130}
            />
            <Select
              label="类别"
              placeholder="全部类别"
              options={CATEGORY_OPTIONS}
              value={filter.category}
              onChange={(category) => update({ category: category as BaseKind | undefined })}
              width={130}
            />
            <Select
              label="辖区"
              placeholder={jurisdictionsLoading ? '辖区加载中…' : '全部辖区'}
              options={jurisdictionChoices}
              value={filter.jurisdictionCode}
              onChange={(jurisdictionCode) => update({ jurisdictionCode })}
              width={200}
            />
            <Select
              label="行业"
              placeholder="全部行业"
              options={INDUSTRY_OPTIONS}
              value={filter.industryCode}
              onChange={(industryCode) => update({ industryCode })}
              width={200}
            />
            <Select
              label="年度"
              placeholder="全部年度"
              options={yearOptions(filter.year)}
              value={filter.year ? String(filter.year) : undefined}
              onChange={(year) => update({ year: year ? Number(year) : undefined })}
              width={120}
            />
            <Select
              label="状态"
              placeholder="全部状态"
              options={STATUS_OPTIONS}
              value={filter.status}
              onChange={(status) => update({ status: status as BaseStatus | undefined })}
              width={120}
            />
            <Button
              onClick={() => {
                setSearch('');
                setParams(new URLSearchParams());
              }}
            >
              重置
            </Button>
            <DownloadButton path="/registry/export.xlsx" query={exportQuery}>
              导出 Excel
            </DownloadButton>
          </div>
        </Card>
        {failure?.key === key && <Alert type="error" role="alert" title={failure.message} />}
        <Card aria-busy={loading} data-testid="registry-table" data-query={key}>
          <Table<BaseSummary>
            label="示范基地列表"
            rowKey={(base) => base.certificateNo}
            loading={loading}
            rows={data.items}
            empty="没有符合条件的示范基地"
            rowProps={(base) => ({
              className: base.status === 'revoked' ? 'sm-revoked-row' : undefined,
              'data-status': base.status,
            })}
            columns={[
              {
                key: 'certificateNo',
                title: '证书编号',
                render: (base) => (
                  <Link
                    to={detailPath(base.certificateNo)}
                    state={{ registrySearch: key }}
                    style={{ fontFamily: 'monospace' }}
                  >
                    {base.certificateNo}
                  </Link>
                ),
              },
              {
                key: 'unitName',
                title: '单位名称',
                render: (base) => (
                  <Link to={detailPath(base.certificateNo)} state={{ registrySearch: key }} className="sm-revoked-text">
                    {base.unitName}
                  </Link>
                ),
              },
              { key: 'title', title: '基地名称', render: (base) => base.title },
              { key: 'category', title: '类别', render: (base) => base.categoryLabel },
              { key: 'level', title: '级别', render: (base) => base.levelLabel },
              { key: 'jurisdiction', title: '辖区', render: (base) => base.jurisdictionName },
              { key: 'year', title: '认定年度', render: (base) => base.year },
              {
                key: 'status',
                title: '状态',
                render: (base) => (
                  <div style={{ display: 'flex', flexDirection: 'column', gap: 2, alignItems: 'flex-start' }}>
                    <BaseStatusTag base={base} />
                    {base.revokedOn && (
                      <span className="pub-danger" style={{ fontSize: 12 }}>
                        {chineseDay(base.revokedOn)}撤销
                      </span>
                    )}
                  </div>
                ),
              },
            ]}
          />
          <Pagination
            page={filter.page}
            pageSize={filter.pageSize}
            total={data.total}
            sizes={PAGE_SIZES}
            totalLabel={(total) => `共 ${total} 个示范基地`}
            onChange={(paging) => setParams(writeFilter({ ...filter, ...paging }))}
          />
        </Card>
      </div>
    </PublicLayout>
  );
}
