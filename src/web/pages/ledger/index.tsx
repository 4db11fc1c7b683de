/**
 * 台账 — the dated record of a unit's trade-secret protection activities (trainings, guidance visits, publicity …).
 * Applicants keep their own unit's ledger; officers see and keep those of the units in their jurisdiction's subtree,
 * choose a unit to filter by, export to Excel and assign guides (指导员). Filters live in the address bar so a
 * filtered list can be bookmarked or shared; the export takes the same filters.
 */
import { EditOutlined, PaperClipOutlined, PlusOutlined, TeamOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Select, Table, Tag, Tooltip, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { LedgerKind } from '../../../shared/enums';
import { accessFor } from '../../app/access';
import { useApiErrorHandler } from '../../app/api';
import { useCurrentUser } from '../../app/auth';
import type { UnitRef } from '../../app/types';
import { DatePicker } from '../../components/BusinessDatePicker';
import { ExportButton } from '../../components/ExportButton';
import { PageContainer } from '../../components/PageContainer';
import { tablePagination, usePagedList } from '../../hooks/usePagedList';
import { MENU } from '../../locales/zh-CN';
import { GuidesModal } from './GuidesModal';
import { type DrawerResult, LedgerEntryDrawer } from './LedgerEntryDrawer';
import { LedgerUnitSelect } from './LedgerUnitSelect';
import {
  attachmentUrl,
  filterOf,
  KIND_COLORS,
  KIND_OPTIONS,
  type LedgerEntry,
  type LedgerQuery,
  percent,
  readQuery,
  writeQuery,
} from './ledger-common';

type DrawerState = { entry?: LedgerEntry } | null;

const EMPTY = '—';

function Attachments({ entry }: { entry: LedgerEntry }) {
  if (entry.attachments.length === 0) return <Typography.Text type="secondary">{EMPTY}</Typography.Text>;
  return (
    <Flex vertical gap={2} style={{ maxWidth: 220 }}>
      {entry.attachments.map((a) => (
        <Typography.Link
          key={a.id}
          href={attachmentUrl(entry.id, a.id)}
          download={a.fileName}
          title={`下载 ${a.fileName}`}
          ellipsis
        >
          <PaperClipOutlined /> {a.fileName}
        </Typography.Link>
      ))}
    </Flex>
  );
}

/** Participants, share reached and firms covered, each shown only when recorded. */
function Reach({ entry }: { entry: LedgerEntry }) {
  const parts = [
    entry.participants !== null && `参与 ${entry.participants} 人`,
    entry.reachPercent !== null && `覆盖 ${percent(entry.reachPercent)}`,
    entry.firmsCovered !== null && `覆盖企业 ${entry.firmsCovered} 家`,
  ].filter((p): p is string => typeof p === 'string');
  if (parts.length === 0) return <Typography.Text type="secondary">{EMPTY}</Typography.Text>;
  return (
    <Flex vertical gap={0} style={{ whiteSpace: 'nowrap' }}>
      {parts.map((p) => (
        <span key={p}>{p}</span>
      ))}
    </Flex>
  );
}

export default function LedgerPage() {
  const user = useCurrentUser();
  const { message } = App.useApp();
  const _handleError = useApiErrorHandler();
  const access = accessFor(user);
  const [params, setParams] = useSearchParams();
  const query = readQuery(params);
  const isApplicant = user.role === 'applicant';
  const choosesUnit = user.role === 'officer' || user.role === 'admin';
  const canWrite = choosesUnit || (isApplicant && user.unitId !== null);
  const canAssign = access.canAssignGuides;
  // Applicants are fixed to their own unit (the server limits them to it anyway).
  const unitId = isApplicant ? (user.unitId ?? undefined) : query.unitId;

  const [reload, setReload] = useState(0);
  const search = params.toString();
  // What the table answers: the address's query, and a reload counter bumped after saves.
  const key = `${search}#${reload}`;
  const { data, loading } = usePagedList<LedgerEntry>(
    '/ledger',
    {
      ...filterOf(query),
      unitId,
      page: query.page,
      pageSize: query.pageSize,
    },
    key,
  );
  const [drawer, setDrawer] = useState<DrawerState>(null);
  const [guidesOpen, setGuidesOpen] = useState(false);
  const [chosenUnit, setChosenUnit] = useState<UnitRef | null>(null);

  const update = (patch: Partial<LedgerQuery>) => setParams(writeQuery({ ...query, page: 1, ...patch }));

  // The unit the guide panel is about: the filtered unit (officers) or the applicant's own.
  const guideUnit: UnitRef | null = useMemo(() => {
    if (!unitId) return null;
    if (chosenUnit?.id === unitId) return chosenUnit;
    const seen = data.items.find((e) => e.unitId === unitId);
    return { id: unitId, name: seen?.unitName ?? (isApplicant ? '本单位' : '所选单位') };
  }, [unitId, chosenUnit, data.items, isApplicant]);

  const closeDrawer = (outcome?: DrawerResult) => {
    setDrawer(null);
    if (!outcome) return;
    if ('saved' in outcome) message.success(drawer?.entry ? '台账记录已修改' : '台账记录已保存');
    setReload((r) => r + 1);
  };

  const dateRange: [Dayjs | null, Dayjs | null] | null =
    query.from || query.to ? [query.from ? dayjs(query.from) : null, query.to ? dayjs(query.to) : null] : null;

  const subTitle = isApplicant
    ? '本单位开展商业秘密保护工作的记录'
    : user.role === 'officer'
      ? '本辖区及下级辖区单位的台账'
      : '全部单位的台账';

  return (
    <PageContainer
      title={MENU.ledger}
      subTitle={subTitle}
      extra={
        <>
          {(choosesUnit || isApplicant) && (
            <Tooltip title={guideUnit ? undefined : '请先在筛选条件中选择单位'}>
              <Button icon={<TeamOutlined />} disabled={!guideUnit} onClick={() => setGuidesOpen(true)}>
                指导员
              </Button>
            </Tooltip>
          )}
          <ExportButton path="/ledger" query={{ ...filterOf(query), unitId }} />
          {canWrite && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setDrawer({})}>
              新增记录
            </Button>
          )}
        </>
      }
    >
      <Card size="small">
        <Flex gap={12} wrap align="center" role="search" aria-label="台账查询">
          {choosesUnit && (
            <LedgerUnitSelect
              aria-label="筛选单位"
              placeholder="全部单位"
              value={query.unitId}
              onChange={(id, unit) => {
                setChosenUnit(unit ?? null);
                update({ unitId: id });
              }}
              onResolved={setChosenUnit}
              style={{ width: 280 }}
            />
          )}
          <Select<LedgerKind>
            aria-label="筛选类型"
            placeholder="全部类型"
            allowClear
            options={KIND_OPTIONS}
            value={query.kind}
            onChange={(kind) => update({ kind })}
            style={{ width: 160 }}
          />
          <fieldset aria-label="筛选日期" style={{ border: 0, margin: 0, padding: 0, minWidth: 0 }}>
            <DatePicker.RangePicker
              allowEmpty={[true, true]}
              placeholder={['开始日期', '结束日期']}
              value={dateRange}
              onChange={(range) =>
                update({
                  from: range?.[0]?.format('YYYY-MM-DD') ?? undefined,
                  to: range?.[1]?.format('YYYY-MM-DD') ?? undefined,
                })
              }
            />
          </fieldset>
          <Button
            autoInsertSpace={false}
            onClick={() => {
              setChosenUnit(null);
              setParams(new URLSearchParams());
            }}
          >
            重置
          </Button>
        </Flex>
      </Card>
      <Card size="small" aria-busy={loading} data-testid="ledger-table" data-query={search}>
        <Table<LedgerEntry>
          rowKey="id"
          loading={loading}
          dataSource={data.items}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: '暂无台账记录' }}
          pagination={tablePagination(
            query,
            data.total,
            (total) => `共 ${total} 条记录`,
            (paging) => setParams(writeQuery({ ...query, ...paging })),
          )}
          columns={[
            { title: '日期', dataIndex: 'occurredOn', width: 110 },
            {
              title: '类型',
              dataIndex: 'kind',
              render: (kind: LedgerKind) => <Tag color={KIND_COLORS[kind]}>{LedgerKind.labels[kind]}</Tag>,
            },
            {
              title: '主题',
              dataIndex: 'title',
              width: 240,
              render: (title: string, entry) =>
                entry.description ? (
                  <Tooltip title={entry.description}>
                    <span>{title}</span>
                  </Tooltip>
                ) : (
                  title
                ),
            },
            ...(choosesUnit
              ? [
                  {
                    title: '单位',
                    dataIndex: 'unitName',
                    width: 200,
                    render: (name: string, entry: LedgerEntry) => <Link to={`/units/${entry.unitId}`}>{name}</Link>,
                  },
                ]
              : []),
            { title: '参与 / 覆盖', key: 'reach', render: (_, entry) => <Reach entry={entry} /> },
            { title: '指导员', dataIndex: 'guideName', render: (name: string | null) => name ?? EMPTY },
            { title: '附件', key: 'attachments', render: (_, entry) => <Attachments entry={entry} /> },
            { title: '版本', dataIndex: 'version', align: 'right', render: (v: number) => `v${v}` },
            ...(canWrite
              ? [
                  {
                    title: '操作',
                    key: 'actions',
                    fixed: 'right' as const,
                    // Guidance visits are the bureau's record (the server refuses a unit's edit too).
                    render: (_: unknown, entry: LedgerEntry) =>
                      entry.kind === 'guidance_visit' && user.role === 'applicant' ? (
                        <Typography.Text type="secondary">由指导员登记</Typography.Text>
                      ) : (
                        <Button
                          type="link"
                          size="small"
                          icon={<EditOutlined />}
                          aria-label={`编辑 ${entry.title}`}
                          onClick={() => setDrawer({ entry })}
                        >
                          编辑
                        </Button>
                      ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      {drawer && (
        <LedgerEntryDrawer
          entry={drawer.entry}
          defaultUnitId={unitId}
          canChooseUnit={choosesUnit}
          onClose={closeDrawer}
        />
      )}
      {guidesOpen && guideUnit && (
        <GuidesModal
          unit={guideUnit}
          canAssign={canAssign}
          onClose={(changed) => {
            setGuidesOpen(false);
            if (changed) setReload((r) => r + 1);
          }}
        />
      )}
    </PageContainer>
  );
}
