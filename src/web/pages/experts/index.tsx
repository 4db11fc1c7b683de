/**
 * 专家库 (officers and admins): the registry as the officer sees it (own, higher and lower registries), filtered by
 * field, industry and text; experts of the reader's own or lower registries may be added and edited. Each expert's
 * conflicts of interest open in a drawer; the declared ones awaiting a decision have their own tab.
 */
import { PlusOutlined } from '@ant-design/icons';
import { App, Badge, Button, Card, Flex, Input, Select, Space, Table, Tabs, Tag, Tooltip } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { bureauIndustryLabel } from '../../../shared/data/bureau-industries';
import { ExpertField } from '../../../shared/enums';
import { Availability, PersonLevel, PersonRole, Profession } from '../../../shared/enums-people';
import { api, useApiErrorHandler } from '../../app/api';
import { useCurrentUser } from '../../app/auth';
import { ExportButton } from '../../components/ExportButton';
import { PageContainer } from '../../components/PageContainer';
import { ConflictDrawer } from './components/ConflictDrawer';
import { ConflictTable, type Decision } from './components/ConflictTable';
import {
  AVAILABILITY_OPTIONS,
  ExpertFormModal,
  FIELD_OPTIONS,
  INDUSTRY_OPTIONS,
  ROLE_OPTIONS,
} from './components/ExpertFormModal';
import { PersonRecordsDrawer } from './components/PersonRecordsDrawer';
import { type Conflict, type Expert, industryLabel, type ListOf } from './types';

const FIELD_COLORS: Record<ExpertField, string> = {
  law: 'blue',
  it: 'cyan',
  industry: 'green',
  forensics: 'purple',
  economics: 'gold',
};

interface Filter {
  q: string;
  field?: ExpertField;
  industry?: string;
  role?: PersonRole;
  availability?: Availability;
}

type Editing = { mode: 'create' } | { mode: 'edit'; expert: Expert };

function PendingConflicts({ reloadKey, onChanged }: { reloadKey: number; onChanged: () => void }) {
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const [items, setItems] = useState<Conflict[]>([]);
  const [loading, setLoading] = useState(true);

  // biome-ignore lint/correctness/useExhaustiveDependencies: reloadKey asks for a reload
  const load = useCallback(() => {
    setLoading(true);
    api
      .get<ListOf<Conflict>>('/conflicts', { status: 'declared' })
      .then((page) => setItems(page.items), handleError)
      .finally(() => setLoading(false));
  }, [handleError, reloadKey]);

  useEffect(load, [load]);

  const decide = async (conflict: Conflict, status: Decision) => {
    try {
      await api.post<Conflict>(`/conflicts/${conflict.id}/decision`, { status });
      message.success(status === 'confirmed' ? '已确认利益冲突' : '已认定不构成冲突');
      onChanged();
    } catch (error) {
      handleError(error);
      load();
    }
  };

  return <ConflictTable items={items} loading={loading} showExpert onDecide={decide} ariaLabel="待确认的利益冲突" />;
}

export default function ExpertRegistryPage() {
  const me = useCurrentUser();
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const [filter, setFilter] = useState<Filter>({ q: '' });
  const [items, setItems] = useState<Expert[]>([]);
  const [loading, setLoading] = useState(true);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [conflictsOf, setConflictsOf] = useState<Expert | null>(null);
  const [tab, setTab] = useState('experts');
  const [pendingKey, setPendingKey] = useState(0);
  const [pendingCount, setPendingCount] = useState<number | null>(null);

  const [recordsOf, setRecordsOf] = useState<Expert | null>(null);
  const listQuery = {
    q: filter.q.trim(),
    field: filter.field,
    industry: filter.industry,
    role: filter.role,
    availability: filter.availability,
  };
  // biome-ignore lint/correctness/useExhaustiveDependencies: listQuery is derived from filter
  const load = useCallback(() => {
    setLoading(true);
    api
      .get<ListOf<Expert>>('/experts', listQuery)
      .then((page) => setItems(page.items), handleError)
      .finally(() => setLoading(false));
  }, [filter, handleError]);

  useEffect(load, [load]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: pendingKey asks for a recount
  useEffect(() => {
    api
      .get<ListOf<Conflict>>('/conflicts', { status: 'declared' })
      .then((page) => setPendingCount(page.total))
      .catch(() => setPendingCount(null));
  }, [pendingKey]);

  const pendingChanged = () => setPendingKey((k) => k + 1);
  // Officers register experts into their own registry or one below; admins anywhere.
  const canCreate = me.role === 'admin' || (me.role === 'officer' && me.jurisdictionCode !== null);

  const expertTable = (
    <Flex vertical gap={12}>
      <Flex gap={12} wrap role="search" aria-label="专家查询">
        <Input.Search
          aria-label="关键词"
          placeholder="姓名、工作单位"
          allowClear
          enterButton="查询"
          onSearch={(q) => setFilter((f) => ({ ...f, q }))}
          style={{ width: 300 }}
        />
        <Select<ExpertField>
          aria-label="专业领域"
          placeholder="全部领域"
          allowClear
          options={FIELD_OPTIONS}
          value={filter.field}
          onChange={(field) => setFilter((f) => ({ ...f, field }))}
          style={{ width: 160 }}
        />
        <Select<string>
          aria-label="熟悉行业"
          placeholder="全部行业"
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          options={INDUSTRY_OPTIONS}
          value={filter.industry}
          onChange={(industry) => setFilter((f) => ({ ...f, industry }))}
          popupMatchSelectWidth={false}
          style={{ width: 260 }}
        />
        <Select<PersonRole>
          aria-label="人员类别"
          placeholder="全部类别"
          allowClear
          options={ROLE_OPTIONS}
          value={filter.role}
          onChange={(role) => setFilter((f) => ({ ...f, role }))}
          style={{ width: 160 }}
        />
        <Select<Availability>
          aria-label="可邀请情况"
          placeholder="可邀请情况"
          allowClear
          options={AVAILABILITY_OPTIONS}
          value={filter.availability}
          onChange={(availability) => setFilter((f) => ({ ...f, availability }))}
          style={{ width: 140 }}
        />
      </Flex>
      <Table<Expert>
        aria-label="专家名单"
        rowKey="id"
        loading={loading}
        dataSource={items}
        scroll={{ x: 'max-content' }}
        pagination={{ pageSize: 20, showSizeChanger: true, showTotal: (total) => `共 ${total} 人` }}
        columns={[
          { title: '姓名', dataIndex: 'name', key: 'name' },
          { title: '工作单位', dataIndex: 'affiliation', key: 'affiliation' },
          {
            title: '人员类别',
            dataIndex: 'roles',
            key: 'roles',
            render: (roles: PersonRole[]) => (
              <Space size={[0, 4]} wrap>
                {roles.map((r) => (
                  <Tag key={r} color="geekblue">
                    {PersonRole.labels[r]}
                  </Tag>
                ))}
              </Space>
            ),
          },
          {
            title: '职业',
            dataIndex: 'profession',
            key: 'profession',
            render: (p: Profession | null) => (p ? Profession.labels[p] : '—'),
          },
          {
            title: '专业领域',
            dataIndex: 'fields',
            key: 'fields',
            render: (fields: ExpertField[]) => (
              <Space size={[0, 4]} wrap>
                {fields.map((field) => (
                  <Tag key={field} color={FIELD_COLORS[field]}>
                    {ExpertField.labels[field]}
                  </Tag>
                ))}
              </Space>
            ),
          },
          {
            title: '本地产业',
            dataIndex: 'localIndustries',
            key: 'localIndustries',
            render: (codes: string[]) =>
              codes.length ? codes.map((c) => bureauIndustryLabel(c) ?? c).join('、') : '—',
          },
          {
            title: '层级',
            dataIndex: 'level',
            key: 'level',
            render: (level: PersonLevel | null) => (level ? PersonLevel.labels[level] : '—'),
          },
          {
            title: '可邀请情况',
            dataIndex: 'availability',
            key: 'availability',
            render: (a: Availability, e: Expert) => (
              <Tooltip title={e.availabilityNote}>
                <Tag color={a === 'available' ? 'green' : a === 'limited' ? 'orange' : 'default'}>
                  {Availability.labels[a]}
                </Tag>
              </Tooltip>
            ),
          },
          {
            title: '熟悉行业',
            dataIndex: 'industries',
            key: 'industries',
            render: (codes: string[]) =>
              codes.length === 0 ? (
                '—'
              ) : (
                <Space size={[0, 4]} wrap style={{ maxWidth: 320 }}>
                  {codes.map((code) => (
                    <Tooltip key={code} title={industryLabel(code)}>
                      <Tag>{industryLabel(code)}</Tag>
                    </Tooltip>
                  ))}
                </Space>
              ),
          },
          { title: '所属专家库', dataIndex: 'jurisdictionName', key: 'jurisdictionName' },
          {
            title: '专家账号',
            dataIndex: 'username',
            key: 'username',
            render: (username: string | null) => username ?? <Tag>未关联</Tag>,
          },
          {
            title: '状态',
            dataIndex: 'active',
            key: 'active',
            render: (active: boolean) =>
              active ? <Badge status="success" text="可用" /> : <Badge status="default" text="停用" />,
          },
          {
            title: '操作',
            key: 'actions',
            render: (_: unknown, expert: Expert) => (
              <Space size={0} wrap>
                {expert.manageable && (
                  <Button
                    type="link"
                    size="small"
                    autoInsertSpace={false}
                    aria-label="编辑"
                    onClick={() => setEditing({ mode: 'edit', expert })}
                  >
                    编辑
                  </Button>
                )}
                <Button
                  type="link"
                  size="small"
                  autoInsertSpace={false}
                  aria-label="利益冲突"
                  onClick={() => setConflictsOf(expert)}
                >
                  利益冲突
                </Button>
                <Button
                  type="link"
                  size="small"
                  autoInsertSpace={false}
                  aria-label="使用记录"
                  onClick={() => setRecordsOf(expert)}
                >
                  使用记录
                </Button>
              </Space>
            ),
          },
        ]}
      />
    </Flex>
  );

  return (
    <PageContainer
      title="人才库 · 智库"
      subTitle="验收专家、智库成员、执法办案人才与行政指导员；本级、上级与下级人才库，可管理本级及下级的人员"
      extra={
        <Space wrap>
          <ExportButton path="/experts" query={listQuery} />
          {canCreate && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ mode: 'create' })}>
              新增专家
            </Button>
          )}
        </Space>
      }
    >
      <Card size="small">
        <Tabs
          activeKey={tab}
          onChange={setTab}
          items={[
            { key: 'experts', label: '人员名单', children: expertTable },
            {
              key: 'pending',
              label: (
                <Badge count={pendingCount ?? 0} size="small" offset={[8, -2]}>
                  待确认的利益冲突
                </Badge>
              ),
              children: <PendingConflicts reloadKey={pendingKey} onChanged={pendingChanged} />,
            },
          ]}
        />
      </Card>
      {editing && (
        <ExpertFormModal
          expert={editing.mode === 'edit' ? editing.expert : undefined}
          onClose={(saved) => {
            setEditing(null);
            if (saved) {
              message.success(editing.mode === 'edit' ? `已保存专家 ${saved.name}` : `已新增专家 ${saved.name}`);
              load();
            }
          }}
        />
      )}
      {recordsOf && <PersonRecordsDrawer expert={recordsOf} onClose={() => setRecordsOf(null)} />}
      {conflictsOf && (
        <ConflictDrawer expert={conflictsOf} onClose={() => setConflictsOf(null)} onChanged={pendingChanged} />
      )}
    </PageContainer>
  );
}
