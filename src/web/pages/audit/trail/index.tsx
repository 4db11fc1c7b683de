/**
 * The audit trail: who did what, when and from where, with the before/after of each change. Officers read what
 * concerns their jurisdiction's subtree, admins everything (the server decides).
 */
import { Button, Card, Flex, Select, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { Link, useSearchParams } from 'react-router-dom';
import { AuditAction, AuditEntityType, JurisdictionLevel, Role, UnitKind } from '../../../../shared/enums';
import { useApiErrorHandler } from '../../../app/api';
import type { AuditEntry } from '../../../app/types';
import { DatePicker } from '../../../components/BusinessDatePicker';
import { ExportButton } from '../../../components/ExportButton';
import { PageContainer } from '../../../components/PageContainer';
import { readPaging, tablePagination, usePagedList } from '../../../hooks/usePagedList';
import { JURISDICTION_FIELDS, UNIT_FIELDS, USER_FIELDS } from '../../../locales/zh-CN';

const FIELD_LABELS: Record<string, string> = {
  ...JURISDICTION_FIELDS,
  ...USER_FIELDS,
  ...UNIT_FIELDS,
  source: '来源',
  unit: '单位',
  members: '会员单位数',
  contacts: '联系人数',
};

const ACTION_OPTIONS = AuditAction.values.map((value) => ({ value, label: AuditAction.labels[value] }));
const ENTITY_OPTIONS = AuditEntityType.values.map((value) => ({ value, label: AuditEntityType.labels[value] }));
const AUDIT_PAGE_SIZES = [20, 50, 100];

const labelOf = <T extends string>(labels: Record<T, string>, value: unknown) =>
  typeof value === 'string' && value in labels ? labels[value as T] : undefined;

function formatValue(field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '（空）';
  if (typeof value === 'boolean') return value ? '是' : '否';
  const label =
    (field === 'role' && labelOf(Role.labels, value)) ||
    (field === 'kind' && labelOf(UnitKind.labels, value)) ||
    (field === 'level' && labelOf(JurisdictionLevel.labels, value));
  if (label) return label;
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

const asRecord = (value: unknown): Record<string, unknown> | null =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;

interface DiffRow {
  field: string;
  before: unknown;
  after: unknown;
}

function ChangeDetail({ entry }: { entry: AuditEntry }) {
  const before = asRecord(entry.before);
  const after = asRecord(entry.after);
  if (!before && !after) {
    if (entry.before === null && entry.after === null)
      return <Typography.Text type="secondary">无内容变更记录</Typography.Text>;
    return <pre className="sm-json">{JSON.stringify({ before: entry.before, after: entry.after }, null, 2)}</pre>;
  }
  const fields = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
  const rows: DiffRow[] = fields.map((field) => ({ field, before: before?.[field], after: after?.[field] }));
  const hasBefore = before !== null && Object.keys(before).length > 0;
  return (
    <Table<DiffRow>
      size="small"
      rowKey="field"
      pagination={false}
      dataSource={rows}
      style={{ maxWidth: 900 }}
      columns={[
        { title: '字段', dataIndex: 'field', width: 180, render: (f: string) => FIELD_LABELS[f] ?? f },
        ...(hasBefore
          ? [
              {
                title: '修改前',
                dataIndex: 'before',
                render: (v: unknown, row: DiffRow) => (
                  <Typography.Text delete={row.after !== undefined}>{formatValue(row.field, v)}</Typography.Text>
                ),
              },
            ]
          : []),
        {
          title: hasBefore ? '修改后' : '内容',
          dataIndex: 'after',
          render: (v: unknown, row: DiffRow) => formatValue(row.field, v),
        },
      ]}
    />
  );
}

interface AuditQuery {
  action?: AuditAction;
  entityType?: AuditEntityType;
  entityId?: string;
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
}

const isDay = (s: string | null): s is string => !!s && /^\d{4}-\d{2}-\d{2}$/.test(s);

function readQuery(params: URLSearchParams): AuditQuery {
  const action = params.get('action');
  const entityType = params.get('entityType');
  return {
    action: action && (AuditAction.values as readonly string[]).includes(action) ? (action as AuditAction) : undefined,
    entityType:
      entityType && (AuditEntityType.values as readonly string[]).includes(entityType)
        ? (entityType as AuditEntityType)
        : undefined,
    entityId: params.get('entityId') || undefined,
    from: isDay(params.get('from')) ? params.get('from')! : undefined,
    to: isDay(params.get('to')) ? params.get('to')! : undefined,
    ...readPaging(params, AUDIT_PAGE_SIZES),
  };
}

function writeQuery(query: AuditQuery): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of ['action', 'entityType', 'entityId', 'from', 'to'] as const) {
    const value = query[key];
    if (value) params.set(key, value);
  }
  if (query.page !== 1) params.set('page', String(query.page));
  if (query.pageSize !== 20) params.set('pageSize', String(query.pageSize));
  return params;
}

/** The subject by the name the server gives it (defect 5.8: never a bare id). */
function EntityCell({ entry }: { entry: AuditEntry }) {
  const label = AuditEntityType.labels[entry.entityType as AuditEntityType] ?? entry.entityType;
  const name = entry.entityName ?? '';
  return (
    <Flex gap={6} align="center" wrap>
      <Tag>{label}</Tag>
      {entry.entityType === 'unit' && entry.entityId ? (
        <Link to={`/units/${entry.entityId}`}>{name || '单位详情'}</Link>
      ) : (
        <Typography.Text type="secondary">{name}</Typography.Text>
      )}
    </Flex>
  );
}

export default function AuditTrailPage() {
  const _handleError = useApiErrorHandler();
  const [params, setParams] = useSearchParams();
  const query = readQuery(params);
  const update = (patch: Partial<AuditQuery>) => setParams(writeQuery({ ...query, page: 1, ...patch }));
  const key = params.toString();
  const listQuery = {
    action: query.action,
    entityType: query.entityType,
    entityId: query.entityId,
    from: query.from ? dayjs(query.from).startOf('day').format() : undefined,
    to: query.to ? dayjs(query.to).endOf('day').format() : undefined,
    page: query.page,
    pageSize: query.pageSize,
  };
  const { data, loading } = usePagedList<AuditEntry>('/audit', listQuery, key);

  const range: [Dayjs, Dayjs] | null = query.from && query.to ? [dayjs(query.from), dayjs(query.to)] : null;

  return (
    <PageContainer
      title="操作日志"
      subTitle="所有写操作均留痕，记录不可修改或删除"
      extra={<ExportButton path="/audit" query={listQuery} />}
    >
      <Card size="small">
        <Flex gap={12} wrap align="center" role="search" aria-label="日志查询">
          <Select<AuditAction>
            aria-label="操作类型"
            placeholder="全部操作"
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            options={ACTION_OPTIONS}
            value={query.action}
            onChange={(action) => update({ action })}
            style={{ width: 200 }}
          />
          <Select<AuditEntityType>
            aria-label="对象类型"
            placeholder="全部对象"
            allowClear
            options={ENTITY_OPTIONS}
            value={query.entityType}
            onChange={(entityType) => update({ entityType, entityId: undefined })}
            style={{ width: 140 }}
          />
          <DatePicker.RangePicker
            value={range}
            onChange={(dates) =>
              update({
                from: dates?.[0]?.format('YYYY-MM-DD'),
                to: dates?.[1]?.format('YYYY-MM-DD'),
              })
            }
          />
          {query.entityId && (
            <Tag closable onClose={() => update({ entityId: undefined })}>
              仅显示：{data.items.find((e) => e.entityId === query.entityId)?.entityName ?? '指定对象'}
            </Tag>
          )}
          <Button onClick={() => setParams(new URLSearchParams())}>重置</Button>
        </Flex>
      </Card>
      <Card size="small" aria-busy={loading} data-testid="audit-table" data-query={key}>
        <Table<AuditEntry>
          rowKey="id"
          loading={loading}
          dataSource={data.items}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: '没有符合条件的日志' }}
          expandable={{
            expandedRowRender: (entry) => <ChangeDetail entry={entry} />,
            rowExpandable: (entry) => entry.before !== null || entry.after !== null,
          }}
          pagination={tablePagination(
            query,
            data.total,
            (total) => `共 ${total} 条`,
            (paging) => setParams(writeQuery({ ...query, ...paging })),
            AUDIT_PAGE_SIZES,
          )}
          columns={[
            {
              title: '时间',
              dataIndex: 'at',
              render: (at: string) => dayjs(at).format('YYYY-MM-DD HH:mm:ss'),
            },
            {
              title: '操作人',
              dataIndex: 'actorName',
              render: (name: string | null) => name ?? <Typography.Text type="secondary">匿名</Typography.Text>,
            },
            { title: 'IP 地址', dataIndex: 'ip', render: (ip: string | null) => ip ?? '—' },
            {
              title: '操作',
              dataIndex: 'action',
              render: (action: string) => <Tag color="blue">{labelOf(AuditAction.labels, action) ?? action}</Tag>,
            },
            { title: '对象', key: 'entity', render: (_: unknown, entry) => <EntityCell entry={entry} /> },
          ]}
        />
      </Card>
    </PageContainer>
  );
}
