/** Shared pieces of the rights pages: the intake form, labels, clocks and the status tag. */
import { MinusCircleOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Checkbox, Form, type FormInstance, Input, InputNumber, Radio, Select, Space, Tag, Upload } from 'antd';
import { useEffect, useState } from 'react';
import {
  RIGHTS_SECRET_CATEGORY,
  RightsLeakChannel,
  RightsPartyKind,
  RightsProtectionMeasure,
  RightsRequestedRoute,
  RightsSecretCategory,
  RightsSecretKind,
  RightsStatus,
  RightsUrgency,
} from '../../../shared/enums-rights';
import { ApiError, api, fieldNamePath } from '../../app/api';
import { uploadAttachment } from '../../app/upload';

export interface Clock {
  code: string;
  name: string;
  source: string;
  deadline: string;
  metOn: string | null;
  left: number | null;
  overdue: boolean;
  label: string;
}

export interface ClueMeta {
  id: string;
  clueNo: string;
  jurisdictionName: string;
  source: string;
  status: RightsStatus;
  route: string | null;
  urgency: RightsUrgency;
  receivedOn: string;
  decisionDeadline: string;
  overdue: boolean;
  clocks: Clock[];
  version: number;
}

const STATUS_COLOR: Record<RightsStatus, string> = {
  received: 'processing',
  accepted: 'blue',
  transferred_police: 'purple',
  civil_guided: 'cyan',
  not_accepted: 'default',
  transferred_bureau: 'orange',
  closed: 'success',
  merged: 'default',
};

export function StatusTag({ status }: { status: RightsStatus }) {
  return <Tag color={STATUS_COLOR[status]}>{RightsStatus.labels[status]}</Tag>;
}

/** The running clock (or the first one) as a tag: overdue in red. */
export function ClockTag({ clocks }: { clocks: Clock[] }) {
  const running = clocks.find((c) => c.metOn === null) ?? null;
  if (!running) return <Tag>期限已完成</Tag>;
  return (
    <Tag color={running.overdue ? 'error' : running.left !== null && running.left <= 3 ? 'warning' : 'default'}>
      {running.name}：{running.label}
    </Tag>
  );
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

const options = (labels: Record<string, string>) => Object.entries(labels).map(([value, label]) => ({ value, label }));

/** Puts the server's field errors on the form's fields; returns the message for what no field shows. */
export function showFieldErrors(form: FormInstance, error: unknown): string {
  if (!(error instanceof ApiError)) return '提交失败，请稍后重试';
  if (error.fields.length > 0)
    form.setFields(error.fields.map((f) => ({ name: fieldNamePath(f.path), errors: [f.message] })));
  return error.message;
}

export interface UploadedRef {
  sha256: string;
  fileName: string;
}

/** The intake fields (what is recorded for every source). `uploadPath` is the public upload for anonymous users. */
export function ClueFields({ uploadPath, onFiles }: { uploadPath?: string; onFiles: (files: UploadedRef[]) => void }) {
  const [files, setFiles] = useState<UploadedRef[]>([]);
  const [uploadError, setUploadError] = useState<string | null>(null);
  const byCategory = (category: RightsSecretCategory) =>
    options(RightsSecretKind.labels).filter((o) => RIGHTS_SECRET_CATEGORY[o.value as RightsSecretKind] === category);
  return (
    <>
      <Form.Item name={['holder', 'name']} label="权利人名称" rules={[{ required: true, message: '请填写权利人名称' }]}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name={['holder', 'creditCode']} label="权利人统一社会信用代码（选填）">
        <Input maxLength={18} />
      </Form.Item>
      <Form.List name="infringers">
        {(fields, { add, remove }) => (
          <Form.Item label="被举报方（涉嫌侵权人）" required>
            {fields.map((field) => (
              <Space key={field.key} wrap align="baseline" style={{ marginBottom: 8 }}>
                <Form.Item name={[field.name, 'kind']} noStyle initialValue="unit">
                  <Select options={options(RightsPartyKind.labels)} style={{ width: 90 }} aria-label="类型" />
                </Form.Item>
                <Form.Item
                  name={[field.name, 'name']}
                  noStyle
                  rules={[{ required: true, message: '请填写被举报方名称' }]}
                >
                  <Input placeholder="名称或姓名" maxLength={100} style={{ width: 200 }} aria-label="被举报方名称" />
                </Form.Item>
                <Form.Item name={[field.name, 'creditCode']} noStyle>
                  <Input
                    placeholder="统一社会信用代码（选填）"
                    maxLength={18}
                    style={{ width: 200 }}
                    aria-label="信用代码"
                  />
                </Form.Item>
                <Form.Item name={[field.name, 'relation']} noStyle>
                  <Input
                    placeholder="与权利人关系（如前员工）"
                    maxLength={100}
                    style={{ width: 180 }}
                    aria-label="关系"
                  />
                </Form.Item>
                {fields.length > 1 && <MinusCircleOutlined aria-label="删除" onClick={() => remove(field.name)} />}
              </Space>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ kind: 'unit' })}>
              添加被举报方
            </Button>
          </Form.Item>
        )}
      </Form.List>
      <Form.Item name="secretKinds" label="商业秘密类型（必选）">
        <Checkbox.Group>
          <Space direction="vertical">
            {(['technical', 'business'] as const).map((category) => (
              <div key={category}>
                {RightsSecretCategory.labels[category]}：
                {byCategory(category).map((o) => (
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
        label="商业秘密内容概述"
        rules={[{ required: true, message: '请填写商业秘密内容概述' }]}
      >
        <Input.TextArea rows={3} maxLength={5000} />
      </Form.Item>
      <Form.Item name="leakChannels" label="泄密途径（必选）">
        <Checkbox.Group options={options(RightsLeakChannel.labels)} />
      </Form.Item>
      <Form.Item name="leakDescription" label="泄密经过（选填）">
        <Input.TextArea rows={2} maxLength={5000} />
      </Form.Item>
      <Form.Item name="protectionMeasures" label="已采取的保密措施">
        <Checkbox.Group options={options(RightsProtectionMeasure.labels)} />
      </Form.Item>
      <Form.Item name="facts" label="侵权事实" rules={[{ required: true, message: '请填写侵权事实' }]}>
        <Input.TextArea rows={4} maxLength={10000} />
      </Form.Item>
      <Space wrap>
        <Form.Item name="estimatedLossYuan" label="估计损失（元）">
          <InputNumber min={0} precision={0} style={{ width: 180 }} />
        </Form.Item>
        <Form.Item name="illicitGainYuan" label="对方违法所得（元）">
          <InputNumber min={0} precision={0} style={{ width: 180 }} />
        </Form.Item>
      </Space>
      <Form.Item name="urgency" label="紧急程度" initialValue="normal">
        <Radio.Group options={options(RightsUrgency.labels)} />
      </Form.Item>
      <Form.Item name="requestedRoute" label="希望的处理途径" initialValue="undecided">
        <Radio.Group options={options(RightsRequestedRoute.labels)} />
      </Form.Item>
      <Form.Item
        name="attachments"
        label="证据材料（选填）"
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
                setUploadError(error instanceof Error ? error.message : '上传失败');
                onError?.(error as Error);
              });
          }}
        >
          <Button icon={<UploadOutlined />}>上传文件</Button>
        </Upload>
      </Form.Item>
      <Form.Item name="contact" label="联系方式（选填）">
        <Input maxLength={100} />
      </Form.Item>
    </>
  );
}

/** Form values → the request body's shared part (empty optional fields left out). */
export function contentOf(values: Record<string, unknown>, files: UploadedRef[]) {
  const holder = values.holder as { name: string; creditCode?: string };
  const infringers = ((values.infringers as Record<string, string | undefined>[] | undefined) ?? []).map((p) => ({
    kind: p.kind ?? 'unit',
    name: p.name ?? '',
    creditCode: p.creditCode || null,
    relation: p.relation || null,
  }));
  return {
    holder: { name: holder?.name ?? '', creditCode: holder?.creditCode || null },
    infringers,
    secretKinds: values.secretKinds ?? [],
    secretDescription: values.secretDescription ?? '',
    leakChannels: values.leakChannels ?? [],
    leakDescription: values.leakDescription || null,
    protectionMeasures: values.protectionMeasures ?? [],
    facts: values.facts ?? '',
    estimatedLossYuan: values.estimatedLossYuan ?? null,
    illicitGainYuan: values.illicitGainYuan ?? null,
    urgency: values.urgency ?? 'normal',
    requestedRoute: values.requestedRoute ?? 'undecided',
    attachments: files,
    contact: values.contact || null,
  };
}
