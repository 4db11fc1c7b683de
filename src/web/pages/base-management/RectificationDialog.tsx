/** The follow-up of a rectification (整改验收): accepted, or not — and then the base is revoked. */
import { App, Form, Input, Modal, Radio } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { RectificationOutcome } from '../../../shared/enums-oversight';
import { api, useApiErrorHandler } from '../../app/api';
import { useBusinessDate } from '../../app/business-date';
import { DatePicker } from '../../components/BusinessDatePicker';
import { RevocationFields, type RevocationValues, revocationOf } from '../../components/RevocationFields';

interface RectificationValues extends RevocationValues {
  outcome?: RectificationOutcome;
  findings?: string;
  rectifiedOn?: Dayjs;
}

export interface RectificationDialogProps {
  certificateNo: string;
  unitName: string;
  year: number;
  version: number;
  rectifyBy: string | null;
  open: boolean;
  onClose: () => void;
  onDone: () => void;
}

export function RectificationDialog(props: RectificationDialogProps) {
  const { certificateNo, unitName, year, version, rectifyBy, open, onClose, onDone } = props;
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const { today } = useBusinessDate();
  const [form] = Form.useForm<RectificationValues>();
  const [saving, setSaving] = useState(false);
  const outcome = Form.useWatch('outcome', form);

  const submit = async (v: RectificationValues) => {
    setSaving(true);
    try {
      await api.post(`/registry/${encodeURIComponent(certificateNo)}/reviews/${year}/rectification`, {
        version,
        outcome: v.outcome,
        findings: v.findings,
        rectifiedOn: v.rectifiedOn?.format('YYYY-MM-DD'),
        ...(v.outcome === 'revoke' ? { revocation: revocationOf(v) } : {}),
      });
      message.success(`整改验收已记录：${RectificationOutcome.labels[v.outcome!]}`);
      onDone();
    } catch (error) {
      handleError(error, form);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      title={`整改验收：${unitName}（${year}年度复核${rectifyBy ? `，整改期限 ${rectifyBy}` : ''}）`}
      open={open}
      okText="记录验收结论"
      okButtonProps={{ danger: outcome === 'revoke', loading: saving }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        aria-label="整改验收"
        initialValues={{ rectifiedOn: today }}
      >
        <Form.Item name="outcome" label="验收结论" rules={[{ required: true, message: '请选择验收结论' }]}>
          <Radio.Group
            options={RectificationOutcome.values.map((v) => ({ value: v, label: RectificationOutcome.labels[v] }))}
          />
        </Form.Item>
        <Form.Item name="rectifiedOn" label="验收日期" rules={[{ required: true, message: '请选择验收日期' }]}>
          <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(today, 'day')} />
        </Form.Item>
        {outcome === 'revoke' && <RevocationFields />}
        <Form.Item name="findings" label="整改验收情况" rules={[{ required: true, message: '请填写整改验收情况' }]}>
          <Input.TextArea rows={4} maxLength={10_000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
