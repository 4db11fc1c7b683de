/**
 * Answering a rubric and showing its evaluation: the answer sheet (scores per item or met per requirement, a note,
 * and evidence — editable where the unit's ledger is given, listed with download links where `evidenceHref` is),
 * the estimated result against the pass mark, and the gap list.
 * Used by the self-assessment, the application and the district's and experts' scoring sheets.
 */
import { Alert, Card, Col, Input, InputNumber, List, Radio, Row, Space, Statistic, Table, Tag, Typography } from 'antd';
import { type AnswerSet, NOTE_MAX_LENGTH } from '../../../core/rubric/answers';
import type { Evaluation, Gap, TryEvaluateResult } from '../../../core/rubric/evaluate';
import type { Rubric } from '../../../core/rubric/schema';
import { EvidenceCell, type LedgerOption } from './EvidenceCell';

export function GapList({ gaps }: { gaps: Gap[] }) {
  if (gaps.length === 0) return <Alert type="success" showIcon message="暂无差距" />;
  return (
    <List
      size="small"
      aria-label="差距清单"
      dataSource={gaps}
      renderItem={(g) => (
        <List.Item>
          <Typography.Text type={g.code === 'metric_unknown' || g.code === 'unanswered' ? 'secondary' : 'danger'}>
            {g.message}
          </Typography.Text>
        </List.Item>
      )}
    />
  );
}

/**
 * The estimate and the gap list of answers being edited; answers that do not fit the rubric (yet) are listed
 * instead, so the sheet stays usable while the user corrects them.
 */
export function LiveEvaluation({ result }: { result: TryEvaluateResult }) {
  if (!result.ok) {
    return (
      <Alert
        type="warning"
        showIcon
        title="以下作答需要修改后才能估算结果"
        description={
          <ul style={{ margin: 0, paddingInlineStart: 20 }}>
            {result.problems.map((p) => (
              <li key={`${p.path}:${p.message}`}>{p.message}</li>
            ))}
          </ul>
        }
      />
    );
  }
  return (
    <>
      <EvaluationSummary evaluation={result.evaluation} />
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        差距清单
      </Typography.Title>
      <GapList gaps={result.evaluation.gaps} />
    </>
  );
}

export function EvaluationSummary({ evaluation }: { evaluation: Evaluation }) {
  if (evaluation.form === 'scored') {
    return (
      <Row gutter={16}>
        <Col span={8}>
          <Statistic title="估算总分" value={evaluation.grandTotal} suffix={`/ ${evaluation.maxTotal}`} />
        </Col>
        <Col span={8}>
          <Statistic title="合格线" value={evaluation.passMark ?? '未规定'} />
        </Col>
        <Col span={8}>
          <Statistic title="加分（封顶后）" value={evaluation.bonusTotal} suffix={`/ ${evaluation.bonusMax}`} />
        </Col>
        {evaluation.passed !== null && (
          <Col span={24} style={{ marginTop: 12 }}>
            {evaluation.passed ? <Tag color="success">达到合格线</Tag> : <Tag color="error">未达到合格线</Tag>}
          </Col>
        )}
      </Row>
    );
  }
  return (
    <Space direction="vertical">
      <Statistic title="已满足条件" value={evaluation.metCount} suffix={`/ ${evaluation.total}`} />
      {evaluation.passed ? <Tag color="success">全部条件满足</Tag> : <Tag color="error">尚有条件未满足</Tag>}
    </Space>
  );
}

export function AnswerEditor({
  rubric,
  answers,
  ledger,
  evidenceHref,
  readOnly = false,
  labelPrefix = '自评',
  noteLabel = '说明',
  noteRequired = false,
  onChange = () => undefined,
}: {
  rubric: Rubric;
  answers: AnswerSet;
  /** The unit's ledger, to cite as evidence; absent (and no `evidenceHref`): no evidence column. */
  ledger?: readonly LedgerOption[];
  /** Where an evidence file is downloaded through the record (undefined: not saved with it yet). */
  evidenceHref?: (sha256: string) => string | undefined;
  /** Read-only: shows the answers without inputs. */
  readOnly?: boolean;
  /** Whose sheet, in the inputs' accessible names ("自评得分 i4.1", "审核得分 i4.1"). */
  labelPrefix?: string;
  /** The heading and accessible name of each item's note ("评分意见 i4.1" on an expert's sheet). */
  noteLabel?: string;
  /** Each item's note is required: on every base item, and on a bonus item once scored (the expert's sheet). */
  noteRequired?: boolean;
  onChange?: (a: AnswerSet) => void;
}) {
  const set = (id: string, patch: Partial<AnswerSet[string]>) =>
    onChange({ ...answers, [id]: { ...answers[id], ...patch } });
  const showEvidence = ledger !== undefined || evidenceHref !== undefined;
  const evidenceOf = (id: string) =>
    showEvidence && (
      <EvidenceCell
        nodeId={id}
        evidence={answers[id]?.evidence ?? []}
        ledger={ledger ?? []}
        fileHref={evidenceHref}
        readOnly={readOnly || ledger === undefined}
        onChange={(evidence) => set(id, { evidence: evidence.length ? evidence : undefined })}
      />
    );
  if (rubric.form === 'scored') {
    const groups = [
      ...rubric.indicators.map((i) => ({
        key: i.id,
        title: `${i.title}（${i.items.reduce((a, b) => a + b.points, 0)}分）`,
        items: i.items,
        bonus: false,
      })),
      ...rubric.bonusGroups.map((g) => ({
        key: g.id,
        title: `${g.title}（封顶 ${g.cap} 分）`,
        items: g.items,
        bonus: true,
      })),
    ];
    return (
      <Space direction="vertical" style={{ width: '100%' }}>
        {groups.map((g) => (
          <Card key={g.key} size="small" title={g.title}>
            <Table
              size="small"
              pagination={false}
              rowKey="id"
              dataSource={g.items}
              // The fixed columns take 610 px: on a phone the criterion's text was left one character per line.
              // A minimum table width keeps it readable, and the table scrolls inside its card instead.
              scroll={{ x: 800 }}
              columns={[
                { title: '评价内容', dataIndex: 'text' },
                { title: '分值', dataIndex: 'points', width: 70 },
                {
                  title: `${labelPrefix}得分`,
                  width: 120,
                  render: (_, item) => (
                    <InputNumber
                      disabled={readOnly}
                      aria-label={`${labelPrefix}得分 ${item.id}`}
                      min={0}
                      max={item.points}
                      step={0.5}
                      value={answers[item.id]?.score}
                      onChange={(v) => set(item.id, { score: v ?? undefined })}
                    />
                  ),
                },
                {
                  title: noteRequired ? (
                    <span>
                      <Typography.Text type="danger">* </Typography.Text>
                      {noteLabel}
                    </span>
                  ) : (
                    noteLabel
                  ),
                  width: 200,
                  render: (_, item) => {
                    const required = noteRequired && (!g.bonus || answers[item.id]?.score !== undefined);
                    const empty = !answers[item.id]?.note?.trim();
                    return (
                      <Input.TextArea
                        disabled={readOnly}
                        aria-label={`${noteLabel} ${item.id}`}
                        aria-required={required}
                        placeholder={noteRequired ? (g.bonus ? '给分时必填' : '必填') : undefined}
                        status={required && empty && !readOnly ? 'warning' : undefined}
                        autoSize={{ minRows: 1, maxRows: 6 }}
                        // The server's limit, so typing or pasting stops there instead of failing on save.
                        maxLength={NOTE_MAX_LENGTH}
                        showCount={!readOnly}
                        value={answers[item.id]?.note}
                        onChange={(e) => set(item.id, { note: e.target.value || undefined })}
                      />
                    );
                  },
                },
                ...(showEvidence
                  ? [
                      {
                        title: '佐证材料',
                        width: 220,
                        render: (_: unknown, item: { id: string }) => evidenceOf(item.id),
                      },
                    ]
                  : []),
              ]}
            />
          </Card>
        ))}
      </Space>
    );
  }
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {rubric.conditions.map((c) => (
        <Card key={c.id} size="small" title={c.title}>
          {c.requirements.map((r) => (
            <Row key={r.id} gutter={[12, 4]} style={{ marginBottom: 8 }} align="middle">
              <Col flex="1 1 280px">{r.text}</Col>
              <Col flex="none">
                {/* Two explicit answers: "not met" is an answer too, distinct from not yet answered. */}
                <Radio.Group
                  disabled={readOnly}
                  aria-label={`${labelPrefix}是否符合 ${r.id}`}
                  value={answers[r.id]?.met}
                  onChange={(e) => set(r.id, { met: e.target.value as boolean })}
                >
                  <Radio value={true} aria-label={`${labelPrefix}符合 ${r.id}`}>
                    符合
                  </Radio>
                  <Radio value={false} aria-label={`${labelPrefix}不符合 ${r.id}`}>
                    不符合
                  </Radio>
                </Radio.Group>
              </Col>
              {showEvidence && <Col flex="240px">{evidenceOf(r.id)}</Col>}
            </Row>
          ))}
        </Card>
      ))}
    </Space>
  );
}
