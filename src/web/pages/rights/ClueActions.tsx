/**
 * The clue page's dialogs beyond triage: naming the handlers (from the officers the server accepts), linking further
 * evidence certificates (the reporter picks its own, a handler types certificate numbers), closing a clue
 * transferred to the police, and writing a closed clue up as a typical case.
 */
import { Form, Input, Select } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { api } from '../../app/api';
import { ActionForm } from '../rights-cases/ActionForm';
import { TypicalCaseFields } from '../rights-cases/TypicalCaseFields';
import { useOwnCertificates } from './rights-common';

interface Candidate {
  id: string;
  name: string;
  assigned: boolean;
}

/**
 * 指定承办人: offered only when the server lists candidates to this caller (the competent bureau and those above
 * it); the choice is the competent bureau's active officers.
 */
export function AssignHandlers({ clueId, version, onDone }: { clueId: string; version: number; onDone: () => void }) {
  const [candidates, setCandidates] = useState<Candidate[] | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new `version` may have changed who is assigned
  useEffect(() => {
    api.get<Candidate[]>(`/rights/clues/${clueId}/handler-candidates`).then(setCandidates, () => setCandidates(null));
  }, [clueId, version]);
  if (!candidates) return null;
  return (
    <ActionForm
      label="指定承办人"
      title="指定承办人（管辖部门的执法人员）"
      buttonProps={{ size: 'middle' }}
      initialValues={{ handlerIds: candidates.filter((c) => c.assigned).map((c) => c.id) }}
      submit={(v) => api.post(`/rights/clues/${clueId}/handlers`, { handlerIds: v.handlerIds, version })}
      onDone={onDone}
    >
      <Form.Item name="handlerIds" label="承办人" rules={[{ required: true, message: '请至少指定一名承办人' }]}>
        <Select
          mode="multiple"
          optionFilterProp="label"
          options={candidates.map((c) => ({ value: c.id, label: c.name }))}
        />
      </Form.Item>
    </ActionForm>
  );
}

/** 补充关联存证证书: the reporting unit chooses among its sealed certificates not yet linked. */
export function LinkOwnEvidence({ clueId, linked, onDone }: { clueId: string; linked: string[]; onDone: () => void }) {
  const certificates = useOwnCertificates(true).filter((e) => !linked.includes(e.certificateNo ?? ''));
  return (
    <ActionForm
      label="补充关联存证证书"
      title="补充关联本单位存证证书（关联时核验）"
      buttonProps={{ size: 'middle' }}
      submit={(v) => api.post(`/rights/clues/${clueId}/evidence`, { evidenceIds: v.evidenceIds ?? [] })}
      onDone={onDone}
    >
      <Form.Item name="evidenceIds" label="存证证书" rules={[{ required: true, message: '请选择要关联的存证证书' }]}>
        <Select
          mode="multiple"
          optionFilterProp="label"
          options={certificates.map((e) => ({ value: e.id, label: `${e.label}（${e.certificateNo}）` }))}
        />
      </Form.Item>
    </ActionForm>
  );
}

/** A handler links certificates the firm handed over, by their numbers (SMEV-…). */
export function LinkEvidenceByNumber({ clueId, onDone }: { clueId: string; onDone: () => void }) {
  return (
    <ActionForm
      label="关联存证证书"
      title="关联权利人的存证证书（关联时核验）"
      buttonProps={{ size: 'middle' }}
      submit={(v) => api.post(`/rights/clues/${clueId}/evidence`, { certificateNos: v.certificateNos ?? [] })}
      onDone={onDone}
    >
      <Form.Item
        name="certificateNos"
        label="存证证书编号（输入后回车，可填多个）"
        rules={[{ required: true, message: '请填写存证证书编号' }]}
      >
        <Select mode="tags" open={false} tokenSeparators={[',', '，', ' ']} />
      </Form.Item>
    </ActionForm>
  );
}

/** 办结: the handler closes a clue transferred to the police once the police's receipt is recorded. */
export function CloseTransfer({ clueId, version, onDone }: { clueId: string; version: number; onDone: () => void }) {
  return (
    <ActionForm
      label="办结"
      title="移送公安的线索办结"
      buttonProps={{ size: 'middle' }}
      submit={(v) => api.post(`/rights/transfers/${clueId}/close`, { summary: v.summary, version })}
      onDone={onDone}
    >
      <Form.Item name="summary" label="办结情况" rules={[{ required: true, message: '请填写办结情况' }]}>
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
    </ActionForm>
  );
}

/** 撰写典型案例: the public text of a closed clue, then on to its page to submit it for a second officer's approval. */
export function ProposeTypicalCase({ clueId }: { clueId: string }) {
  const navigate = useNavigate();
  return (
    <ActionForm<{ id: string }>
      label="撰写典型案例"
      title="撰写典型案例（公开文本，请勿写入当事人可识别信息）"
      buttonProps={{ size: 'middle' }}
      submit={(v) => api.post<{ id: string }>('/rights/typical-cases', { ...v, clueId })}
      onDone={(created) => navigate(`/rights-cases/typical/${created.id}`)}
    >
      <TypicalCaseFields />
    </ActionForm>
  );
}
