/**
 * The business date for an administrator: what the rules are applied on, and — in a demonstration or training
 * deployment (BUSINESS_DATE_ADJUSTABLE) — a form to move it. Moving it is audited by the server.
 */
import { App, Button, Card, Flex, Form, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useApiErrorHandler } from '../app/api';
import { useBusinessDate } from '../app/business-date';
import { DatePicker } from './BusinessDatePicker';

export function BusinessDateCard() {
  const { date, today, adjustable, setDate } = useBusinessDate();
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const [form] = Form.useForm<{ date: Dayjs }>();

  const submit = async ({ date: picked }: { date: Dayjs }) => {
    try {
      const moved = await setDate(picked.format('YYYY-MM-DD'));
      message.success(`业务日期已调整为 ${moved}`);
    } catch (error) {
      handleError(error, form);
    }
  };

  return (
    <Card size="small" title="业务日期" data-testid="business-date-card">
      <Flex vertical gap={12}>
        <Typography.Text>
          申报截止、公示期、撤销后两年内不得申报等规则按业务日期 <Typography.Text strong>{date}</Typography.Text>{' '}
          计算；操作日志、存证时间始终为实际时间。
        </Typography.Text>
        {adjustable ? (
          <Form form={form} layout="inline" onFinish={submit} aria-label="调整业务日期" key={date}>
            <Form.Item
              name="date"
              label="新的业务日期"
              initialValue={today}
              rules={[{ required: true, message: '请选择日期' }]}
            >
              <DatePicker allowClear={false} aria-label="新的业务日期" />
            </Form.Item>
            <Form.Item>
              <Button type="primary" htmlType="submit">
                调整业务日期
              </Button>
            </Form.Item>
          </Form>
        ) : (
          <Typography.Text type="secondary">本部署的业务日期为实际日期（中国时间），不能调整。</Typography.Text>
        )}
      </Flex>
    </Card>
  );
}
