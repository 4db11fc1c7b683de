/**
 * The district's review: its own answer sheet against the kind's rubric (scores or conditions, with the metrics
 * the platform computed), the resulting total, the recommendation opinion, and — where the programme sets a quota
 * (004: the best 3 points and 1 zone) — the district's ranking of candidates.
 */
import { App, Button, Card, Input, Space, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import type { AnswerSet } from '../../../../core/rubric/answers';
import { tryEvaluateRubric } from '../../../../core/rubric/evaluate';
import { api, useApiErrorHandler } from '../../../app/api';
import { AnswerEditor, LiveEvaluation } from '../../../components/rubric/RubricAnswers';
import type { ApplicationDetail } from '../application-types';
import { ApplicationStatusTag } from './ApplicationStatusTag';

export function RankingCard({ application }: { application: ApplicationDetail }) {
  const ranking = application.ranking;
  if (!ranking || ranking.candidates.length === 0) return null;
  return (
    <Card
      title="本辖区同类申报评分排名"
      extra={ranking.quota !== null && `推荐名额 ${ranking.quota} 个，已推荐 ${ranking.recommended} 个`}
    >
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={ranking.candidates}
        rowClassName={(r) => (r.id === application.id ? 'ant-table-row-selected' : '')}
        columns={[
          { title: '排名', dataIndex: 'rank', width: 70 },
          { title: '申报单位', dataIndex: 'unitName' },
          { title: '评分', dataIndex: 'score', width: 90 },
          { title: '状态', dataIndex: 'status', width: 120, render: (s) => <ApplicationStatusTag status={s} /> },
          {
            title: '名额内',
            dataIndex: 'withinQuota',
            width: 90,
            render: (w: boolean) => (w ? <Tag color="success">是</Tag> : <Tag>否</Tag>),
          },
        ]}
      />
    </Card>
  );
}

export function DistrictReviewCard({
  application,
  editable,
  onSaved,
}: {
  application: ApplicationDetail;
  editable: boolean;
  onSaved: (next: ApplicationDetail) => void;
}) {
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const [answers, setAnswers] = useState<AnswerSet>(application.districtAnswers ?? {});
  const [opinion, setOpinion] = useState(application.districtOpinion ?? '');
  const [saving, setSaving] = useState(false);
  const [sheetOpen, setSheetOpen] = useState(false);
  const evaluation = useMemo(
    () => tryEvaluateRubric(application.rubric, answers, application.metrics),
    [application.rubric, application.metrics, answers],
  );
  if (!editable && !application.districtAnswers && !application.districtOpinion) return null;

  const save = async () => {
    setSaving(true);
    try {
      const next = await api.put<ApplicationDetail>(`/applications/${application.id}/district-review`, {
        version: application.version,
        answers,
        ...(opinion.trim() ? { opinion: opinion.trim() } : {}),
      });
      message.success('审核评分已保存');
      onSaved(next);
    } catch (error) {
      handleError(error);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card title="区县审核评分">
      <Space direction="vertical" style={{ width: '100%' }}>
        <LiveEvaluation result={evaluation} />
        {editable || sheetOpen ? (
          <AnswerEditor
            rubric={application.rubric}
            answers={answers}
            readOnly={!editable}
            onChange={setAnswers}
            labelPrefix="审核"
          />
        ) : (
          // Read-only, the district's item-by-item sheet is folded: its total and gaps are shown above.
          <Button type="link" style={{ padding: 0 }} aria-expanded={false} onClick={() => setSheetOpen(true)}>
            展开逐项审核评分
          </Button>
        )}
        <Typography.Title level={5}>推荐意见</Typography.Title>
        <Input.TextArea
          aria-label="推荐意见"
          value={opinion}
          disabled={!editable}
          onChange={(e) => setOpinion(e.target.value)}
          autoSize={{ minRows: 3 }}
          maxLength={5000}
        />
        {editable && (
          <Button type="primary" loading={saving} onClick={save}>
            保存审核评分
          </Button>
        )}
      </Space>
    </Card>
  );
}
