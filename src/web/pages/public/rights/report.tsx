/**
 * 商业秘密侵权举报 (public): anyone reports a trade-secret infringement without an account, chooses the bureau,
 * sets a follow password and gets a receipt code; both follow the report at /rights/follow. Works at 390 px.
 * Built on the light components (../ui), not antd (issue 15): the intake fields' words, choices, required-field
 * messages and the request body are the workbench's (rights/rights-data.ts).
 */
import { type FormEvent, type ReactNode, useEffect, useMemo, useRef, useState } from 'react';
import { Link } from 'react-router-dom';
import { formatReceiptCode } from '../../../../core/applications/receipt-code';
import { RIGHTS_SECRET_CATEGORY_LABELS } from '../../../../shared/rights-labels';
import { api } from '../../../app/api';
import { uploadAttachment } from '../../../app/upload';
import {
  CLUE_CHOICES,
  CLUE_DEFAULTS,
  contentOf,
  CLUE_FIELDS as F,
  refusalOf,
  SECRET_CATEGORIES,
  secretKindOptions,
  type UploadedRef,
} from '../../rights/rights-data';
import { PublicLayout } from '../PublicLayout';
import { Alert, Button, Card, CheckboxGroup, CopyButton, Field, RadioGroup, Result } from '../ui';

interface Jurisdiction {
  code: string;
  name: string;
  level: string;
}

/** A random key for this one report: its uploads are held under it, so only this report can cite them. */
function newUploadKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(24));
  return btoa(String.fromCharCode(...bytes))
    .replaceAll('+', '-')
    .replaceAll('/', '_');
}

interface Infringer {
  key: number;
  kind: string;
  name: string;
  creditCode: string;
  relation: string;
}

interface Values {
  jurisdictionCode: string;
  holder: { name: string; creditCode: string };
  infringers: Infringer[];
  secretKinds: string[];
  secretDescription: string;
  leakChannels: string[];
  leakDescription: string;
  protectionMeasures: string[];
  facts: string;
  estimatedLossYuan: number | undefined;
  illicitGainYuan: number | undefined;
  urgency: string;
  requestedRoute: string;
  contact: string;
  secret: string;
}

interface FileItem {
  key: number;
  name: string;
  state: 'uploading' | 'done' | 'error';
  stored?: UploadedRef;
}

const SECRET_MIN = 8;

/** Errors by field path, as the server names them ("holder.name", "infringers.0.name"). */
type Errors = Record<string, string>;

function required(values: Values): Errors {
  const errors: Errors = {};
  if (!values.jurisdictionCode) errors.jurisdictionCode = '请选择向哪个市场监管部门举报';
  if (!values.holder.name.trim()) errors['holder.name'] = F.holderName.required;
  values.infringers.forEach((p, i) => {
    if (!p.name.trim()) errors[`infringers.${i}.name`] = F.infringerName.required;
  });
  if (!values.secretDescription.trim()) errors.secretDescription = F.secretDescription.required;
  if (!values.facts.trim()) errors.facts = F.facts.required;
  if (values.secret.length < SECRET_MIN) errors.secret = '查询密码至少8位';
  return errors;
}

/** A whole number of yuan, not below 0 (antd's InputNumber with min 0 and precision 0); empty: none. */
const yuan = (text: string) => (text === '' ? undefined : Math.max(0, Math.round(Number(text))));

/** A labelled text input or text area whose error is the field path's. */
function TextField({
  label,
  error,
  multiline,
  rows,
  value,
  onChange,
  ...rest
}: {
  label: ReactNode;
  error?: string;
  multiline?: boolean;
  rows?: number;
  value: string;
  onChange: (value: string) => void;
  maxLength?: number;
  type?: string;
  autoComplete?: string;
}) {
  return (
    <Field label={label} error={error}>
      {(props) =>
        multiline ? (
          <textarea
            {...props}
            {...rest}
            rows={rows}
            className="pub-input"
            value={value}
            onChange={(e) => onChange(e.target.value)}
          />
        ) : (
          <input {...props} {...rest} className="pub-input" value={value} onChange={(e) => onChange(e.target.value)} />
        )
      }
    </Field>
  );
}

export default function PublicRightsReport() {
  const uploadKey = useMemo(newUploadKey, []);
  const nextKey = useRef(1);
  const [jurisdictions, setJurisdictions] = useState<Jurisdiction[]>([]);
  const [values, setValues] = useState<Values>({
    jurisdictionCode: '',
    holder: { name: '', creditCode: '' },
    infringers: [{ key: 0, kind: CLUE_DEFAULTS.infringerKind, name: '', creditCode: '', relation: '' }],
    secretKinds: [],
    secretDescription: '',
    leakChannels: [],
    leakDescription: '',
    protectionMeasures: [],
    facts: '',
    estimatedLossYuan: undefined,
    illicitGainYuan: undefined,
    urgency: CLUE_DEFAULTS.urgency,
    requestedRoute: CLUE_DEFAULTS.requestedRoute,
    contact: '',
    secret: '',
  });
  const [errors, setErrors] = useState<Errors>({});
  const [files, setFiles] = useState<FileItem[]>([]);
  const [uploadError, setUploadError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const [done, setDone] = useState<{ receiptCode: string; clueNo: string; decisionDeadline: string } | null>(null);
  const formRef = useRef<HTMLFormElement>(null);

  useEffect(() => {
    void api
      .get<{ items: Jurisdiction[] }>('/jurisdictions')
      .then((r) => setJurisdictions(r.items.filter((j) => j.level !== 'national' && j.level !== 'provincial')));
  }, []);

  const set = (patch: Partial<Values>) => setValues((current) => ({ ...current, ...patch }));
  const setInfringer = (index: number, patch: Partial<Infringer>) =>
    set({ infringers: values.infringers.map((p, i) => (i === index ? { ...p, ...patch } : p)) });

  const upload = (picked: FileList | null) => {
    for (const file of Array.from(picked ?? [])) {
      const key = nextKey.current++;
      setFiles((current) => [...current, { key, name: file.name, state: 'uploading' }]);
      uploadAttachment(file, { path: `/rights/public/attachments?uploadKey=${uploadKey}` })
        .then((stored) => {
          setFiles((current) =>
            current.map((f) =>
              f.key === key ? { ...f, state: 'done', stored: { sha256: stored.sha256, fileName: stored.fileName } } : f,
            ),
          );
          setUploadError(null);
        })
        .catch((failure: unknown) => {
          setFiles((current) => current.map((f) => (f.key === key ? { ...f, state: 'error' } : f)));
          setUploadError(failure instanceof Error ? failure.message : F.attachments.failed);
        });
    }
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const missing = required(values);
    setErrors(missing);
    if (Object.keys(missing).length > 0) {
      // The first field to fix gets the focus, as a keyboard or screen-reader user needs.
      requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    setSending(true);
    setError(null);
    try {
      const attachments = files.flatMap((f) => (f.stored ? [f.stored] : []));
      const { jurisdictionCode, secret, infringers, ...rest } = values;
      const created = await api.post<{ receiptCode: string; clueNo: string; decisionDeadline: string }>(
        '/rights/public/reports',
        { jurisdictionCode, secret, uploadKey, ...contentOf({ ...rest, infringers }, attachments) },
      );
      setDone(created);
    } catch (failure) {
      const refusal = refusalOf(failure);
      setErrors(Object.fromEntries(refusal.fields.map((f) => [f.path, f.message])));
      setError(refusal.message);
    } finally {
      setSending(false);
    }
  };

  return (
    <PublicLayout title="商业秘密侵权举报">
      <div className="pub-stack pub-narrow">
        <h1 className="pub-title">商业秘密侵权举报</h1>
        {done ? (
          <Card>
            <Result
              status="success"
              title="举报已收到"
              subTitle={`查询码 ${formatReceiptCode(done.receiptCode)}，执法部门应于 ${done.decisionDeadline} 前作出是否立案的决定。`}
              extra={
                <>
                  <p data-testid="rights-receipt">
                    请记下查询码 <strong>{done.receiptCode}</strong>
                    <CopyButton text={done.receiptCode} label="复制查询码" />
                    和您设置的查询密码，凭两者查询进展、与承办人留言。
                  </p>
                  <Link to="/rights/follow">查询举报进展</Link>
                </>
              }
            />
          </Card>
        ) : (
          <Card>
            <div style={{ marginBottom: 16 }}>
              <Alert type="info" title="举报内容仅管辖部门承办人及其上级部门可见；无需登录，可匿名举报。" />
            </div>
            <form ref={formRef} onSubmit={submit} noValidate>
              <Field label="向哪个市场监管部门举报" error={errors.jurisdictionCode}>
                {(props) => (
                  <select
                    {...props}
                    aria-label="管辖部门"
                    className="pub-select"
                    value={values.jurisdictionCode}
                    onChange={(e) => set({ jurisdictionCode: e.target.value })}
                  >
                    <option value="">请选择</option>
                    {jurisdictions.map((j) => (
                      <option key={j.code} value={j.code}>
                        {j.name}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <TextField
                label={F.holderName.label}
                error={errors['holder.name']}
                maxLength={F.holderName.maxLength}
                value={values.holder.name}
                onChange={(name) => set({ holder: { ...values.holder, name } })}
              />
              <TextField
                label={F.holderCreditCode.label}
                error={errors['holder.creditCode']}
                maxLength={F.holderCreditCode.maxLength}
                value={values.holder.creditCode}
                onChange={(creditCode) => set({ holder: { ...values.holder, creditCode } })}
              />
              <fieldset className="pub-fieldset">
                <legend className="pub-field-label">
                  <span className="pub-required" aria-hidden="true">
                    *
                  </span>
                  {F.infringers.label}
                </legend>
                {values.infringers.map((p, i) => {
                  const nameError = errors[`infringers.${i}.name`];
                  const errorId = `infringer-${p.key}-error`;
                  return (
                    <div key={p.key} className="pub-infringer">
                      <div className="pub-row" style={{ alignItems: 'flex-start' }}>
                        <select
                          className="pub-select"
                          aria-label={F.infringerKind.label}
                          value={p.kind}
                          onChange={(e) => setInfringer(i, { kind: e.target.value })}
                          style={{ width: 90 }}
                        >
                          {CLUE_CHOICES.partyKind.map((o) => (
                            <option key={o.value} value={o.value}>
                              {o.label}
                            </option>
                          ))}
                        </select>
                        <input
                          className="pub-input"
                          aria-label={F.infringerName.label}
                          placeholder={F.infringerName.placeholder}
                          maxLength={F.infringerName.maxLength}
                          aria-invalid={nameError ? true : undefined}
                          aria-describedby={nameError ? errorId : undefined}
                          value={p.name}
                          onChange={(e) => setInfringer(i, { name: e.target.value })}
                          style={{ width: 200 }}
                        />
                        <input
                          className="pub-input"
                          aria-label={F.infringerCreditCode.label}
                          placeholder={F.infringerCreditCode.placeholder}
                          maxLength={F.infringerCreditCode.maxLength}
                          value={p.creditCode}
                          onChange={(e) => setInfringer(i, { creditCode: e.target.value })}
                          style={{ width: 200 }}
                        />
                        <input
                          className="pub-input"
                          aria-label={F.infringerRelation.label}
                          placeholder={F.infringerRelation.placeholder}
                          maxLength={F.infringerRelation.maxLength}
                          value={p.relation}
                          onChange={(e) => setInfringer(i, { relation: e.target.value })}
                          style={{ width: 180 }}
                        />
                        {values.infringers.length > 1 && (
                          <button
                            type="button"
                            className="pub-remove"
                            aria-label={F.infringers.remove}
                            onClick={() => set({ infringers: values.infringers.filter((_, j) => j !== i) })}
                          >
                            −
                          </button>
                        )}
                      </div>
                      {nameError && (
                        <div id={errorId} className="pub-field-error">
                          {nameError}
                        </div>
                      )}
                    </div>
                  );
                })}
                <Button
                  className="pub-btn-dashed"
                  onClick={() =>
                    set({
                      infringers: [
                        ...values.infringers,
                        {
                          key: nextKey.current++,
                          kind: CLUE_DEFAULTS.infringerKind,
                          name: '',
                          creditCode: '',
                          relation: '',
                        },
                      ],
                    })
                  }
                >
                  + {F.infringers.add}
                </Button>
              </fieldset>
              <CheckboxGroup
                label={F.secretKinds.label}
                groups={SECRET_CATEGORIES.map((category) => ({
                  caption: RIGHTS_SECRET_CATEGORY_LABELS[category],
                  options: secretKindOptions(category),
                }))}
                value={values.secretKinds}
                onChange={(secretKinds) => set({ secretKinds })}
                error={errors.secretKinds}
              />
              <TextField
                label={F.secretDescription.label}
                error={errors.secretDescription}
                multiline
                rows={F.secretDescription.rows}
                maxLength={F.secretDescription.maxLength}
                value={values.secretDescription}
                onChange={(secretDescription) => set({ secretDescription })}
              />
              <CheckboxGroup
                label={F.leakChannels.label}
                groups={[{ options: CLUE_CHOICES.leakChannel }]}
                value={values.leakChannels}
                onChange={(leakChannels) => set({ leakChannels })}
                error={errors.leakChannels}
              />
              <TextField
                label={F.leakDescription.label}
                error={errors.leakDescription}
                multiline
                rows={F.leakDescription.rows}
                maxLength={F.leakDescription.maxLength}
                value={values.leakDescription}
                onChange={(leakDescription) => set({ leakDescription })}
              />
              <CheckboxGroup
                label={F.protectionMeasures.label}
                groups={[{ options: CLUE_CHOICES.protectionMeasure }]}
                value={values.protectionMeasures}
                onChange={(protectionMeasures) => set({ protectionMeasures })}
                error={errors.protectionMeasures}
              />
              <TextField
                label={F.facts.label}
                error={errors.facts}
                multiline
                rows={F.facts.rows}
                maxLength={F.facts.maxLength}
                value={values.facts}
                onChange={(facts) => set({ facts })}
              />
              <div className="pub-row" style={{ gap: 16, alignItems: 'flex-start' }}>
                {(['estimatedLossYuan', 'illicitGainYuan'] as const).map((name) => (
                  <Field key={name} label={F[name].label} error={errors[name]}>
                    {(props) => (
                      <input
                        {...props}
                        type="number"
                        inputMode="numeric"
                        min={0}
                        step={1}
                        className="pub-input"
                        style={{ width: 180 }}
                        value={values[name] ?? ''}
                        onChange={(e) => set({ [name]: yuan(e.target.value) })}
                      />
                    )}
                  </Field>
                ))}
              </div>
              <RadioGroup
                label={F.urgency.label}
                options={CLUE_CHOICES.urgency}
                value={values.urgency}
                onChange={(urgency) => set({ urgency })}
              />
              <RadioGroup
                label={F.requestedRoute.label}
                options={CLUE_CHOICES.requestedRoute}
                value={values.requestedRoute}
                onChange={(requestedRoute) => set({ requestedRoute })}
              />
              <Field label={F.attachments.label} error={uploadError ?? errors.attachments}>
                {(props) => (
                  <div>
                    <label className="pub-btn pub-upload">
                      <input
                        {...props}
                        type="file"
                        multiple
                        className="pub-visually-hidden"
                        onChange={(e) => {
                          upload(e.target.files);
                          e.target.value = '';
                        }}
                      />
                      {F.attachments.button}
                    </label>
                    {files.length > 0 && (
                      <ul className="pub-files" data-testid="rights-files">
                        {files.map((file) => (
                          <li key={file.key} data-state={file.state} className={`pub-file pub-file-${file.state}`}>
                            {file.state === 'uploading' && (
                              <span className="pub-spin pub-spin-small" aria-hidden="true" />
                            )}
                            <span className="pub-file-name">{file.name}</span>
                            <span className="pub-visually-hidden">
                              {{ uploading: '上传中', done: '已上传', error: '上传失败' }[file.state]}
                            </span>
                            <button
                              type="button"
                              className="pub-clear-file"
                              aria-label={`删除 ${file.name}`}
                              onClick={() => setFiles((current) => current.filter((f) => f.key !== file.key))}
                            >
                              ×
                            </button>
                          </li>
                        ))}
                      </ul>
                    )}
                  </div>
                )}
              </Field>
              <TextField
                label={F.contact.label}
                error={errors.contact}
                maxLength={F.contact.maxLength}
                value={values.contact}
                onChange={(contact) => set({ contact })}
              />
              <TextField
                label="设置查询密码（至少8位，用于查询进展）"
                error={errors.secret}
                type="password"
                autoComplete="new-password"
                maxLength={64}
                value={values.secret}
                onChange={(secret) => set({ secret })}
              />
              {error && (
                <div style={{ marginBottom: 12 }}>
                  <Alert type="error" role="alert" title={error} />
                </div>
              )}
              <Button primary type="submit" loading={sending} className="pub-btn-block">
                提交举报
              </Button>
            </form>
          </Card>
        )}
      </div>
    </PublicLayout>
  );
}
