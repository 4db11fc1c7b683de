/**
 * /rights-cases/typical/:id — a typical case in the bureau: the author edits and submits the draft; a second officer
 * (never the author) publishes it or returns it with a reason. Published cases are on the public page.
 */
import { Alert, App, Button, Card, Descriptions, Form, Input, Space, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { TypicalCaseStatus } from '../../../shared/enums-rights-cases';
import { api, useApiErrorHandler } from '../../app/api';
import { useAuth } from '../../app/auth';
import { LoadError } from '../../components/LoadError';
import { PageContainer } from '../../components/PageContainer';
import { PageLoading } from '../../components/PageLoading';
import { useRecord } from '../../hooks/useRecord';
import { ActionForm } from './ActionForm';
import { TypicalCaseFields } from './TypicalCaseFields';
import type { TypicalCase } from './types';

export default function TypicalCasePage() {
  const { id = '' } = useParams();
  const { user } = useAuth();
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const { data, error, reload, setData } = useRecord<TypicalCase>(`/rights/typical-cases/${id}`);
  if (error) return <LoadError error={error} what="典型案例" onRetry={reload} />;
  if (!data) return <PageLoading />;
  const isAuthor = user?.id === data.authorId;
  const act = (path: string, body: unknown, done: string) =>
    api.post<TypicalCase>(`/rights/typical-cases/${id}/${path}`, body).then((r) => {
      setData(r);
      message.success(done);
    }, handleError);
  return (
    <PageContainer
      title={data.title}
      subTitle={`案件 ${data.clueNo} · ${data.jurisdictionName}`}
      extra={
        <Tag color={data.status === 'published' ? 'green' : data.status === 'pending' ? 'orange' : 'default'}>
          {TypicalCaseStatus.labels[data.status]}
        </Tag>
      }
    >
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        {data.returnReason && data.status === 'draft' && (
          <Alert type="warning" showIcon message={`退回修改：${data.returnReason}`} />
        )}
        {data.status === 'published' && (
          <Alert
            type="success"
            showIcon
            message={
              <span>
                已于 {data.publishedOn} 由{data.approverName}审核发布，公众可在{' '}
                <Link to={`/typical-cases/${data.id}`}>典型案例</Link> 栏目查看。
              </span>
            }
          />
        )}
        <Card size="small">
          <Descriptions size="small" column={1}>
            <Descriptions.Item label="撰写人">{data.authorName}</Descriptions.Item>
            <Descriptions.Item label="摘要">{data.summary}</Descriptions.Item>
            <Descriptions.Item label="商业秘密类型">{data.secretCategory ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="所属行业">{data.industry ?? '—'}</Descriptions.Item>
          </Descriptions>
          <Typography.Title level={5}>案情与处理</Typography.Title>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{data.body}</Typography.Paragraph>
          {data.significance && (
            <>
              <Typography.Title level={5}>典型意义</Typography.Title>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{data.significance}</Typography.Paragraph>
            </>
          )}
          <Space wrap>
            {isAuthor && data.status === 'draft' && (
              <ActionForm
                label="修改"
                title="修改典型案例"
                initialValues={{ ...data }}
                submit={(v) => api.patch<TypicalCase>(`/rights/typical-cases/${id}`, { ...v, version: data.version })}
                onDone={(r) => {
                  setData(r);
                  message.success('已保存');
                }}
              >
                <TypicalCaseFields />
              </ActionForm>
            )}
            {isAuthor && data.status === 'draft' && (
              <Button
                size="small"
                type="primary"
                onClick={() => act('submit', { version: data.version }, '已提交审核')}
              >
                提交审核
              </Button>
            )}
            {data.status === 'pending' && isAuthor && (
              <Typography.Text type="secondary">等待另一名人员审核发布</Typography.Text>
            )}
            {data.status === 'pending' && !isAuthor && (
              <Button size="small" type="primary" onClick={() => act('approve', { version: data.version }, '已发布')}>
                审核发布
              </Button>
            )}
            {data.status === 'pending' && !isAuthor && (
              <ActionForm
                label="退回修改"
                title="退回修改"
                submit={(v) =>
                  api.post<TypicalCase>(`/rights/typical-cases/${id}/return`, { ...v, version: data.version })
                }
                onDone={(r) => setData(r)}
              >
                <Form.Item name="reason" label="退回理由" rules={[{ required: true, message: '请填写退回理由' }]}>
                  <Input.TextArea rows={3} maxLength={1000} />
                </Form.Item>
              </ActionForm>
            )}
          </Space>
        </Card>
      </Space>
    </PageContainer>
  );
}
