/**
 * Which years the calendar knows (the official holiday data, or a year an administrator entered), and the form that
 * enters a year's announced arrangement — its holidays and make-up working days — in one go
 * (PUT /calendar/years/:year). Notices already published keep their dates.
 */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, DatePicker, Flex, Form, Input, Modal, Select, Space, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { api, useApiErrorHandler } from '../../../app/api';

type Coverage = 'official' | 'entered' | 'missing';

interface Years {
  official: { from: number; to: number } | null;
  years: { year: number; coverage: Coverage }[];
}

const COVERAGE: Record<Coverage, { label: string; color: string }> = {
  official: { label: '国家数据', color: 'green' },
  entered: { label: '管理员录入', color: 'blue' },
  missing: { label: '缺少放假安排', color: 'red' },
};

/** The holidays every year's notice lists, in its order. */
const HOLIDAY_NAMES = ['元旦', '春节', '清明节', '劳动节', '端午节', '中秋节', '国庆节'];
const DAY = 'YYYY-MM-DD';

interface YearValues {
  year: number;
  holidays: { name: string; from?: Dayjs; to?: Dayjs }[];
  workdays: (Dayjs | undefined)[];
}

function YearModal({ years, onClose }: { years: number[]; onClose: (saved?: number) => void }) {
  const [form] = Form.useForm<YearValues>();
  const handleError = useApiErrorHandler();
  const [saving, setSaving] = useState(false);
  const year = Form.useWatch('year', form) ?? years[0];
  const inYear = (d: Dayjs) => d.year() !== year;

  const submit = async (values: YearValues) => {
    setSaving(true);
    try {
      await api.put(`/calendar/years/${values.year}`, {
        holidays: values.holidays.map((h) => ({ name: h.name, from: h.from?.format(DAY), to: h.to?.format(DAY) })),
        workdays: (values.workdays ?? []).filter((d): d is Dayjs => !!d).map((d) => d.format(DAY)),
      });
      onClose(values.year);
    } catch (error) {
      handleError(error, form);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      width={720}
      title="录入年度放假安排"
      okText="保存"
      cancelText="取消"
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={() => onClose()}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        按国务院办公厅当年的节假日安排通知填写各假期的起止日期和调休上班日。保存后按工作日计算的期限随之变化，已发布的公示期不变。
      </Typography.Paragraph>
      <Form<YearValues>
        form={form}
        layout="vertical"
        aria-label="录入年度放假安排"
        onFinish={submit}
        initialValues={{
          year: years[0],
          holidays: HOLIDAY_NAMES.map((name) => ({ name })),
          workdays: [undefined],
        }}
      >
        <Form.Item name="year" label="年份" rules={[{ required: true, message: '请选择年份' }]}>
          <Select
            aria-label="年份"
            options={years.map((y) => ({ value: y, label: `${y}年` }))}
            style={{ width: 160 }}
          />
        </Form.Item>
        <Form.Item label="假期" required>
          <Form.List name="holidays">
            {(fields, { add, remove }, { errors }) => (
              <Flex vertical gap={4}>
                <Form.ErrorList errors={errors} />
                {fields.map((field) => (
                  <Space key={field.key} align="start" wrap>
                    <Form.Item
                      name={[field.name, 'name']}
                      rules={[{ required: true, message: '请填写节日名称' }]}
                      style={{ marginBottom: 8 }}
                    >
                      <Input aria-label={`假期${field.name + 1}名称`} maxLength={20} style={{ width: 110 }} />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, 'from']}
                      rules={[{ required: true, message: '请选择开始日期' }]}
                      style={{ marginBottom: 8 }}
                    >
                      <DatePicker aria-label={`假期${field.name + 1}开始日期`} format={DAY} disabledDate={inYear} />
                    </Form.Item>
                    <span style={{ lineHeight: '32px' }}>至</span>
                    <Form.Item
                      name={[field.name, 'to']}
                      rules={[{ required: true, message: '请选择结束日期' }]}
                      style={{ marginBottom: 8 }}
                    >
                      <DatePicker aria-label={`假期${field.name + 1}结束日期`} format={DAY} disabledDate={inYear} />
                    </Form.Item>
                    <Button
                      icon={<DeleteOutlined />}
                      aria-label={`删除假期${field.name + 1}`}
                      onClick={() => remove(field.name)}
                    />
                  </Space>
                ))}
                <Button icon={<PlusOutlined />} onClick={() => add({ name: '' })} style={{ alignSelf: 'flex-start' }}>
                  添加假期
                </Button>
              </Flex>
            )}
          </Form.List>
        </Form.Item>
        <Form.Item label="调休上班日（周六或周日）">
          <Form.List name="workdays">
            {(fields, { add, remove }) => (
              <Flex gap={8} wrap>
                {fields.map((field) => (
                  <Space key={field.key} align="start">
                    <Form.Item name={[field.name]} style={{ marginBottom: 8 }}>
                      <DatePicker aria-label={`调休上班日${field.name + 1}`} format={DAY} disabledDate={inYear} />
                    </Form.Item>
                    <Button
                      icon={<DeleteOutlined />}
                      aria-label={`删除调休上班日${field.name + 1}`}
                      onClick={() => remove(field.name)}
                    />
                  </Space>
                ))}
                <Button icon={<PlusOutlined />} onClick={() => add()}>
                  添加调休上班日
                </Button>
              </Flex>
            )}
          </Form.List>
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function CalendarYears({ onChanged }: { onChanged: () => void }) {
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const [data, setData] = useState<Years | null>(null);
  const [entering, setEntering] = useState(false);
  const load = useCallback(() => {
    api.get<Years>('/calendar/years').then(setData, handleError);
  }, [handleError]);
  useEffect(load, [load]);
  if (!data) return null;
  const enterable = data.years.filter((y) => y.coverage !== 'official').map((y) => y.year);
  const missing = data.years.filter((y) => y.coverage === 'missing').map((y) => y.year);
  return (
    <Card
      size="small"
      title="法定节假日数据"
      extra={
        enterable.length > 0 && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEntering(true)}>
            录入年度放假安排
          </Button>
        )
      }
    >
      <Flex vertical gap={12}>
        <Typography.Text>
          {data.official
            ? `国家法定节假日数据覆盖 ${data.official.from}–${data.official.to} 年。`
            : '没有国家法定节假日数据。'}
          缺少放假安排的年份按周末双休计算，可能把节假日算作工作日。
        </Typography.Text>
        <Flex gap={8} wrap aria-label="各年份节假日数据" data-testid="calendar-years">
          {data.years.map((y) => (
            <Tag key={y.year} color={COVERAGE[y.coverage].color} data-year={y.year} data-coverage={y.coverage}>
              {y.year}年：{COVERAGE[y.coverage].label}
            </Tag>
          ))}
        </Flex>
        {missing.length > 0 && (
          <Alert
            type="warning"
            showIcon
            message={`${missing.map((y) => `${y}年`).join('、')}的放假安排尚未录入：国务院办公厅发布通知后，请在此录入`}
          />
        )}
      </Flex>
      {entering && (
        <YearModal
          years={enterable}
          onClose={(saved) => {
            setEntering(false);
            if (saved) {
              message.success(`已录入${saved}年放假安排`);
              load();
              onChanged();
            }
          }}
        />
      )}
    </Card>
  );
}
