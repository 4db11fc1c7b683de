/**
 * Shared antd pieces of the workbench's rights pages: the intake form, the status and clock tags. Their words,
 * colours and the form's body come from rights-data.ts, which the public report and follow pages read too.
 */
import { MinusCircleOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Checkbox, Form, type FormInstance, Input, InputNumber, Radio, Select, Space, Tag, Upload } from 'antd';
import { useEffect, useState } from 'react';
import { RightsSecretCategory, RightsStatus } from '../../../shared/enums-rights';
import { api, fieldNamePath } from '../../app/api';
import { uploadAttachment } from '../../app/upload';
import {
  CLUE_CHOICES,
  CLUE_DEFAULTS,
  type Clock,
  clockTag,
  CLUE_FIELDS as F,
  refusalOf,
  SECRET_CATEGORIES,
  STATUS_COLOR,
  secretKindOptions,
  type UploadedRef,
} from './rights-data';

export { type Clock, type ClueMeta, contentOf, type UploadedRef } from './rights-data';

export function StatusTag({ status }: { status: RightsStatus }) {
  return <Tag color={STATUS_COLOR[status]}>{RightsStatus.labels[status]}</Tag>;
}

/** The running clock (or the first one) as a tag: overdue in red. */
export function ClockTag({ clocks }: { clocks: Clock[] }) {
  const tag = clockTag(clocks);
  return <Tag color={tag.color}>{tag.text}</Tag>;
}

export interface OwnCertificate {
  id: string;
  label: string;
  certificateNo: string | null;
}

/** The unit's own sealed evidence certificates (those with a number), for linking to a clue; `enabled` for applicants. */
export function useOwnCertificates(enabled: boolean): OwnCertificate[] {
  const [items, setItems] = useState<OwnCertificate[]>([]);
  useEffect(() => {
    if (!enabled) return;
    void api
      .get<{ items: OwnCertificate[] }>('/evidence/entries', { pageSize: 100 })
      .then((r) => setItems(r.items.filter((e) => e.certificateNo)))
      .catch(() => setItems([]));
  }, [enabled]);
  return items;
}

/** Puts the server's field errors on the form's fields; returns the message for what no field shows. */
export function showFieldErrors(form: FormInstance, error: unknown): string {
  const refusal = refusalOf(error);
  if (refusal.fields.length > 0)
    form.setFields(refusal.fields.map((f) => ({ name: fieldNamePath(f.path), errors: [f.message] })));
  return refusal.message;
}

const required = (message: string) => [{ required: true, message }];

/** The intake fields (what is recorded for every source). `uploadPath` is the public upload for anonymous users. */
export function ClueFields({ uploadPath, onFiles }: { uploadPath?: string; onFiles: (files: UploadedRef[]) => void }) {
  const [files, setFiles] = useState<UploadedRef[]>([]);
  const [uploadError, setUploadError] = useState<string | null>(null);
  return (
    <>
      <Form.Item name={['holder', 'name']} label={F.holderName.label} rules={required(F.holderName.required)}>
        <Input maxLength={F.holderName.maxLength} />
      </Form.Item>
      <Form.Item name={['holder', 'creditCode']} label={F.holderCreditCode.label}>
        <Input maxLength={F.holderCreditCode.maxLength} />
      </Form.Item>
      <Form.List name="infringers">
        {(fields, { add, remove }) => (
          <Form.Item label={F.infringers.label} required>
            {fields.map((field) => (
              <Space key={field.key} wrap align="baseline" style={{ marginBottom: 8 }}>
                <Form.Item name={[field.name, 'kind']} noStyle initialValue={CLUE_DEFAULTS.infringerKind}>
                  <Select options={CLUE_CHOICES.partyKind} style={{ width: 90 }} aria-label={F.infringerKind.label} />
                </Form.Item>
                <Form.Item name={[field.name, 'name']} noStyle rules={required(F.infringerName.required)}>
                  <Input
                    placeholder={F.infringerName.placeholder}
                    maxLength={F.infringerName.maxLength}
                    style={{ width: 200 }}
                    aria-label={F.infringerName.label}
                  />
                </Form.Item>
                <Form.Item name={[field.name, 'creditCode']} noStyle>
                  <Input
                    placeholder={F.infringerCreditCode.placeholder}
                    maxLength={F.infringerCreditCode.maxLength}
                    style={{ width: 200 }}
                    aria-label={F.infringerCreditCode.label}
                  />
                </Form.Item>
                <Form.Item name={[field.name, 'relation']} noStyle>
                  <Input
                    placeholder={F.infringerRelation.placeholder}
                    maxLength={F.infringerRelation.maxLength}
                    style={{ width: 180 }}
                    aria-label={F.infringerRelation.label}
                  />
                </Form.Item>
                {fields.length > 1 && (
                  <MinusCircleOutlined aria-label={F.infringers.remove} onClick={() => remove(field.name)} />
                )}
              </Space>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ kind: CLUE_DEFAULTS.infringerKind })}>
              {F.infringers.add}
            </Button>
          </Form.Item>
        )}
      </Form.List>
      <Form.Item name="secretKinds" label={F.secretKinds.label}>
        <Checkbox.Group>
          <Space direction="vertical">
            {SECRET_CATEGORIES.map((category) => (
              <div key={category}>
                {RightsSecretCategory.labels[category]}：
                {secretKindOptions(category).map((o) => (
                  <Checkbox key={o.value} value={o.value}>
                    {o.label}
                  </Checkbox>
                ))}
              </div>
            ))}
          </Space>
        </Checkbox.Group>
      </Form.Item>
      <Form.Item
        name="secretDescription"
        label={F.secretDescription.label}
        rules={required(F.secretDescription.required)}
      >
        <Input.TextArea rows={F.secretDescription.rows} maxLength={F.secretDescription.maxLength} />
      </Form.Item>
      <Form.Item name="leakChannels" label={F.leakChannels.label}>
        <Checkbox.Group options={CLUE_CHOICES.leakChannel} />
      </Form.Item>
      <Form.Item name="leakDescription" label={F.leakDescription.label}>
        <Input.TextArea rows={F.leakDescription.rows} maxLength={F.leakDescription.maxLength} />
      </Form.Item>
      <Form.Item name="protectionMeasures" label={F.protectionMeasures.label}>
        <Checkbox.Group options={CLUE_CHOICES.protectionMeasure} />
      </Form.Item>
      <Form.Item name="facts" label={F.facts.label} rules={required(F.facts.required)}>
        <Input.TextArea rows={F.facts.rows} maxLength={F.facts.maxLength} />
      </Form.Item>
      <Space wrap>
        <Form.Item name="estimatedLossYuan" label={F.estimatedLossYuan.label}>
          <InputNumber min={0} precision={0} style={{ width: 180 }} />
        </Form.Item>
        <Form.Item name="illicitGainYuan" label={F.illicitGainYuan.label}>
          <InputNumber min={0} precision={0} style={{ width: 180 }} />
        </Form.Item>
      </Space>
      <Form.Item name="urgency" label={F.urgency.label} initialValue={CLUE_DEFAULTS.urgency}>
        <Radio.Group options={CLUE_CHOICES.urgency} />
      </Form.Item>
      <Form.Item name="requestedRoute" label={F.requestedRoute.label} initialValue={CLUE_DEFAULTS.requestedRoute}>
        <Radio.Group options={CLUE_CHOICES.requestedRoute} />
      </Form.Item>
      <Form.Item
        name="attachments"
        label={F.attachments.label}
        help={uploadError ?? undefined}
        validateStatus={uploadError ? 'error' : undefined}
      >
        <Upload
          multiple
          showUploadList={{ showRemoveIcon: true }}
          customRequest={({ file, onSuccess, onError }) => {
            uploadAttachment(file as File, { path: uploadPath })
              .then((stored) => {
                const next = [...files, { sha256: stored.sha256, fileName: stored.fileName }];
                setFiles(next);
                onFiles(next);
                setUploadError(null);
                onSuccess?.(stored);
              })
              .catch((error: unknown) => {
                setUploadError(error instanceof Error ? error.message : F.attachments.failed);
                onError?.(error as Error);
              });
          }}
        >
          <Button icon={<UploadOutlined />}>{F.attachments.button}</Button>
        </Upload>
      </Form.Item>
      <Form.Item name="contact" label={F.contact.label}>
        <Input maxLength={F.contact.maxLength} />
      </Form.Item>
    </>
  );
}
