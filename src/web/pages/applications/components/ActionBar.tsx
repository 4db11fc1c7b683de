/**
 * The workflow actions the reader may take now (the server lists them), as buttons. Each opens a dialog asking for
 * what the action needs: a reason to return, not recommend or fail; the decision to certify; the grounds, date and
 * document to revoke; an optional opinion otherwise. The server decides; its refusal is shown as it says it.
 */
import { Alert, App, Button, Form, Input, Modal, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { ApplicationAction } from '../../../../core/applications/workflow';
import { DecisionForm } from '../../../../shared/enums';
import { ApiError, api, useApiErrorHandler } from '../../../app/api';
import type { FieldMessage } from '../../../app/types';
import { DatePicker } from '../../../components/BusinessDatePicker';
import { RevocationFields, type RevocationValues, revocationOf } from '../../../components/RevocationFields';
import type { ApplicationDetail } from '../application-types';

/** Actions whose comment is required, and what the comment is called. */
const COMMENT_REQUIRED: Partial<Record<ApplicationAction, string>> = {
  return: '退回原因（需补充的材料）',
  not_recommend: '不予推荐的意见',
  fail: '验收不通过的意见',
  reject: '不予认定的理由',
};

const COMMENT_OPTIONAL: Partial<Record<ApplicationAction, string>> = {
  recommend: '推荐意见',
  withdraw: '撤回说明',
  pass: '验收意见',
  approve: '批准意见',
};

const DANGER = new Set<ApplicationAction>(['withdraw', 'not_recommend', 'fail', 'reject', 'revoke', 'return']);

interface ActionValues extends RevocationValues {
  comment?: string;
  decisionForm?: DecisionForm;
  decisionNumber?: string;
  decidedOn?: Dayjs;
  plaqueText?: string;
}

function bodyOf(action: ApplicationAction, version: number, v: ActionValues) {
  return {
    action,
    version,
    ...(v.comment ? { comment: v.comment } : {}),
    ...(action === 'certify'
      ? {
          decision: {
            form: v.decisionForm,
            ...(v.decisionNumber ? { number: v.decisionNumber } : {}),
            decidedOn: v.decidedOn?.format('YYYY-MM-DD'),
            ...(v.plaqueText ? { plaqueText: v.plaqueText } : {}),
          },
        }
      : {}),
    ...(action === 'revoke' ? { revocation: revocationOf(v) } : {}),
  };
}

export function ActionBar({
  application,
  onDone,
  onRefused,
}: {
  application: ApplicationDetail;
  onDone: (next: ApplicationDetail) => void;
  /** An action was refused for fields of the application form (`formData.<key>`). */
  onRefused?: (fields: FieldMessage[]) => void;
}) {
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const [form] = Form.useForm<ActionValues>();
  const [action, setAction] = useState<ApplicationAction | null>(null);
  const [busy, setBusy] = useState(false);
  // Publicity starts from a notice listing several applications (the publicity page), not from here.
  const actions = application.allowedActions.filter((a) => a !== 'start_publicity');
  if (actions.length === 0) return null;

  const submit = async (values: ActionValues) => {
    if (!action) return;
    setBusy(true);
    try {
      const next = await api.post<ApplicationDetail & { warnings?: { code: string; message: string }[] }>(
        `/applications/${application.id}/transitions`,
        bodyOf(action, application.version, values),
      );
      message.success(`已${ApplicationAction.labels[action]}`);
      // Done, but outside the programme's published dates (recorded in the audit trail): the officer should know.
      for (const warning of next.warnings ?? []) message.warning({ content: warning.message, duration: 10 });
      setAction(null);
      onDone(next);
    } catch (error) {
      // A refusal about the application itself (its form is incomplete), not about this dialog: the dialog closes
      // and the page marks the fields named.
      const elsewhere = error instanceof ApiError ? error.fields.filter((f) => f.path.startsWith('formData.')) : [];
      if (elsewhere.length > 0) {
        setAction(null);
        onRefused?.(elsewhere);
        handleError(error);
      } else {
        handleError(error, form);
      }
    } finally {
      setBusy(false);
    }
  };

  const required = action ? COMMENT_REQUIRED[action] : undefined;
  // Outside the stage's published dates: said before confirming, as the server will answer and record it.
  const notice = application.scheduleNotices?.find((n) => n.action === action);
  const optional = action ? COMMENT_OPTIONAL[action] : undefined;
  return (
    <>
      <Space wrap>
        {actions.map((a) => (
          <Button
            key={a}
            type={DANGER.has(a) ? 'default' : 'primary'}
            danger={DANGER.has(a)}
            onClick={() => {
              form.resetFields();
              setAction(a);
            }}
          >
            {ApplicationAction.labels[a]}
          </Button>
        ))}
      </Space>
      <Modal
        open={action !== null}
        title={action ? ApplicationAction.labels[action] : ''}
        okText="确定"
        cancelText="取消"
        confirmLoading={busy}
        onCancel={() => setAction(null)}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        {notice && (
          <Alert
            data-testid="schedule-notice"
            type={notice.enforced ? 'error' : 'warning'}
            showIcon
            message={notice.enforced ? '不在方案规定的办理时间内' : '超出方案公布的时间'}
            description={notice.message}
            style={{ marginBottom: 16 }}
          />
        )}
        <Form form={form} layout="vertical" onFinish={submit} initialValues={{ decisionForm: 'document' }}>
          {(required || optional) && (
            <Form.Item
              name="comment"
              label={required ?? optional}
              rules={required ? [{ required: true, whitespace: true, message: `请填写${required}` }] : []}
            >
              <Input.TextArea rows={4} maxLength={5000} />
            </Form.Item>
          )}
          {action === 'certify' && (
            <>
              <Form.Item name="decisionForm" label="认定方式" rules={[{ required: true }]}>
                <Select options={DecisionForm.values.map((v) => ({ value: v, label: DecisionForm.labels[v] }))} />
              </Form.Item>
              <Form.Item
                name="decisionNumber"
                label="认定文号"
                extra="按工作方案的文号格式填写，如 普市监公平〔2022〕12号"
              >
                <Input maxLength={100} />
              </Form.Item>
              <Form.Item name="decidedOn" label="认定日期" rules={[{ required: true, message: '请选择认定日期' }]}>
                <DatePicker style={{ width: '100%' }} />
              </Form.Item>
              <Form.Item name="plaqueText" label="牌匾文字" extra="留空则为“单位名称 + 基地名称”">
                <Input maxLength={200} />
              </Form.Item>
            </>
          )}
          {action === 'revoke' && <RevocationFields />}
          {!required && !optional && action !== 'certify' && action !== 'revoke' && (
            <p>确定{action ? ApplicationAction.labels[action] : ''}？</p>
          )}
        </Form>
      </Modal>
    </>
  );
}
