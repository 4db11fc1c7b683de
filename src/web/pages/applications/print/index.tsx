/**
 * The application laid out like the seed's paper form (申报表): the programme's fields in a bordered table, the
 * narrative, the list of attachments, then each signed opinion block the programme names — the applicant's, the district's, the acceptance
 * panel's — for printing (the browser's print dialog; a PDF export comes with a later issue).
 */
import { Button, Typography } from 'antd';
import { useParams } from 'react-router-dom';
import { narrativeField } from '../../../../core/applications/narrative';
import { formatFormValue } from '../../../../shared/form-values';
import { LoadError } from '../../../components/LoadError';
import { PageLoading } from '../../../components/PageLoading';
import { useRecord } from '../../../hooks/useRecord';
import type { ApplicationDetail } from '../application-types';

const cell: React.CSSProperties = { border: '1px solid #000', padding: '8px 10px', verticalAlign: 'top' };

export default function ApplicationPrintPage() {
  const { id } = useParams<{ id: string }>();
  const { data: application, error, reload } = useRecord<ApplicationDetail>(`/applications/${id}`);
  if (error) return <LoadError error={error} what="申报" onRetry={reload} />;
  if (!application) return <PageLoading />;
  const fields = application.form?.fields ?? [];
  const opinion = (label: string, text: string | null | undefined, key = label) => (
    <tr key={key}>
      <th style={{ ...cell, width: 140 }}>{label}</th>
      <td style={{ ...cell, height: 120 }} colSpan={3}>
        <div style={{ whiteSpace: 'pre-wrap' }}>{text || ''}</div>
        <div style={{ textAlign: 'right', marginTop: 48 }}>（盖章）&emsp;&emsp;年&emsp;&emsp;月&emsp;&emsp;日</div>
      </td>
    </tr>
  );
  return (
    <div style={{ maxWidth: 800, margin: '24px auto', fontFamily: 'serif', background: '#fff', padding: 24 }}>
      <div className="no-print" style={{ textAlign: 'right', marginBottom: 12 }}>
        <Button type="primary" onClick={() => window.print()}>
          打印
        </Button>
        <style>{'@media print { .no-print { display: none } }'}</style>
      </div>
      {application.form?.source && <div>{application.form.source}</div>}
      <Typography.Title level={3} style={{ textAlign: 'center' }}>
        {application.form?.title ?? `${application.kindName}申报表`}
      </Typography.Title>
      <table style={{ width: '100%', borderCollapse: 'collapse' }} aria-label="申报表">
        <tbody>
          {fields.map((f) => (
            <tr key={f.key}>
              <th style={{ ...cell, width: 140 }}>{f.label}</th>
              <td style={cell} colSpan={3}>
                <div style={{ whiteSpace: 'pre-wrap' }}>{formatFormValue(f, application.formData[f.key])}</div>
              </td>
            </tr>
          ))}
          {!narrativeField(application.form) && (
            <tr>
              <th style={cell}>商业秘密保护工作开展情况</th>
              <td style={{ ...cell, height: 200 }} colSpan={3}>
                <div style={{ whiteSpace: 'pre-wrap' }}>{application.narrative}</div>
              </td>
            </tr>
          )}
          {application.attachments.length > 0 && (
            <tr>
              <th style={cell}>附件</th>
              <td style={cell} colSpan={3}>
                <ol style={{ margin: 0, paddingLeft: 20 }} aria-label="附件清单">
                  {application.attachments.map((a) => (
                    <li key={a.sha256}>{a.fileName}</li>
                  ))}
                </ol>
              </td>
            </tr>
          )}
          {opinion(application.form?.applicantOpinion ?? '申报单位意见', application.applicantOpinion)}
          {application.stages.map((stage) =>
            stage.kind === 'district_review'
              ? opinion(stage.opinion ?? '区县推荐意见', application.districtOpinion, stage.id)
              : stage.kind === 'acceptance'
                ? opinion(stage.opinion ?? '验收意见', application.acceptanceOpinion, stage.id)
                : null,
          )}
        </tbody>
      </table>
    </div>
  );
}
