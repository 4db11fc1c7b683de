/**
 * The district's review: its own answer sheet against the kind's rubric (scores or conditions, with the metrics
 * the platform computed), the resulting total, the recommendation opinion, and — where the programme sets a quota
 * (004: the best 3 points and 1 zone) — the district's ranking of candidates.
 */
import { App, Button, Card, Input, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import type { AnswerSet } from '../../../../core/rubric/answers';
import { tryEvaluateRubric } from '../../../../core/rubric/evaluate';
import { api } from '../../../app/api';
import { AutosaveNote } from '../../../components/AutosaveNote';
import { AnswerEditor, LiveEvaluation } from '../../../components/rubric/RubricAnswers';
import { useDraft } from '../../../hooks/useAutosave';
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
  // What the reviewer types is kept (locally at once, on the server after a pause) until the review is decided.
  const draft = useDraft<{ answers: AnswerSet; opinion: string }>({
    storageKey: `district-review.${application.id}`,
    editable,
    initial: { answers: application.districtAnswers ?? {}, opinion: application.districtOpinion ?? '' },
    save: async (value) => {
      onSaved(
        await api.put<ApplicationDetail>(`/applications/${application.id}/district-review`, {
          version: application.version,
          answers: value.answers,
          ...(value.opinion.trim() ? { opinion: value.opinion.trim() } : {}),
        }),
      );
    },
  });
  const { answers, opinion } = draft.value;
  const setAnswers = (next: AnswerSet) => draft.setValue({ ...draft.value, answers: next });
  const setOpinion = (next: string) => draft.setValue({ ...draft.value, opinion: next });
  useEffect(() => {
    if (draft.restored) message.info('已恢复上次未保存的审核评分');
  }, [draft.restored, message]);
  const [saving, setSaving] = useState(false);
  const [sheetOpen, setSheetOpen] = useState(false);
  const evaluation = useMemo(
    () => tryEvaluateRubric(application.rubric, answers, application.metrics),
    [application.rubric, application.metrics, answers],
  );
  if (!editable && !application.districtAnswers && !application.districtOpinion) return null;

  const save = async () => {
    // Through the autosave's queue: never the same version twice. A refusal is said as the server says it.
    setSaving(true);
    const refusal = await draft.flush();
    setSaving(false);
    if (refusal) message.error(refusal);
    else message.success('审核评分已保存');
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
        {editable && <AutosaveNote status={draft.status} />}
      </Space>
    </Card>
  );
}
