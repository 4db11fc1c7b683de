/**
 * The drawer that records a new ledger entry or edits one. Attachments are uploaded as soon as they are chosen
 * (POST /attachments) and referenced by SHA-256 when the entry is saved. An edit sends only what changed, with the
 * version the entry was read at; a 409 (someone else saved first) is shown in the drawer with a way back to a fresh
 * list.
 */
import { UploadOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Drawer,
  Flex,
  Form,
  Input,
  InputNumber,
  Select,
  Upload,
  type UploadFile,
  type UploadProps,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { type ReactNode, useEffect, useState } from 'react';
import { ACCEPT_ATTRIBUTE, uploadProblem } from '../../../shared/attachments';
import type { LedgerKind } from '../../../shared/enums';
import { ApiError, api, useApiErrorHandler } from '../../app/api';
import { useCurrentUser } from '../../app/auth';
import { useBusinessDate } from '../../app/business-date';
import { uploadAttachment } from '../../app/upload';
import { DatePicker } from '../../components/BusinessDatePicker';
import { required, textOrNull } from '../../components/form-rules';
import { LedgerUnitSelect } from './LedgerUnitSelect';
import {
  ACCEPTED_HINT,
  attachmentUrl,
  KIND_OPTIONS,
  type LedgerEntry,
  type LedgerEntryBody,
  MAX_ATTACHMENTS,
} from './ledger-common';
import { useUnitGuides } from './useUnitGuides';

/** What an uploaded file becomes in the entry. */
interface AttachmentRef {
  sha256: string;
  fileName: string;
}

interface FormValues {
  unitId?: string;
  kind?: LedgerKind;
  occurredOn?: Dayjs;
  title?: string;
  description?: string;
  participants?: number | null;
  reachPercent?: number | null;
  firmsCovered?: number | null;
  guideId?: string | null;
  attachments?: UploadFile<AttachmentRef>[];
}

const DATE_FORMAT = 'YYYY-MM-DD';
const FILE_NAME_MAX = 200;

export type DrawerResult = { saved: LedgerEntry } | { stale: true } | undefined;

interface LedgerEntryDrawerProps {
  /** The entry to edit; absent to record a new one. */
  entry?: LedgerEntry;
  /** The unit a new entry is for, preselected (an applicant's own unit, or the unit the list is filtered by). */
  defaultUnitId?: string;
  /** Officers and admins choose the unit; an applicant's is fixed. */
  canChooseUnit: boolean;
  onClose: (result?: DrawerResult) => void;
}

function initialValues(entry: LedgerEntry | undefined, defaultUnitId: string | undefined, today: Dayjs): FormValues {
  if (!entry) return { unitId: defaultUnitId, occurredOn: today, attachments: [] };
  return {
    unitId: entry.unitId,
    kind: entry.kind,
    occurredOn: dayjs(entry.occurredOn, DATE_FORMAT),
    title: entry.title,
    description: entry.description ?? undefined,
    participants: entry.participants,
    reachPercent: entry.reachPercent,
    firmsCovered: entry.firmsCovered,
    guideId: entry.guideId,
    attachments: entry.attachments.map((a) => ({
      uid: a.id,
      name: a.fileName,
      status: 'done',
      url: attachmentUrl(entry.id, a.id),
      response: { sha256: a.sha256, fileName: a.fileName },
    })),
  };
}

function bodyOf(values: FormValues, refs: AttachmentRef[]): LedgerEntryBody {
  const kind = values.kind!;
  return {
    kind,
    occurredOn: values.occurredOn!.format(DATE_FORMAT),
    title: values.title!.trim(),
    description: textOrNull(values.description),
    participants: values.participants ?? null,
    reachPercent: values.reachPercent ?? null,
    firmsCovered: values.firmsCovered ?? null,
    guideId: kind === 'guidance_visit' ? (values.guideId ?? null) : null,
    attachments: refs,
  };
}

/** The fields of `next` that differ from the entry as read (attachments compared as an ordered list). */
function changesOf(entry: LedgerEntry, next: LedgerEntryBody): Partial<LedgerEntryBody> {
  const changed: Partial<LedgerEntryBody> = {};
  const scalar = [
    'kind',
    'occurredOn',
    'title',
    'description',
    'participants',
    'reachPercent',
    'firmsCovered',
    'guideId',
  ] as const;
  for (const key of scalar) {
    if (next[key] !== entry[key]) Object.assign(changed, { [key]: next[key] });
  }
  const before = entry.attachments.map((a) => `${a.sha256}/${a.fileName}`).join('\n');
  const after = next.attachments.map((a) => `${a.sha256}/${a.fileName}`).join('\n');
  if (before !== after) changed.attachments = next.attachments;
  return changed;
}

export function LedgerEntryDrawer({ entry, defaultUnitId, canChooseUnit, onClose }: LedgerEntryDrawerProps) {
  const { today } = useBusinessDate();
  const user = useCurrentUser();
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const [form] = Form.useForm<FormValues>();
  const [saving, setSaving] = useState(false);
  const [conflict, setConflict] = useState<string | null>(null);
  const unitId = Form.useWatch('unitId', form) ?? entry?.unitId ?? defaultUnitId;
  const kind = Form.useWatch('kind', form);
  const isGuidance = kind === 'guidance_visit';
  const unitGuides = useUnitGuides(unitId, isGuidance);
  const title = entry ? '编辑台账记录' : '新增台账记录';

  // A guidance visit recorded by one of the unit's guides defaults to that guide (as the server does).
  useEffect(() => {
    if (!isGuidance || unitGuides.loading || form.getFieldValue('guideId')) return;
    if (unitGuides.guides.some((g) => g.id === user.id)) form.setFieldValue('guideId', user.id);
    else if (unitGuides.guides.length === 1) form.setFieldValue('guideId', unitGuides.guides[0]!.id);
  }, [isGuidance, unitGuides.loading, unitGuides.guides, user.id, form]);

  const customRequest: UploadProps<AttachmentRef>['customRequest'] = ({ file, onProgress, onSuccess, onError }) => {
    const controller = new AbortController();
    const picked = file as File;
    uploadAttachment(picked, { signal: controller.signal, onProgress: (percent) => onProgress?.({ percent }) })
      .then((stored) => onSuccess?.({ sha256: stored.sha256, fileName: picked.name.slice(0, FILE_NAME_MAX) }))
      .catch((error: unknown) => {
        if (error instanceof ApiError && error.code === 'aborted') return;
        const text = error instanceof ApiError ? error.message : '上传失败，请稍后重试';
        message.error(`${picked.name}：${text}`);
        onError?.(Object.assign(new Error(text), { status: error instanceof ApiError ? error.status : 0 }));
      });
    return { abort: () => controller.abort() };
  };

  const beforeUpload: UploadProps['beforeUpload'] = (file, batch) => {
    const problem = uploadProblem(file);
    if (problem) {
      message.error(problem);
      return Upload.LIST_IGNORE;
    }
    const present = (form.getFieldValue('attachments') as UploadFile[] | undefined)?.length ?? 0;
    if (present + batch.indexOf(file) >= MAX_ATTACHMENTS) {
      message.error(`附件最多 ${MAX_ATTACHMENTS} 个`);
      return Upload.LIST_IGNORE;
    }
    return true;
  };

  const submit = async (values: FormValues) => {
    const files = values.attachments ?? [];
    if (files.some((f) => f.status === 'uploading')) {
      message.warning('附件仍在上传，请稍候再保存');
      return;
    }
    if (files.some((f) => f.status === 'error' || !f.response?.sha256)) {
      form.setFields([{ name: 'attachments', errors: ['请先移除上传失败的附件'] }]);
      return;
    }
    const body = bodyOf(
      values,
      files.map((f) => ({ sha256: f.response!.sha256, fileName: f.response!.fileName })),
    );
    setSaving(true);
    setConflict(null);
    try {
      if (entry) {
        const changes = changesOf(entry, body);
        if (Object.keys(changes).length === 0) {
          message.info('没有修改');
          onClose();
          return;
        }
        onClose({
          saved: await api.patch<LedgerEntry>(`/ledger/${entry.id}`, { ...changes, version: entry.version }),
        });
      } else {
        onClose({ saved: await api.post<LedgerEntry>('/ledger', { unitId: values.unitId, ...body }) });
      }
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) setConflict(error.message);
      handleError(error, form);
    } finally {
      setSaving(false);
    }
  };

  const guideOptions = unitGuides.guides.map((g) => ({ value: g.id, label: `${g.displayName}（${g.username}）` }));
  // An entry's guide who has since been unassigned still shows by name.
  if (entry?.guideId && entry.guideName && !guideOptions.some((o) => o.value === entry.guideId)) {
    guideOptions.push({ value: entry.guideId, label: `${entry.guideName}（已不再是指导员）` });
  }

  return (
    <DrawerShell
      title={title}
      saving={saving}
      onCancel={() => onClose()}
      onSave={() => form.submit()}
      conflict={conflict}
      onStale={() => onClose({ stale: true })}
    >
      <Form<FormValues>
        form={form}
        layout="vertical"
        aria-label={title}
        initialValues={initialValues(entry, defaultUnitId, today)}
        onFinish={submit}
        onValuesChange={(changed: FormValues) => {
          if ('unitId' in changed) form.setFieldValue('guideId', null);
        }}
      >
        {entry ? (
          <Form.Item label="单位">
            <Input value={entry.unitName} disabled aria-label="单位" />
          </Form.Item>
        ) : canChooseUnit ? (
          <Form.Item name="unitId" label="单位" rules={[{ required: true, message: '请选择单位' }]}>
            <LedgerUnitSelect placeholder="输入单位名称或信用代码搜索" />
          </Form.Item>
        ) : (
          <Form.Item name="unitId" hidden>
            <Input />
          </Form.Item>
        )}
        <Form.Item name="kind" label="类型" rules={[{ required: true, message: '请选择类型' }]}>
          <Select<LedgerKind>
            // Guidance visits are recorded by the bureau's guides, not by the unit itself.
            options={
              user.role === 'applicant' ? KIND_OPTIONS.filter((o) => o.value !== 'guidance_visit') : KIND_OPTIONS
            }
            placeholder="请选择"
          />
        </Form.Item>
        <Form.Item name="occurredOn" label="日期" rules={[{ required: true, message: '请选择日期' }]}>
          <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} allowClear={false} />
        </Form.Item>
        <Form.Item
          name="title"
          label="主题"
          rules={[required('请填写主题'), { max: 200, message: '主题不能超过200个字' }]}
        >
          <Input maxLength={200} placeholder="如：商业秘密保护全员培训" />
        </Form.Item>
        {isGuidance && (
          <Form.Item
            name="guideId"
            label="指导员"
            rules={[{ required: true, message: '业务指导须由该单位的指导员开展，请选择指导员' }]}
            extra={
              unitId && !unitGuides.loading && unitGuides.guides.length === 0
                ? '该单位尚未指派指导员，无法登记业务指导（由辖区监管部门在“指导员”中指派）'
                : undefined
            }
          >
            <Select
              options={guideOptions}
              loading={unitGuides.loading}
              disabled={!unitId}
              placeholder={unitId ? '请选择该单位的指导员' : '请先选择单位'}
              notFoundContent="该单位尚未指派指导员"
            />
          </Form.Item>
        )}
        <Form.Item
          name="description"
          label="内容"
          rules={[{ max: 5000, message: '内容不能超过5000个字' }]}
          extra="活动的时间地点、参加对象、主要内容和成效"
        >
          <Input.TextArea rows={4} maxLength={5000} showCount />
        </Form.Item>
        <Flex gap={12} wrap>
          <Form.Item name="participants" label="参与人数" style={{ flex: '1 1 140px' }}>
            <InputNumber min={0} max={1_000_000} precision={0} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="reachPercent" label="覆盖比例（%）" style={{ flex: '1 1 140px' }}>
            <InputNumber min={0} max={100} precision={2} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="firmsCovered" label="覆盖企业数" style={{ flex: '1 1 140px' }}>
            <InputNumber min={0} max={1_000_000} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Flex>
        <Form.Item
          name="attachments"
          label="附件"
          valuePropName="fileList"
          getValueFromEvent={(event: { fileList: UploadFile<AttachmentRef>[] }) => event.fileList}
          extra={ACCEPTED_HINT}
        >
          <Upload<AttachmentRef>
            multiple
            accept={ACCEPT_ATTRIBUTE}
            customRequest={customRequest}
            beforeUpload={beforeUpload}
          >
            <Button icon={<UploadOutlined />}>选择文件</Button>
          </Upload>
        </Form.Item>
      </Form>
    </DrawerShell>
  );
}

interface DrawerShellProps {
  title: string;
  saving: boolean;
  conflict: string | null;
  onCancel: () => void;
  onSave: () => void;
  onStale: () => void;
  children: ReactNode;
}

/** The drawer frame: title, the conflict notice, and the 取消 / 保存 footer. */
function DrawerShell({ title, saving, conflict, onCancel, onSave, onStale, children }: DrawerShellProps) {
  return (
    <Drawer
      open
      title={title}
      onClose={onCancel}
      size={600}
      destroyOnHidden
      mask={{ closable: false }}
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button autoInsertSpace={false} onClick={onCancel}>
            取消
          </Button>
          <Button type="primary" autoInsertSpace={false} loading={saving} onClick={onSave}>
            保存
          </Button>
        </Flex>
      }
    >
      {conflict && (
        <Alert
          type="warning"
          showIcon
          role="alert"
          style={{ marginBottom: 16 }}
          title={conflict}
          action={
            <Button size="small" onClick={onStale}>
              刷新列表
            </Button>
          }
        />
      )}
      {children}
    </Drawer>
  );
}
