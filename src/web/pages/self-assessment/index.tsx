/**
 * 自评 (self-assessment): an applicant picks a published programme and a kind of base open to its unit, answers the
 * rubric item by item, and sees at once the estimated score against the pass mark (or the conditions met) and the
 * gap list. The estimate is computed in the browser by the same rubric engine the server uses (src/core/rubric),
 * with the metrics the server computed from the ledger; saving stores a draft. Each programme shows its window on
 * the business date; a closed one can be assessed only as practice (练习), which never becomes an application.
 */
import { Alert, App, Button, Card, Col, Empty, List, Row, Select, Space, Tag } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { WindowState } from '../../../core/applications/guidance';
import type { Programme } from '../../../core/programs/schema';
import type { AnswerSet } from '../../../core/rubric/answers';
import { tryEvaluateRubric } from '../../../core/rubric/evaluate';
import type { MetricValues } from '../../../core/rubric/metrics';
import type { Rubric } from '../../../core/rubric/schema';
import { api, useApiErrorHandler } from '../../app/api';
import { useCurrentUser } from '../../app/auth';
import { attachmentUrl } from '../../app/upload';
import { AutosaveNote } from '../../components/AutosaveNote';
import { PageContainer } from '../../components/PageContainer';
import { ProgrammeWindow, type ProgrammeWindowValue, windowText } from '../../components/ProgrammeWindowTag';
import { evidenceFiles, type LedgerOption } from '../../components/rubric/EvidenceCell';
import { AnswerEditor, LiveEvaluation } from '../../components/rubric/RubricAnswers';
import { readLocalDraft, useAutosave } from '../../hooks/useAutosave';

interface ProgrammeSummary {
  id: string;
  title: string;
  year: number;
  ownerJurisdictionName: string;
  window: ProgrammeWindowValue;
}
interface ProgrammeDetail extends ProgrammeSummary {
  definition: Programme;
}
interface AssessmentDetail {
  id: string;
  programmeTitle: string;
  baseKind: string;
  practice: boolean;
  answers: AnswerSet;
  version: number;
  rubric: Rubric;
  metrics: MetricValues;
  kind: { name: string } | undefined;
}
interface AssessmentSummary {
  id: string;
  programmeTitle: string;
  baseKind: string;
  kindName: string;
  practice: boolean;
  updatedAt: string;
}

const draftKey = (id: string) => `self-assessment:${id}`;

export default function SelfAssessmentPage() {
  const user = useCurrentUser();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const [programmes, setProgrammes] = useState<ProgrammeSummary[]>([]);
  const [mine, setMine] = useState<AssessmentSummary[]>([]);
  const [programme, setProgramme] = useState<ProgrammeDetail | null>(null);
  const [kindId, setKindId] = useState<string>();
  const [unitKind, setUnitKind] = useState<string>();
  const [current, setCurrent] = useState<AssessmentDetail | null>(null);
  const [answers, setAnswers] = useState<AnswerSet>({});
  const [saving, setSaving] = useState(false);
  const [ledger, setLedger] = useState<LedgerOption[]>([]);

  const refreshMine = useCallback(
    () => api.get<{ items: AssessmentSummary[] }>('/self-assessments').then((r) => setMine(r.items)),
    [],
  );
  /**
   * Shows a self-assessment. Answers typed but not yet saved to the server (the tab closed or the page failed before
   * the autosave) are kept in the browser and restored here.
   */
  const open = useCallback(
    (detail: AssessmentDetail) => {
      setCurrent(detail);
      const local = readLocalDraft<AnswerSet>(draftKey(detail.id));
      setAnswers(local ?? detail.answers ?? {});
      if (local) message.info('已恢复上次未保存的自评内容');
    },
    [message],
  );
  const choose = useCallback(
    (id: string) => {
      setKindId(undefined);
      api.get<ProgrammeDetail>(`/programs/${id}`).then(setProgramme, handleError);
    },
    [handleError],
  );
  // From the home page: ?programme=<id> preselects a programme, ?open=<id> opens a self-assessment.
  const preselect = params.get('programme');
  const preopen = params.get('open');
  useEffect(() => {
    if (preselect) choose(preselect);
  }, [preselect, choose]);
  useEffect(() => {
    if (preopen) api.get<AssessmentDetail>(`/self-assessments/${preopen}`).then(open, handleError);
  }, [preopen, open, handleError]);
  useEffect(() => {
    // The programmes open to the unit, each with its window on the business date (the home page's summary).
    api
      .get<{ programmes: ProgrammeSummary[] }>('/guidance/applicant')
      .then((r) => setProgrammes(r.programmes), handleError);
    if (user.unitId) {
      api.get<{ kind: string }>(`/units/${user.unitId}`).then((u) => setUnitKind(u.kind), handleError);
      api
        .get<{ items: LedgerOption[] }>('/ledger', { unitId: user.unitId, pageSize: 200 })
        .then((r) => setLedger(r.items), handleError);
    }
    refreshMine().catch(handleError);
  }, [handleError, refreshMine, user.unitId]);

  /** Files saved with the draft can be downloaded through it; a file uploaded since becomes a link once saved. */
  const savedFiles = useMemo(() => new Set(current ? evidenceFiles(current.answers) : []), [current]);
  const evaluation = useMemo(
    () => (current ? tryEvaluateRubric(current.rubric, answers, current.metrics) : null),
    [current, answers],
  );
  const kinds = (programme?.definition.kinds ?? []).filter(
    (k) => !unitKind || (k.applicantUnitKinds as string[]).includes(unitKind),
  );

  /** Saves `sent`; answers typed while the request ran stay on the page (and are saved next). */
  const persist = async (sent: AnswerSet) => {
    if (!current) return;
    const saved = await api.patch<AssessmentDetail>(`/self-assessments/${current.id}`, {
      answers: sent,
      version: current.version,
    });
    setCurrent(saved);
    setAnswers((shown) => (shown === sent ? saved.answers : shown));
  };
  const autosave = useAutosave({
    storageKey: current ? draftKey(current.id) : null,
    value: answers,
    dirty: current !== null && answers !== current.answers,
    save: persist,
  });
  const chosen = programmes.find((p) => p.id === programme?.id);
  const practiceOnly = chosen?.window.state === 'closed' || chosen?.window.state === 'none';

  const start = async () => {
    if (!programme || !kindId) return;
    try {
      open(await api.post<AssessmentDetail>('/self-assessments', { programmeId: programme.id, kindId }));
      await refreshMine();
    } catch (error) {
      handleError(error);
    }
  };
  const save = async () => {
    if (!current) return;
    setSaving(true);
    const refusal = await autosave.flush();
    setSaving(false);
    if (refusal) message.error(refusal);
    else message.success('自评草稿已保存');
  };
  /** Saves the answers, then starts an application from them (the server checks window, ban and duplicates). */
  const apply = async () => {
    if (!current) return;
    setSaving(true);
    try {
      const refusal = await autosave.flush();
      if (refusal) {
        message.error(refusal);
        return;
      }
      const application = await api.post<{ id: string }>('/applications', { selfAssessmentId: current.id });
      message.success('已转为申报草稿，请填写申报表');
      navigate(`/applications/${application.id}`);
    } catch (error) {
      handleError(error);
    } finally {
      setSaving(false);
    }
  };

  return (
    <PageContainer title="自评" subTitle="对照工作方案的评价标准逐项自评，实时查看估算结果与差距">
      <Card title="开始新的自评" style={{ marginBottom: 16 }}>
        <Space wrap>
          <Select
            aria-label="选择工作方案"
            placeholder="选择工作方案"
            showSearch
            optionFilterProp="label"
            // Never wider than a phone's card (390 px window): a fixed 420 px widened the whole page.
            style={{ width: 'min(420px, calc(100vw - 80px))' }}
            value={programme?.id}
            options={programmes.map((p) => ({
              value: p.id,
              label: `${p.title}（${p.ownerJurisdictionName}）· ${WindowState.labels[p.window.state]} · ${windowText(p.window)}`,
            }))}
            onChange={choose}
          />
          <Select
            aria-label="选择基地类型"
            placeholder="选择基地类型"
            style={{ width: 240 }}
            value={kindId}
            disabled={!programme}
            options={kinds.map((k) => ({ value: k.id, label: k.fullName ?? k.name }))}
            onChange={setKindId}
            notFoundContent="本单位类型无可申报的基地类型"
          />
          <Button type="primary" disabled={!programme || !kindId} onClick={start}>
            {practiceOnly ? '开始练习自评' : '开始自评'}
          </Button>
        </Space>
        {chosen && (
          <div style={{ marginTop: 12 }} data-testid="programme-window">
            <ProgrammeWindow window={chosen.window} />
          </div>
        )}
        {practiceOnly && (
          <Alert
            type="warning"
            showIcon
            style={{ marginTop: 12 }}
            title="该方案不在申报期内，只能练习自评：可以对照评价标准逐项自评、查看估算结果，但练习自评不能转为申报。"
            data-testid="practice-notice"
          />
        )}
        {mine.length > 0 && (
          <List
            style={{ marginTop: 16 }}
            header="我的自评草稿"
            size="small"
            dataSource={mine}
            renderItem={(a) => (
              <List.Item
                actions={[
                  <Button
                    key="open"
                    type="link"
                    onClick={() => api.get<AssessmentDetail>(`/self-assessments/${a.id}`).then(open, handleError)}
                  >
                    打开
                  </Button>,
                ]}
              >
                <Space>
                  {a.practice && <Tag color="orange">练习</Tag>}
                  {/* One string: as three children of Space, title, dot and kind became three columns on a phone. */}
                  <span>{`${a.programmeTitle} · ${a.kindName}`}</span>
                </Space>
              </List.Item>
            )}
          />
        )}
      </Card>
      {current?.practice && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title="练习自评：结果仅供对照练习，不能转为申报"
          data-testid="practice-banner"
        />
      )}
      {current && evaluation ? (
        <Row gutter={16}>
          <Col xs={24} lg={15}>
            <AnswerEditor
              rubric={current.rubric}
              answers={answers}
              ledger={ledger}
              evidenceHref={(sha256) =>
                savedFiles.has(sha256) ? attachmentUrl(`/self-assessments/${current.id}`, sha256) : undefined
              }
              onChange={setAnswers}
            />
          </Col>
          <Col xs={24} lg={9}>
            <Card
              title={
                <Space>
                  {current.practice && <Tag color="orange">练习</Tag>}
                  {`${current.programmeTitle} · ${current.kind?.name ?? current.baseKind}`}
                </Space>
              }
              style={{ position: 'sticky', top: 16 }}
            >
              <LiveEvaluation result={evaluation} />
              <Button type="primary" block style={{ marginTop: 16 }} loading={saving} onClick={save}>
                保存草稿
              </Button>
              {!current.practice && (
                <Button block style={{ marginTop: 8 }} loading={saving} onClick={apply}>
                  转为申报
                </Button>
              )}
              <AutosaveNote status={autosave.status} />
            </Card>
          </Col>
        </Row>
      ) : (
        <Empty description="选择工作方案与基地类型后开始自评，或打开已有的自评草稿" />
      )}
    </PageContainer>
  );
}
