/**
 * 举报进展查询 (public): the receipt code and the follow password show the report's status, deadlines, the decision
 * and its reason, the visible history and the messages; the reporter can write to the handler. Works at 390 px.
 */
import { Alert, Button, Card, Descriptions, Form, Input, List, Space, Typography } from 'antd';
import { useState } from 'react';
import { RightsRoute } from '../../../../shared/enums-rights';
import { api } from '../../../app/api';
import { ClockTag, type ClueMeta, StatusTag, showFieldErrors } from '../../rights/rights-common';
import { PublicLayout } from '../PublicLayout';

interface Followed extends ClueMeta {
  content: {
    decisionReason: string | null;
    history: { kind: string; comment: string | null; businessDate: string }[];
    messages: { author: string; authorName: string; body: string; at: string }[];
  };
}

export default function PublicRightsFollow() {
  const [form] = Form.useForm();
  const [messageForm] = Form.useForm();
  const [clue, setClue] = useState<Followed | null>(null);
  const [credentials, setCredentials] = useState<{ code: string; secret: string } | null>(null);
  const [error, setError] = useState<string | null>(null);

  const look = async (values: { code: string; secret: string }) => {
    setError(null);
    try {
      setClue(await api.post<Followed>('/rights/public/follow', values));
      setCredentials(values);
    } catch (e) {
      setClue(null);
      setError(showFieldErrors(form, e));
    }
  };

  const send = async (values: { body: string }) => {
    if (!credentials) return;
    try {
      await api.post('/rights/public/messages', { ...credentials, body: values.body });
      messageForm.resetFields();
      await look(credentials);
    } catch (e) {
      setError(showFieldErrors(messageForm, e));
    }
  };

  return (
    <PublicLayout title="举报进展查询">
      <div style={{ maxWidth: 860, margin: '0 auto', padding: 12 }}>
        <Typography.Title level={3}>举报进展查询</Typography.Title>
        <Card style={{ marginBottom: 16 }}>
          <Form form={form} layout="vertical" onFinish={look}>
            <Form.Item name="code" label="查询码" rules={[{ required: true, message: '请填写查询码' }]}>
              <Input maxLength={40} autoComplete="off" />
            </Form.Item>
            <Form.Item name="secret" label="查询密码" rules={[{ required: true, message: '请填写查询密码' }]}>
              <Input.Password maxLength={64} />
            </Form.Item>
            <Button type="primary" htmlType="submit" block>
              查询
            </Button>
          </Form>
          {error && <Alert type="error" showIcon message={error} style={{ marginTop: 12 }} />}
        </Card>
        {clue && (
          <Card title={`线索编号 ${clue.clueNo}`} data-testid="rights-followed">
            <Descriptions
              bordered
              size="small"
              column={1}
              items={[
                { key: 'status', label: '办理状态', children: <StatusTag status={clue.status} /> },
                { key: 'bureau', label: '管辖部门', children: clue.jurisdictionName },
                { key: 'received', label: '受理日期', children: clue.receivedOn },
                { key: 'clock', label: '期限', children: <ClockTag clocks={clue.clocks} /> },
                ...(clue.route
                  ? [{ key: 'route', label: '处理途径', children: RightsRoute.labels[clue.route as RightsRoute] }]
                  : []),
                ...(clue.content.decisionReason
                  ? [{ key: 'reason', label: '决定理由', children: clue.content.decisionReason }]
                  : []),
              ]}
            />
            <Typography.Title level={5} style={{ marginTop: 16 }}>
              办理进展
            </Typography.Title>
            <List
              size="small"
              dataSource={clue.content.history}
              renderItem={(e) => (
                <List.Item>
                  {e.businessDate} {e.comment}
                </List.Item>
              )}
            />
            <Typography.Title level={5} style={{ marginTop: 16 }}>
              留言
            </Typography.Title>
            <List
              size="small"
              locale={{ emptyText: '暂无留言' }}
              dataSource={clue.content.messages}
              renderItem={(m) => (
                <List.Item>
                  <Space direction="vertical" size={0}>
                    <Typography.Text type="secondary">{m.author === 'handler' ? '承办人' : '我'}</Typography.Text>
                    <span style={{ whiteSpace: 'pre-wrap' }}>{m.body}</span>
                  </Space>
                </List.Item>
              )}
            />
            <Form form={messageForm} layout="vertical" onFinish={send} style={{ marginTop: 12 }}>
              <Form.Item name="body" label="给承办人留言" rules={[{ required: true, message: '请填写留言内容' }]}>
                <Input.TextArea rows={3} maxLength={2000} />
              </Form.Item>
              <Button htmlType="submit" block>
                发送留言
              </Button>
            </Form>
          </Card>
        )}
      </div>
    </PublicLayout>
  );
}
