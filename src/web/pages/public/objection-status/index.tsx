/**
 * 异议处理进度 (public): whoever holds an objection's receipt code types it here and sees where the objection
 * stands and the bureau's written answer — nothing of the objector and nothing of other objections. Built on ../ui,
 * not antd (issue 15).
 */
import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { formatReceiptCode, normalizeReceiptCode } from '../../../../core/applications/receipt-code';
import { ApiError, api } from '../../../app/api';
import { beijingTime } from '../../evidence/evidence-common';
import { PublicLayout } from '../PublicLayout';
import type { ObjectionReceipt } from '../public-types';
import { Alert, Button, Card, type DescriptionItem, Descriptions, Field, Tag } from '../ui';

const STEPS = ['received', 'handling', 'decided'] as const;
const STEP_TITLES = ['已收到', '核查处理中', '已处理'];

type Looked =
  | { state: 'idle' | 'loading' }
  | { state: 'found'; receipt: ObjectionReceipt }
  | { state: 'failed'; message: string };

function ReceiptView({ receipt }: { receipt: ObjectionReceipt }) {
  const current = STEPS.indexOf(receipt.progress);
  const finished = receipt.progress === 'decided';
  const items: DescriptionItem[] = [
    {
      key: 'notice',
      label: '公示',
      children: <Link to={`/publicity/${receipt.noticeId}`}>{receipt.noticeTitle}</Link>,
    },
    { key: 'unit', label: '异议对象', children: receipt.unitName },
    { key: 'filed', label: '提交时间', children: beijingTime(receipt.filedAt) },
    { key: 'progress', label: '处理进度', children: <Tag color="processing">{receipt.progressLabel}</Tag> },
  ];
  if (finished) {
    items.push(
      {
        key: 'upheld',
        label: '核查结论',
        children: <Tag color={receipt.upheld ? 'error' : 'success'}>{receipt.upheld ? '异议成立' : '异议不成立'}</Tag>,
      },
      {
        key: 'resolution',
        label: '书面答复',
        children: <div style={{ whiteSpace: 'pre-wrap' }}>{receipt.resolution}</div>,
      },
      { key: 'resolvedAt', label: '答复时间', children: beijingTime(receipt.resolvedAt) },
    );
  }
  return (
    <Card title={`回执码 ${formatReceiptCode(receipt.receiptCode)}`} data-testid="objection-receipt">
      <ol className="pub-steps" aria-label="处理进度">
        {STEP_TITLES.map((title, index) => {
          const done = index < current || (finished && index === current);
          return (
            <li
              key={title}
              className={done ? 'pub-step-done' : index === current ? 'pub-step-current' : undefined}
              aria-current={index === current ? 'step' : undefined}
            >
              <span className="pub-step-mark" aria-hidden="true">
                {done ? '✓' : index + 1}
              </span>
              {title}
            </li>
          );
        })}
      </ol>
      <Descriptions items={items} />
    </Card>
  );
}

export default function ObjectionStatusPage() {
  const [params, setParams] = useSearchParams();
  const code = params.get('code') ?? '';
  const [looked, setLooked] = useState<Looked>({ state: 'idle' });
  const [typed, setTyped] = useState(code);
  const [invalid, setInvalid] = useState<string | null>(null);

  useEffect(() => {
    setTyped(code);
    setInvalid(null);
    if (!code) {
      setLooked({ state: 'idle' });
      return;
    }
    let cancelled = false;
    setLooked({ state: 'loading' });
    api.get<ObjectionReceipt>(`/objection-receipts/${encodeURIComponent(code)}`).then(
      (receipt) => {
        if (!cancelled) setLooked({ state: 'found', receipt });
      },
      (error: unknown) => {
        if (!cancelled)
          setLooked({ state: 'failed', message: error instanceof ApiError ? error.message : '查询失败，请稍后重试' });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [code]);

  const submit = () => {
    if (!typed.trim()) {
      setInvalid('请输入回执码');
      return;
    }
    const normalized = normalizeReceiptCode(typed);
    if (!normalized) {
      setInvalid('回执码为10位字母和数字，如 ABCDE-FGHJK');
      return;
    }
    setInvalid(null);
    setParams({ code: formatReceiptCode(normalized) });
  };

  return (
    <PublicLayout title="异议处理进度查询">
      <div className="pub-stack">
        <h1 className="pub-title" style={{ margin: 0 }}>
          异议处理进度查询
        </h1>
        <Card>
          <form
            className="pub-row"
            style={{ alignItems: 'flex-start', gap: 12 }}
            onSubmit={(e) => {
              e.preventDefault();
              submit();
            }}
          >
            <Field label="回执码" error={invalid}>
              {(props) => (
                <input
                  {...props}
                  className="pub-input"
                  placeholder="如 ABCDE-FGHJK"
                  maxLength={20}
                  autoComplete="off"
                  value={typed}
                  onChange={(e) => setTyped(e.target.value)}
                  style={{ width: 220, fontFamily: 'monospace' }}
                />
              )}
            </Field>
            <Button primary type="submit" loading={looked.state === 'loading'} style={{ marginTop: 26 }}>
              查询
            </Button>
          </form>
          <p className="pub-secondary" style={{ margin: 0 }}>
            回执码在提交异议后显示。只显示该异议的处理进度和监管部门的书面答复，不显示异议人信息。
          </p>
        </Card>
        {looked.state === 'found' && <ReceiptView receipt={looked.receipt} />}
        {looked.state === 'failed' && <Alert type="warning" title={looked.message} role="alert" />}
      </div>
    </PublicLayout>
  );
}
