/**
 * The programme's application form for the kind, the narrative (商业秘密保护工作开展情况), the applicant's opinion and
 * the attachments. The applicant edits them while the application is a draft or returned; everyone else reads them
 * and downloads the attachments.
 * Field types come from the programme (src/core/programs/enums.ts FieldType); the server checks every value.
 */
import { UploadOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Descriptions,
  Form,
  type FormInstance,
  Grid,
  Input,
  InputNumber,
  Select,
  Space,
  Upload,
} from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { narrativeField } from '../../../../core/applications/narrative';
import type { FormField } from '../../../../core/programs/schema';
import { ACCEPT_ATTRIBUTE } from '../../../../shared/attachments';
import { formatFormValue } from '../../../../shared/form-values';
import { ApiError, api } from '../../../app/api';
import type { FieldMessage } from '../../../app/types';
import { attachmentUrl, uploadAttachment } from '../../../app/upload';
import { AttachmentTag } from '../../../components/AttachmentTag';
import { AutosaveNote } from '../../../components/AutosaveNote';
import { DatePicker } from '../../../components/BusinessDatePicker';
import { IndustryCascader } from '../../../components/IndustryCascader';
import { useDraft } from '../../../hooks/useAutosave';
import type { ApplicationDetail } from '../application-types';

/** The control for a field; Form.Item's injected props (id, value, onChange) pass through to it. */
function FieldInput({ field, ...control }: { field: FormField } & Record<string, unknown>) {
  switch (field.type) {
    case 'integer':
    case 'decimal':
    case 'percent':
      return (
        <InputNumber
          {...control}
          style={{ width: '100%' }}
          min={field.type === 'percent' ? 0 : field.min}
          max={field.type === 'percent' ? 100 : field.max}
          precision={field.type === 'integer' ? 0 : undefined}
          addonAfter={field.unit ?? (field.type === 'percent' ? '%' : undefined)}
        />
      );
    case 'textarea':
      return (
        <Input.TextArea {...control} autoSize={{ minRows: 3, maxRows: 12 }} maxLength={field.maxLength ?? 20_000} />
      );
    case 'date':
      return <DatePicker {...control} style={{ width: '100%' }} />;
    case 'industry':
      return <IndustryCascader {...control} />;
    case 'select':
      return <Select {...control} options={(field.options ?? []).map((o) => ({ value: o, label: o }))} />;
    default:
      return <Input {...control} maxLength={field.maxLength ?? 500} addonAfter={field.unit} />;
  }
}

/**
 * Marks the fields the server named (paths `formData.<key>`; the form's fields are `f_<key>`) and scrolls to the
 * first; returns whether any was marked.
 */
function markFields(form: FormInstance, fields: readonly FieldMessage[], scroll = true): boolean {
  const marked = fields
    .filter((f) => f.path.startsWith('formData.'))
    .map((f) => ({ name: `f_${f.path.slice('formData.'.length)}`, errors: [f.message] }));
  if (marked.length === 0) return false;
  form.setFields(marked);
  if (scroll) form.scrollToField(marked[0]!.name, { block: 'center', focus: true });
  return true;
}

/** What the applicant edits, as the PATCH sends it (and the local copy keeps it). */
interface DraftBody {
  formData: Record<string, unknown>;
  narrative: string;
  applicantOpinion: string;
  attachments: ApplicationDetail['attachments'];
}

/** The value as the form shows it (dates as dayjs) and back. */
const toForm = (field: FormField, value: unknown) => (field.type === 'date' && value ? dayjs(String(value)) : value);
const fromForm = (field: FormField, value: unknown) =>
  field.type === 'date' && value ? (value as dayjs.Dayjs).format('YYYY-MM-DD') : (value ?? null);

export function ApplicationFormCard({
  application,
  editable,
  onSaved,
  refusal,
}: {
  application: ApplicationDetail;
  editable: boolean;
  onSaved: (next: ApplicationDetail) => void;
  /** Fields a refused action (e.g. submitting an incomplete form) named, to mark on the form. */
  refusal?: { fields: readonly FieldMessage[]; version: number } | null;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm();
  // On a phone the labels go above their values: beside them, a long answer would squeeze the label.
  const narrow = Grid.useBreakpoint().md === false;
  useEffect(() => {
    if (refusal && refusal.version === application.version) markFields(form, refusal.fields);
  }, [form, refusal, application.version]);
  const [saving, setSaving] = useState(false);
  const fields = application.form?.fields ?? [];
  // What the applicant types is kept as the PATCH's body: locally at once, on the server after a pause, restored on
  // a reload, dropped once submitted.
  const draft = useDraft<DraftBody>({
    storageKey: `application.${application.id}`,
    editable,
    initial: {
      formData: application.formData,
      narrative: application.narrative ?? '',
      applicantOpinion: application.applicantOpinion ?? '',
      attachments: application.attachments,
    },
    save: async (body) => {
      try {
        onSaved(
          await api.patch<ApplicationDetail>(`/applications/${application.id}`, {
            version: application.version,
            ...body,
          }),
        );
      } catch (error) {
        // The fields the server refused are marked, whether the button or the autosave sent them; the focus stays
        // where the user is typing (the button scrolls to the first).
        if (error instanceof ApiError) markFields(form, error.fields, false);
        throw error;
      }
    },
  });
  const attachments = draft.value.attachments;
  useEffect(() => {
    if (draft.restored) message.info('已恢复上次未保存的申报内容');
  }, [draft.restored, message]);
  /** The body for the form's values and these attachments. */
  const bodyOf = (values: Record<string, unknown>, files = attachments): DraftBody => ({
    formData: Object.fromEntries(fields.map((f) => [f.key, fromForm(f, values[`f_${f.key}`])])),
    narrative: String(values.narrative ?? ''),
    applicantOpinion: String(values.applicantOpinion ?? ''),
    attachments: files,
  });
  const setAttachments = (update: (all: DraftBody['attachments']) => DraftBody['attachments']) =>
    draft.setValue(bodyOf(form.getFieldsValue(), update(attachments)));
  // Most seed forms carry the narrative as a field of their own; then the separate narrative box is not offered again.
  const narrativeInForm = narrativeField(application.form) !== undefined;
  // Saved attachments download through the application; one uploaded since is a link once saved.
  const hrefOf = (sha256: string) =>
    application.attachments.some((a) => a.sha256 === sha256)
      ? attachmentUrl(`/applications/${application.id}`, sha256)
      : undefined;

  if (!editable) {
    return (
      <Card title={application.form?.title ?? '申报表'}>
        <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} layout={narrow ? 'vertical' : 'horizontal'}>
          {fields.map((f) => (
            <Descriptions.Item key={f.key} label={f.label} span={f.type === 'textarea' ? 2 : 1}>
              {formatFormValue(f, application.formData[f.key]) || '—'}
            </Descriptions.Item>
          ))}
          {!narrativeInForm && (
            <Descriptions.Item label="商业秘密保护工作开展情况" span={2}>
              <div style={{ whiteSpace: 'pre-wrap' }}>{application.narrative || '—'}</div>
            </Descriptions.Item>
          )}
          <Descriptions.Item label={application.form?.applicantOpinion ?? '申报单位意见'} span={2}>
            {application.applicantOpinion || '—'}
          </Descriptions.Item>
          <Descriptions.Item label="附件" span={2}>
            <Space wrap>
              {application.attachments.length === 0
                ? '—'
                : application.attachments.map((a) => (
                    <AttachmentTag key={a.sha256} fileName={a.fileName} href={hrefOf(a.sha256)} />
                  ))}
            </Space>
          </Descriptions.Item>
        </Descriptions>
      </Card>
    );
  }

  // The button saves through the autosave's queue (never the same version twice); the refused fields are marked by
  // the draft's own save.
  const save = async () => {
    setSaving(true);
    const refusal = await draft.flush();
    setSaving(false);
    if (refusal) {
      message.error(refusal);
      const first = form.getFieldsError().find((f) => f.errors.length > 0);
      if (first) form.scrollToField(first.name, { block: 'center', focus: true });
    } else message.success('申报内容已保存');
  };

  return (
    <Card title={application.form?.title ?? '申报表'}>
      <Form
        form={form}
        layout="vertical"
        onFinish={save}
        onValuesChange={(_, all) => draft.setValue(bodyOf(all))}
        initialValues={{
          ...Object.fromEntries(fields.map((f) => [`f_${f.key}`, toForm(f, draft.value.formData[f.key])])),
          narrative: draft.value.narrative,
          applicantOpinion: draft.value.applicantOpinion,
        }}
      >
        {fields.map((f) => (
          <Form.Item key={f.key} name={`f_${f.key}`} label={f.label} extra={f.help} required={f.required}>
            <FieldInput field={f} />
          </Form.Item>
        ))}
        {!narrativeInForm && (
          <Form.Item name="narrative" label="商业秘密保护工作开展情况">
            <Input.TextArea autoSize={{ minRows: 5, maxRows: 20 }} maxLength={50_000} showCount />
          </Form.Item>
        )}
        <Form.Item name="applicantOpinion" label={application.form?.applicantOpinion ?? '申报单位意见'}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
        </Form.Item>
        <Form.Item label="附件">
          <Space wrap>
            {attachments.map((a) => (
              <AttachmentTag
                key={a.sha256}
                fileName={a.fileName}
                href={hrefOf(a.sha256)}
                onClose={() => setAttachments((all) => all.filter((x) => x !== a))}
              />
            ))}
            <Upload
              showUploadList={false}
              accept={ACCEPT_ATTRIBUTE}
              customRequest={({ file, onSuccess, onError }) => {
                uploadAttachment(file as File).then(
                  (stored) => {
                    setAttachments((all) => [...all, { sha256: stored.sha256, fileName: stored.fileName }]);
                    onSuccess?.(stored);
                  },
                  (error: Error) => {
                    message.error(error.message);
                    onError?.(error);
                  },
                );
              }}
            >
              <Button icon={<UploadOutlined />} aria-label="上传申报附件">
                上传附件
              </Button>
            </Upload>
          </Space>
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={saving}>
          保存申报内容
        </Button>
        <AutosaveNote status={draft.status} />
      </Form>
    </Card>
  );
}
