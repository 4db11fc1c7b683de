/** /typical-cases/:id — one published typical case, as the officers wrote it for the public. */
import { Card, Descriptions, Typography } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { PageLoading } from '../../../components/PageLoading';
import { useRecord } from '../../../hooks/useRecord';
import { PublicLayout } from '../PublicLayout';
import { PublicNotFound } from '../PublicNotFound';
import type { PublicTypicalCase } from '.';

interface PublicTypicalCaseDetail extends PublicTypicalCase {
  body: string;
  significance: string | null;
}

export default function TypicalCaseDetailPage() {
  const { id = '' } = useParams();
  const valid = /^[0-9a-f-]{36}$/.test(id);
  const { data, error } = useRecord<PublicTypicalCaseDetail>(valid ? `/typical-cases/${id}` : null);
  if (!valid || error)
    return (
      <PublicLayout title="典型案例">
        <PublicNotFound title="未找到该典型案例" backTo="/typical-cases" backLabel="返回典型案例" />
      </PublicLayout>
    );
  if (!data) return <PageLoading />;
  return (
    <PublicLayout title={data.title}>
      <Link to="/typical-cases">← 典型案例</Link>
      <Card style={{ marginTop: 12 }}>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {data.title}
        </Typography.Title>
        <Descriptions size="small" column={{ xs: 1, sm: 2 }}>
          <Descriptions.Item label="发布单位">{data.jurisdictionName}</Descriptions.Item>
          <Descriptions.Item label="发布日期">{data.publishedOn}</Descriptions.Item>
          {data.secretCategory && <Descriptions.Item label="商业秘密类型">{data.secretCategory}</Descriptions.Item>}
          {data.industry && <Descriptions.Item label="所属行业">{data.industry}</Descriptions.Item>}
        </Descriptions>
        <Typography.Paragraph strong>{data.summary}</Typography.Paragraph>
        <Typography.Title level={4}>案情与处理</Typography.Title>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{data.body}</Typography.Paragraph>
        {data.significance && (
          <>
            <Typography.Title level={4}>典型意义</Typography.Title>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{data.significance}</Typography.Paragraph>
          </>
        )}
      </Card>
    </PublicLayout>
  );
}
