/** /typical-cases/:id — one published typical case, as the officers wrote it for the public. Built on ../ui (issue 15). */
import { Link, useParams } from 'react-router-dom';
import { useRecord } from '../../../hooks/useRecord';
import { PublicLayout } from '../PublicLayout';
import { PublicNotFound } from '../PublicNotFound';
import { type DescriptionItem, Descriptions, Loading } from '../ui';
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
  if (!data) return <Loading />;
  const facts: DescriptionItem[] = [
    { key: 'jurisdiction', label: '发布单位', children: data.jurisdictionName },
    { key: 'publishedOn', label: '发布日期', children: data.publishedOn },
  ];
  if (data.secretCategory) facts.push({ key: 'category', label: '商业秘密类型', children: data.secretCategory });
  if (data.industry) facts.push({ key: 'industry', label: '所属行业', children: data.industry });
  return (
    <PublicLayout title={data.title}>
      <Link to="/typical-cases">← 典型案例</Link>
      <div className="pub-card" style={{ marginTop: 12, padding: 24 }}>
        <h1 className="pub-title" style={{ marginBottom: 12 }}>
          {data.title}
        </h1>
        <Descriptions columns={2} items={facts} />
        <p style={{ fontWeight: 600, margin: '16px 0' }}>{data.summary}</p>
        <h2 className="pub-subtitle">案情与处理</h2>
        <p style={{ whiteSpace: 'pre-wrap' }}>{data.body}</p>
        {data.significance && (
          <>
            <h2 className="pub-subtitle">典型意义</h2>
            <p style={{ whiteSpace: 'pre-wrap' }}>{data.significance}</p>
          </>
        )}
      </div>
    </PublicLayout>
  );
}
