/**
 * 服务与活动: the bureau's service records (行政指导、法律咨询、维权援助、诉讼代理、培训宣传), "三进" campaign visits,
 * associations' self-discipline conventions, the partner organisations and the statistics by district, kind and
 * month (chart + Excel). Records that fit go into the served unit's ledger, where rubric metrics count them.
 */
import { PlusOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Checkbox,
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
  Radio,
  Select,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { type ReactNode, useCallback, useEffect, useMemo, useState } from 'react';
import { CampaignKind, PartnerKind, ServiceKind, ServiceProvider } from '../../../shared/enums-services';
import { api, useApiErrorHandler } from '../../app/api';
import { useCurrentUser } from '../../app/auth';
import type { Page } from '../../app/types';
import { DatePicker } from '../../components/BusinessDatePicker';
import { ExportButton } from '../../components/ExportButton';
import { JurisdictionTreeSelect } from '../../components/JurisdictionTreeSelect';
import { PageContainer } from '../../components/PageContainer';
import { UnitSelect } from '../../components/UnitSelect';

type Row = Record<string, unknown> & { id: string };
const day = (d: Dayjs | undefined) => d?.format('YYYY-MM-DD');

/** One tab: a list endpoint's rows, a create modal with its form, and optional extra buttons. */
function RecordTab({
  path,
  columns,
  form: fields,
  toBody,
  createLabel,
  extra,
  actions,
}: {
  path: string;
  columns: { title: string; dataIndex: string; render?: (v: never, r: Row) => ReactNode }[];
  form: ReactNode;
  toBody: (values: Record<string, unknown>) => unknown;
  createLabel: string;
  extra?: ReactNode;
  /** What may be done with a row (its last column), given a way to reload the list after a change. */
  actions?: (row: Row, reload: () => void) => ReactNode;
}) {
  const [data, setData] = useState<Page<Row> | null>(null);
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm();
  const handleError = useApiErrorHandler();
  const { message } = App.useApp();
  const load = useCallback(() => {
    api
      .get<Page<Row>>(path, path === '/conventions' ? undefined : { pageSize: 100 })
      .then(setData)
      .catch(handleError);
  }, [path, handleError]);
  useEffect(load, [load]);
  return (
    <Flex vertical gap={12}>
      <Flex gap={8} wrap>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)}>
          {createLabel}
        </Button>
        {extra}
      </Flex>
      <Table<Row>
        rowKey="id"
        size="small"
        loading={data === null}
        dataSource={data?.items ?? []}
        columns={
          (actions
            ? [...columns, { title: '操作', dataIndex: 'id', render: (_: never, r: Row) => actions(r, load) }]
            : columns) as never
        }
        scroll={{ x: 720 }}
      />
      <Modal
        title={createLabel}
        open={open}
        okText="保存"
        onCancel={() => setOpen(false)}
        destroyOnHidden
        onOk={async () => {
          const values = await form.validateFields();
          api
            .post(path, toBody(values))
            .then(() => {
              message.success('已保存');
              setOpen(false);
              form.resetFields();
              load();
            })
            .catch((error) => handleError(error, form));
        }}
      >
        <Form form={form} layout="vertical" preserve={false}>
          {fields}
        </Form>
      </Modal>
    </Flex>
  );
}

const required = (message: string) => [{ required: true, message }];
const enumOptions = (e: { values: readonly string[]; labels: Record<string, string> }) =>
  e.values.map((v) => ({ value: v, label: e.labels[v] }));

function PartnerSelect({ id, value, onChange }: { id?: string; value?: string; onChange?: (v: string) => void }) {
  const [partners, setPartners] = useState<{ id: string; name: string }[]>([]);
  useEffect(() => {
    api
      .get<Page<{ id: string; name: string }>>('/service-partners')
      .then((p) => setPartners(p.items))
      .catch(() => setPartners([]));
  }, []);
  return (
    <Select id={id} value={value} onChange={onChange} options={partners.map((p) => ({ value: p.id, label: p.name }))} />
  );
}

/** The service form; when correcting a record, its kind and unit stay as recorded (void and record anew instead). */
function ServiceForm({ correcting = false }: { correcting?: boolean }) {
  const provider = Form.useWatch('provider');
  return (
    <>
      {!correcting && (
        <>
          <Form.Item name="kind" label="服务类型" rules={required('请选择服务类型')}>
            <Select options={enumOptions(ServiceKind)} />
          </Form.Item>
          <Form.Item name="unitId" label="服务对象" rules={required('请选择服务对象')}>
            <UnitSelect />
          </Form.Item>
        </>
      )}
      <Form.Item name="provider" label="提供方" initialValue="bureau">
        <Radio.Group options={enumOptions(ServiceProvider)} />
      </Form.Item>
      {provider === 'partner' && (
        <Form.Item name="partnerId" label="合作机构" rules={required('请选择合作机构')}>
          <PartnerSelect />
        </Form.Item>
      )}
      <Form.Item name="occurredOn" label="日期" rules={required('请选择日期')}>
        <DatePicker />
      </Form.Item>
      <Form.Item name="title" label="主题" rules={required('请填写主题')}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="description" label="内容">
        <Input.TextArea rows={3} />
      </Form.Item>
    </>
  );
}

/** Correcting a service record (its ledger entry follows) or voiding it with a reason; a voided one shows why. */
function ServiceRecordActions({ row, reload }: { row: Row; reload: () => void }) {
  const [mode, setMode] = useState<'edit' | 'void' | null>(null);
  const [form] = Form.useForm();
  const handleError = useApiErrorHandler();
  const { message } = App.useApp();
  if (row.voidedAt) {
    return (
      <Typography.Text type="secondary">
        <Tag color="default">已作废</Tag>
        {row.voidReason as string}
      </Typography.Text>
    );
  }
  const close = () => setMode(null);
  const save = async () => {
    const values = await form.validateFields();
    const request =
      mode === 'edit'
        ? api.patch(`/service-records/${row.id}`, {
            ...values,
            occurredOn: day(values.occurredOn as Dayjs),
            partnerId: values.provider === 'partner' ? values.partnerId : null,
            description: values.description || null,
            version: row.version,
          })
        : api.post(`/service-records/${row.id}/void`, { reason: values.reason, version: row.version });
    try {
      await request;
      message.success(mode === 'edit' ? '服务记录已修改，台账已同步' : '服务记录已作废，已撤下其台账记录');
      close();
      reload();
    } catch (error) {
      handleError(error, form);
    }
  };
  return (
    <Flex gap={4}>
      <Button
        size="small"
        autoInsertSpace={false}
        onClick={() => setMode('edit')}
        aria-label={`修改服务记录：${row.title as string}`}
      >
        修改
      </Button>
      <Button
        size="small"
        autoInsertSpace={false}
        danger
        onClick={() => setMode('void')}
        aria-label={`作废服务记录：${row.title as string}`}
      >
        作废
      </Button>
      <Modal
        title={mode === 'edit' ? '修改服务记录' : '作废服务记录'}
        open={mode !== null}
        okText={mode === 'edit' ? '保存' : '作废'}
        okButtonProps={{ danger: mode === 'void' }}
        onCancel={close}
        onOk={save}
        destroyOnHidden
      >
        <Form
          form={form}
          layout="vertical"
          preserve={false}
          initialValues={{
            provider: row.provider,
            partnerId: row.partnerId ?? undefined,
            occurredOn: dayjs(row.occurredOn as string),
            title: row.title,
            description: row.description,
          }}
        >
          {mode === 'edit' ? (
            <ServiceForm correcting />
          ) : (
            <>
              <Typography.Paragraph>
                作废后记录保留并注明原因，其在服务对象台账中的记录将撤下，不再计入指标与统计。
              </Typography.Paragraph>
              <Form.Item name="reason" label="作废原因" rules={required('请填写作废原因')}>
                <Input.TextArea rows={3} maxLength={500} />
              </Form.Item>
            </>
          )}
        </Form>
      </Modal>
    </Flex>
  );
}

interface StatRow {
  month: string;
  jurisdictionName: string;
  category: string;
  kindLabel: string;
  count: number;
  reached: number;
}

function Statistics() {
  const [rows, setRows] = useState<StatRow[] | null>(null);
  const handleError = useApiErrorHandler();
  useEffect(() => {
    api
      .get<{ items: StatRow[] }>('/service-statistics')
      .then((r) => setRows(r.items))
      .catch(handleError);
  }, [handleError]);
  const months = useMemo(() => {
    const sums = new Map<string, number>();
    for (const r of rows ?? []) sums.set(r.month, (sums.get(r.month) ?? 0) + r.count);
    return [...sums.entries()].sort(([a], [b]) => a.localeCompare(b)).slice(-12);
  }, [rows]);
  const max = Math.max(1, ...months.map(([, n]) => n));
  return (
    <Flex vertical gap={16}>
      <Flex justify="flex-end">
        <ExportButton path="/service-statistics" label="导出统计 Excel" />
      </Flex>
      <Card size="small" title="每月服务与活动次数">
        <Flex
          gap={8}
          align="flex-end"
          style={{ height: 160, overflowX: 'auto' }}
          role="img"
          aria-label="每月服务与活动次数柱状图"
        >
          {months.map(([month, n]) => (
            <Flex key={month} vertical align="center" gap={4} style={{ minWidth: 44 }}>
              <Typography.Text>{n}</Typography.Text>
              <div style={{ width: 24, height: (n / max) * 110, background: '#1f5fbf', borderRadius: 2 }} />
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {month.slice(2)}
              </Typography.Text>
            </Flex>
          ))}
          {months.length === 0 && <Typography.Text type="secondary">暂无数据</Typography.Text>}
        </Flex>
      </Card>
      <Table<StatRow>
        rowKey={(r) => `${r.month}-${r.jurisdictionName}-${r.category}-${r.kindLabel}`}
        size="small"
        loading={rows === null}
        dataSource={rows ?? []}
        scroll={{ x: 600 }}
        columns={[
          { title: '月份', dataIndex: 'month' },
          { title: '辖区', dataIndex: 'jurisdictionName' },
          { title: '类型', dataIndex: 'kindLabel' },
          { title: '次数', dataIndex: 'count' },
          { title: '覆盖单位（企业）数', dataIndex: 'reached' },
        ]}
      />
    </Flex>
  );
}

export default function ServicesPage() {
  const me = useCurrentUser();
  const isOfficer = me.role === 'officer' || me.role === 'admin';
  return (
    <PageContainer title="服务与活动" subTitle="服务记录、三进活动、自律公约与合作机构；计入服务对象的工作台账">
      <Tabs
        items={[
          {
            key: 'records',
            label: '服务记录',
            children: (
              <RecordTab
                path="/service-records"
                createLabel="登记服务"
                extra={<ExportButton path="/service-records" />}
                form={<ServiceForm />}
                toBody={(v) => ({ ...v, occurredOn: day(v.occurredOn as Dayjs) })}
                actions={isOfficer ? (row, reload) => <ServiceRecordActions row={row} reload={reload} /> : undefined}
                columns={[
                  { title: '日期', dataIndex: 'occurredOn' },
                  {
                    title: '类型',
                    dataIndex: 'kind',
                    render: (v: keyof typeof ServiceKind.labels) => <Tag>{ServiceKind.labels[v]}</Tag>,
                  },
                  { title: '服务对象', dataIndex: 'unitName' },
                  { title: '辖区', dataIndex: 'jurisdictionName' },
                  {
                    title: '提供方',
                    dataIndex: 'partnerName',
                    render: (v: string | null, r) => v ?? ServiceProvider.labels[r.provider as 'bureau'],
                  },
                  { title: '主题', dataIndex: 'title' },
                  { title: '计入台账', dataIndex: 'ledgerEntryId', render: (v: string | null) => (v ? '是' : '否') },
                ]}
              />
            ),
          },
          {
            key: 'campaigns',
            label: '三进活动',
            children: (
              <RecordTab
                path="/campaign-visits"
                createLabel="登记三进活动"
                toBody={(v) => ({ ...v, occurredOn: day(v.occurredOn as Dayjs), unitId: v.unitId ?? null })}
                form={
                  <>
                    <Form.Item name="kind" label="活动" rules={required('请选择活动')}>
                      <Radio.Group options={enumOptions(CampaignKind)} />
                    </Form.Item>
                    <Form.Item name="jurisdictionCode" label="辖区" rules={required('请选择辖区')}>
                      <JurisdictionTreeSelect />
                    </Form.Item>
                    <Form.Item name="unitId" label="走访单位（已登记的园区或企业，可不选）">
                      <UnitSelect />
                    </Form.Item>
                    <Form.Item name="placeName" label="地点" rules={required('请填写地点')}>
                      <Input maxLength={100} />
                    </Form.Item>
                    <Form.Item name="occurredOn" label="日期" rules={required('请选择日期')}>
                      <DatePicker />
                    </Form.Item>
                    <Form.Item name="firmsReached" label="覆盖企业数" initialValue={0}>
                      <InputNumber min={0} />
                    </Form.Item>
                    <Form.Item name="participants" label="参加人数">
                      <InputNumber min={0} />
                    </Form.Item>
                    <Form.Item name="summary" label="活动内容">
                      <Input.TextArea rows={3} />
                    </Form.Item>
                  </>
                }
                columns={[
                  { title: '日期', dataIndex: 'occurredOn' },
                  {
                    title: '活动',
                    dataIndex: 'kind',
                    render: (v: keyof typeof CampaignKind.labels) => <Tag>{CampaignKind.labels[v]}</Tag>,
                  },
                  { title: '辖区', dataIndex: 'jurisdictionName' },
                  { title: '地点', dataIndex: 'placeName' },
                  { title: '覆盖企业', dataIndex: 'firmsReached' },
                  { title: '参加人数', dataIndex: 'participants' },
                ]}
              />
            ),
          },
          {
            key: 'conventions',
            label: '自律公约',
            children: (
              <RecordTab
                path="/conventions"
                createLabel="登记自律公约"
                toBody={(v) => ({ ...v, signedOn: day(v.signedOn as Dayjs) })}
                form={
                  <>
                    <Form.Item name="associationId" label="行业协会（商会）" rules={required('请选择行业协会')}>
                      <UnitSelect kind="association" />
                    </Form.Item>
                    <Form.Item name="title" label="公约名称" rules={required('请填写公约名称')}>
                      <Input maxLength={200} />
                    </Form.Item>
                    <Form.Item name="signedOn" label="签订日期" rules={required('请选择日期')}>
                      <DatePicker />
                    </Form.Item>
                    <Form.Item name="signatoryIds" label="签约会员单位" rules={required('请选择签约会员单位')}>
                      <UnitSelect multiple />
                    </Form.Item>
                    <Form.Item name="content" label="公约内容">
                      <Input.TextArea rows={4} />
                    </Form.Item>
                  </>
                }
                columns={[
                  { title: '签订日期', dataIndex: 'signedOn' },
                  { title: '协会', dataIndex: 'associationName' },
                  { title: '公约', dataIndex: 'title' },
                  {
                    title: '签约会员单位',
                    dataIndex: 'signatories',
                    render: (v: { name: string }[]) => v.map((s) => s.name).join('、'),
                  },
                ]}
              />
            ),
          },
          {
            key: 'partners',
            label: '合作机构',
            children: (
              <RecordTab
                path="/service-partners"
                createLabel="登记合作机构"
                toBody={(v) => ({ ...v, unitId: v.unitId ?? null, attackAccredited: v.attackAccredited === true })}
                form={
                  <>
                    <Form.Item name="name" label="机构名称" rules={required('请填写机构名称')}>
                      <Input maxLength={100} />
                    </Form.Item>
                    <Form.Item name="kind" label="机构类型" rules={required('请选择机构类型')}>
                      <Select options={enumOptions(PartnerKind)} />
                    </Form.Item>
                    <Form.Item name="jurisdictionCode" label="所属辖区" rules={required('请选择辖区')}>
                      <JurisdictionTreeSelect />
                    </Form.Item>
                    <Form.Item name="unitId" label="机构的注册单位（其账号可提交评估报告，可不选）">
                      <UnitSelect />
                    </Form.Item>
                    <Form.Item name="attackAccredited" valuePropName="checked">
                      <Checkbox>具备模拟网络攻击评估资质</Checkbox>
                    </Form.Item>
                    <Form.Item name="contactName" label="联系人">
                      <Input maxLength={50} />
                    </Form.Item>
                    <Form.Item name="contactPhone" label="联系电话">
                      <Input maxLength={30} />
                    </Form.Item>
                  </>
                }
                columns={[
                  { title: '机构', dataIndex: 'name' },
                  {
                    title: '类型',
                    dataIndex: 'kind',
                    render: (v: keyof typeof PartnerKind.labels) => PartnerKind.labels[v],
                  },
                  { title: '辖区', dataIndex: 'jurisdictionName' },
                  {
                    title: '模拟攻击评估资质',
                    dataIndex: 'attackAccredited',
                    render: (v: boolean) => (v ? '有' : '—'),
                  },
                  { title: '联系人', dataIndex: 'contactName' },
                ]}
              />
            ),
          },
          { key: 'statistics', label: '统计', children: <Statistics /> },
        ]}
      />
    </PageContainer>
  );
}
