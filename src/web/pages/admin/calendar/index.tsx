/**
 * 工作日历 (administrators): overrides of the official Chinese calendar — a day made a working day (a make-up day
 * announced late) or a day off — and the "N working days from a date" calculator publicity periods use
 * (GET /calendar/working-days, which already counts these overrides), and which years the holiday data covers with
 * the form that enters a missing year's arrangement (CalendarYears.tsx).
 */
import { PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Radio,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { api, useApiErrorHandler } from '../../../app/api';
import { useBusinessDate } from '../../../app/business-date';
import { DatePicker } from '../../../components/BusinessDatePicker';
import { PageContainer } from '../../../components/PageContainer';
import { CalendarYears } from './CalendarYears';

interface Override {
  date: string;
  workday: boolean;
  note: string | null;
  updatedByName: string | null;
  updatedAt: string;
}

interface WorkingDays {
  start: string;
  days: number;
  firstDay: string;
  end: string;
  /** Set when the period reaches a year without holiday data: the end may be wrong. */
  warning: string | null;
}

const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];
const DAY = 'YYYY-MM-DD';
const dayText = (iso: string) => `${iso}（${WEEKDAYS[dayjs(iso).day()]}）`;

interface OverrideValues {
  date?: Dayjs;
  workday?: boolean;
  note?: string;
}

function OverrideModal({
  override,
  existing,
  onClose,
}: {
  /** The override to change; absent to add one. */
  override?: Override;
  existing: ReadonlySet<string>;
  onClose: (saved?: Override) => void;
}) {
  const [form] = Form.useForm<OverrideValues>();
  const handleError = useApiErrorHandler();
  const [saving, setSaving] = useState(false);
  const date = Form.useWatch('date', form);
  const replacing = !override && date && existing.has(date.format(DAY));

  const submit = async (values: OverrideValues) => {
    if (!values.date) return;
    setSaving(true);
    const note = values.note?.trim();
    try {
      onClose(
        await api.put<Override>(`/calendar/overrides/${values.date.format(DAY)}`, {
          workday: values.workday,
          ...(note ? { note } : {}),
        }),
      );
    } catch (error) {
      handleError(error, form);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={override ? `修改调整：${dayText(override.date)}` : '新增调整'}
      okText="保存"
      cancelText="取消"
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={() => onClose()}
      destroyOnHidden
    >
      <Form<OverrideValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        aria-label={override ? '修改调整' : '新增调整'}
        initialValues={
          override
            ? { date: dayjs(override.date), workday: override.workday, note: override.note ?? undefined }
            : { workday: false }
        }
      >
        <Form.Item
          name="date"
          label="日期"
          rules={[{ required: true, message: '请选择日期' }]}
          extra={replacing ? '该日已有调整，保存后将替换原设置' : undefined}
        >
          <DatePicker format={DAY} disabled={!!override} style={{ width: '100%' }} aria-label="日期" />
        </Form.Item>
        <Form.Item name="workday" label="设为" rules={[{ required: true, message: '请选择是否为工作日' }]}>
          <Radio.Group
            aria-label="设为"
            options={[
              { value: true, label: '工作日' },
              { value: false, label: '休息日' },
            ]}
          />
        </Form.Item>
        <Form.Item name="note" label="说明">
          <Input maxLength={200} showCount placeholder="如：国务院办公厅通知调休" aria-label="说明" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

interface CalcValues {
  start?: Dayjs;
  days?: number;
}

function WorkingDaysCalculator() {
  const { today } = useBusinessDate();
  const [form] = Form.useForm<CalcValues>();
  const handleError = useApiErrorHandler();
  const [result, setResult] = useState<WorkingDays | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (values: CalcValues) => {
    if (!values.start || !values.days) return;
    setBusy(true);
    try {
      setResult(
        await api.get<WorkingDays>('/calendar/working-days', { start: values.start.format(DAY), days: values.days }),
      );
    } catch (error) {
      setResult(null);
      handleError(error, form);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card size="small" title="公示期计算">
      <Flex vertical gap={12}>
        <Form<CalcValues>
          form={form}
          layout="inline"
          onFinish={submit}
          aria-label="公示期计算"
          initialValues={{ start: today, days: 5 }}
          onValuesChange={() => setResult(null)}
        >
          <Form.Item name="start" label="起始日期" rules={[{ required: true, message: '请选择起始日期' }]}>
            <DatePicker format={DAY} aria-label="起始日期" />
          </Form.Item>
          <Form.Item name="days" label="工作日数" rules={[{ required: true, message: '请填写工作日数' }]}>
            <InputNumber min={1} max={250} precision={0} aria-label="工作日数" style={{ width: 120 }} />
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit" loading={busy} autoInsertSpace={false} aria-label="计算">
              计算
            </Button>
          </Form.Item>
        </Form>
        {result && (
          <Descriptions size="small" column={1} bordered aria-label="计算结果">
            <Descriptions.Item label="起始日期">{dayText(result.start)}</Descriptions.Item>
            <Descriptions.Item label="第一个工作日">{dayText(result.firstDay)}</Descriptions.Item>
            <Descriptions.Item label={`第 ${result.days} 个工作日（截止日期）`}>
              <Typography.Text strong data-testid="working-days-end">
                {dayText(result.end)}
              </Typography.Text>
            </Descriptions.Item>
          </Descriptions>
        )}
        {result?.warning && (
          <Alert type="warning" showIcon message={result.warning} data-testid="working-days-warning" />
        )}
        <Typography.Text type="secondary">
          按国家法定节假日与调休安排计算，并计入本页的调整；起始日期当天是否计入以“第一个工作日”为准。
        </Typography.Text>
      </Flex>
    </Card>
  );
}

type Editing = { mode: 'create' } | { mode: 'edit'; override: Override };

export default function CalendarAdminPage() {
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const [items, setItems] = useState<Override[]>([]);
  const [loading, setLoading] = useState(true);
  const [editing, setEditing] = useState<Editing | null>(null);

  const load = useCallback(() => {
    setLoading(true);
    api
      .get<{ items: Override[] }>('/calendar/overrides')
      .then((data) => setItems(data.items), handleError)
      .finally(() => setLoading(false));
  }, [handleError]);

  useEffect(load, [load]);

  const remove = async (override: Override) => {
    try {
      await api.delete<null>(`/calendar/overrides/${override.date}`);
      message.success(`已取消 ${override.date} 的调整，恢复国家法定日历`);
      load();
    } catch (error) {
      handleError(error);
    }
  };

  return (
    <PageContainer
      title="工作日历"
      subTitle="在国家法定日历基础上调整工作日或休息日，公示期等按工作日计算的期限随之变化"
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ mode: 'create' })}>
          新增调整
        </Button>
      }
    >
      <Card size="small" title="日历调整">
        <Table<Override>
          aria-label="日历调整"
          rowKey="date"
          loading={loading}
          dataSource={items}
          pagination={items.length > 20 ? { pageSize: 20 } : false}
          locale={{ emptyText: '暂无调整，按国家法定日历计算' }}
          scroll={{ x: 'max-content' }}
          columns={[
            { title: '日期', dataIndex: 'date', key: 'date', render: (date: string) => dayText(date) },
            {
              title: '设为',
              dataIndex: 'workday',
              key: 'workday',
              render: (workday: boolean) =>
                workday ? <Tag color="blue">工作日</Tag> : <Tag color="orange">休息日</Tag>,
            },
            { title: '说明', dataIndex: 'note', key: 'note', render: (note: string | null) => note ?? '—' },
            {
              title: '设置人',
              dataIndex: 'updatedByName',
              key: 'updatedByName',
              render: (name: string | null) => name ?? '—',
            },
            {
              title: '设置时间',
              dataIndex: 'updatedAt',
              key: 'updatedAt',
              render: (at: string) => dayjs(at).format('YYYY-MM-DD HH:mm'),
            },
            {
              title: '操作',
              key: 'actions',
              render: (_: unknown, override: Override) => (
                <Flex gap={0} wrap>
                  <Button
                    type="link"
                    size="small"
                    autoInsertSpace={false}
                    aria-label="修改"
                    onClick={() => setEditing({ mode: 'edit', override })}
                  >
                    修改
                  </Button>
                  <Popconfirm
                    title={`取消 ${override.date} 的调整？`}
                    description="取消后该日按国家法定日历计算。"
                    okText="确定"
                    cancelText="取消"
                    onConfirm={() => remove(override)}
                  >
                    <Button type="link" size="small" danger autoInsertSpace={false} aria-label="删除">
                      删除
                    </Button>
                  </Popconfirm>
                </Flex>
              ),
            },
          ]}
        />
      </Card>
      <CalendarYears onChanged={load} />
      <WorkingDaysCalculator />
      {editing && (
        <OverrideModal
          override={editing.mode === 'edit' ? editing.override : undefined}
          existing={new Set(items.map((o) => o.date))}
          onClose={(saved) => {
            setEditing(null);
            if (saved) {
              message.success(`已设置 ${saved.date} 为${saved.workday ? '工作日' : '休息日'}`);
              load();
            }
          }}
        />
      )}
    </PageContainer>
  );
}
