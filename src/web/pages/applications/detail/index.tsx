/**
 * One application, for everyone who may see it: the applicant fills in and submits it, the district scores and
 * recommends it, the owning bureau runs acceptance and decides, an expert scores it. What each sees and may do comes
 * from the server (`roles`, `allowedActions`); this page only lays it out.
 */
import { PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Descriptions, Row, Space, Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { ApplicationAction, ApplicationStatus, statusesOnlyThrough } from '../../../../core/applications/workflow';
import { api, useApiErrorHandler } from '../../../app/api';
import { documentUrls } from '../../../app/documents';
import type { FieldMessage } from '../../../app/types';
import { attachmentUrl } from '../../../app/upload';
import { LoadError } from '../../../components/LoadError';
import { PageContainer } from '../../../components/PageContainer';
import { PageLoading } from '../../../components/PageLoading';
import { PdfButton } from '../../../components/PdfButton';
import { evidenceFiles } from '../../../components/rubric/EvidenceCell';
import { AnswerEditor, EvaluationSummary, GapList } from '../../../components/rubric/RubricAnswers';
import { useRecord } from '../../../hooks/useRecord';
import type { ApplicationDetail } from '../application-types';
import { AcceptanceCard } from '../components/AcceptanceCard';
import { ActionBar } from '../components/ActionBar';
import { ApplicationFormCard } from '../components/ApplicationFormCard';
import { ApplicationStatusTag } from '../components/ApplicationStatusTag';
import { BaseCard } from '../components/BaseCard';
import { DistrictReviewCard, RankingCard } from '../components/DistrictReviewCard';

/** Statuses of an application that has been under acceptance: its panel is shown. */
const ACCEPTANCE_STATUSES = new Set(statusesOnlyThrough('under_acceptance'));

function historyLabel(action: string): string {
  return action === 'create' ? '新建申报' : (ApplicationAction.labels[action as ApplicationAction] ?? action);
}

export default function ApplicationDetailPage() {
  const { id } = useParams<{ id: string }>();
  const handleError = useApiErrorHandler();
  const { data: application, error, reload: load, setData: show } = useRecord<ApplicationDetail>(`/applications/${id}`);
  const [answers, setAnswers] = useState<ApplicationDetail['answers']>({});
  const [rubricOpen, setRubricOpen] = useState(false);
  // A new object per refusal, so the same fields refused twice are marked again; it concerns the version refused.
  const [refusal, setRefusal] = useState<{ fields: FieldMessage[]; version: number } | null>(null);
  // A copy of the application whose answers differ from the last one received (load, save, action) resets the
  // answers being edited to what it holds; a save of something else (the form's autosave) leaves them alone.
  const serverAnswers = application ? JSON.stringify(application.answers) : null;
  // biome-ignore lint/correctness/useExhaustiveDependencies: the answers' content, not the object, decides
  useEffect(() => {
    if (application) setAnswers(application.answers);
  }, [serverAnswers]);

  if (error) return <LoadError error={error} what="申报" onRetry={load} />;
  if (!application) return <PageLoading />;
  // The self-assessment's evidence travels with the application; its saved files download through it.
  const savedEvidence = new Set(evidenceFiles(application.answers));
  const isApplicant = application.roles.includes('applicant');
  const editable = isApplicant && (application.status === 'draft' || application.status === 'returned');
  const districtEditable =
    application.status === 'submitted' &&
    (application.roles.includes('district_officer') || application.roles.includes('admin'));
  const hasDistrictReview = application.stages.some((s) => s.kind === 'district_review');
  const hasAcceptance = application.stages.some((s) => s.kind === 'acceptance');

  const saveAnswers = async () => {
    try {
      show(
        await api.patch<ApplicationDetail>(`/applications/${application.id}`, {
          version: application.version,
          answers,
        }),
      );
    } catch (error) {
      handleError(error);
    }
  };

  return (
    <PageContainer
      title={`${application.unitName} · ${application.kindName}`}
      subTitle={<ApplicationStatusTag status={application.status} />}
      extra={
        <>
          <Link to={`/applications/${application.id}/print`} target="_blank">
            <Button icon={<PrinterOutlined />}>打印申报表</Button>
          </Link>
          <PdfButton path={documentUrls.applicationForm(application.id)}>下载申报表（PDF）</PdfButton>
          <ActionBar
            application={application}
            onDone={show}
            onRefused={(fields) => setRefusal({ fields, version: application.version })}
          />
        </>
      }
    >
      <Card size="small">
        <Descriptions size="small" column={{ xs: 1, sm: 2, xl: 3 }}>
          <Descriptions.Item label="工作方案">
            <Link to={`/programs/${application.programmeId}`}>{application.programmeTitle}</Link>
          </Descriptions.Item>
          <Descriptions.Item label="所属辖区">{application.jurisdictionName}</Descriptions.Item>
          <Descriptions.Item label="提交时间">
            {application.submittedAt ? dayjs(application.submittedAt).format('YYYY-MM-DD HH:mm') : '未提交'}
          </Descriptions.Item>
          <Descriptions.Item label="当前状态">{ApplicationStatus.labels[application.status]}</Descriptions.Item>
          <Descriptions.Item label="流程">{application.stages.map((s) => s.name).join(' → ')}</Descriptions.Item>
        </Descriptions>
      </Card>
      {application.status === 'returned' && application.returnReason && (
        <Alert type="warning" showIcon message="申报已退回补充材料" description={application.returnReason} />
      )}
      <Row gutter={16}>
        <Col xs={24} xl={16}>
          <Space direction="vertical" style={{ width: '100%' }} size="middle">
            {/* Keyed by status, not version: a save (the autosave too) must not remount the form being typed in. */}
            <ApplicationFormCard
              key={application.status}
              application={application}
              editable={editable}
              onSaved={show}
              refusal={refusal}
            />
            {/* Under acceptance, the panel's work comes first: before the long rubric sheets. */}
            {hasAcceptance && ACCEPTANCE_STATUSES.has(application.status) && (
              <div data-testid="acceptance-section">
                <AcceptanceCard
                  applicationId={application.id}
                  applicantUnitId={isApplicant ? application.unitId : undefined}
                  onChanged={load}
                />
              </div>
            )}
            <Card
              title="自评（评价标准逐项）"
              data-testid="self-assessment-card"
              extra={
                editable ? (
                  <Button type="primary" onClick={saveAnswers}>
                    保存自评
                  </Button>
                ) : (
                  <Button type="link" aria-expanded={rubricOpen} onClick={() => setRubricOpen((open) => !open)}>
                    {rubricOpen ? '收起逐项自评' : '展开逐项自评'}
                  </Button>
                )
              }
            >
              {/* Read-only, the item-by-item sheet is thousands of pixels long: folded, with the result beside it. */}
              {editable || rubricOpen ? (
                <AnswerEditor
                  rubric={application.rubric}
                  answers={answers}
                  readOnly={!editable}
                  evidenceHref={(sha256) =>
                    savedEvidence.has(sha256) ? attachmentUrl(`/applications/${application.id}`, sha256) : undefined
                  }
                  onChange={setAnswers}
                />
              ) : (
                <Typography.Text type="secondary">逐项自评已收起，自评结果与差距清单见“自评结果”。</Typography.Text>
              )}
            </Card>
            {hasDistrictReview && (
              <DistrictReviewCard
                key={`district-${application.status}`}
                application={application}
                editable={districtEditable}
                onSaved={show}
              />
            )}
            <BaseCard application={application} />
            <RankingCard application={application} />
          </Space>
        </Col>
        <Col xs={24} xl={8}>
          <Space direction="vertical" style={{ width: '100%' }} size="middle">
            <Card title="自评结果">
              <EvaluationSummary evaluation={application.evaluation} />
              <Typography.Title level={5} style={{ marginTop: 16 }}>
                差距清单
              </Typography.Title>
              <GapList gaps={application.evaluation.gaps} />
            </Card>
            <Card title="流转记录">
              <Timeline
                items={application.history.map((h) => ({
                  key: h.at + h.action,
                  children: (
                    <div>
                      <Typography.Text strong>{historyLabel(h.action)}</Typography.Text>{' '}
                      {/* The business date the action counts on; the recorded time stays in the tooltip. */}
                      <Typography.Text type="secondary" title={`记录时间 ${dayjs(h.at).format('YYYY-MM-DD HH:mm')}`}>
                        {h.businessDate ?? dayjs(h.at).format('YYYY-MM-DD HH:mm')}
                      </Typography.Text>
                      <div>
                        {h.actorName} → {ApplicationStatus.labels[h.toStatus]}
                      </div>
                      {h.comment && <div>意见：{h.comment}</div>}
                    </div>
                  ),
                }))}
              />
            </Card>
          </Space>
        </Col>
      </Row>
    </PageContainer>
  );
}
