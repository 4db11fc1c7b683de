/** Recording an incentive granted to a base (表彰奖励、经费补助、重点联系服务、优先推荐…). */
import { App, Form, Input, InputNumber, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { IncentiveKind } from '../../../shared/enums-oversight';
import { api, useApiErrorHandler } from '../../app/api';
import { useBusinessDate } from '../../app/business-date';
import { DatePicker } from '../../components/BusinessDatePicker';

interface IncentiveValues {
  kind?: IncentiveKind;
  measure?: string;
  amountYuan?: number;
  grantedOn?: Dayjs;
  document?: string;
  note?: string;
}

export interface IncentiveDialogProps {
  certificateNo: string;
  unitName: string;
  open: boolean;
  onClose: () => void;
  onDone: () => void;
}

export function IncentiveDialog({ certificateNo, unitName, open, onClose, onDone }: IncentiveDialogProps) {
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const { today } = useBusinessDate();
  const [form] = Form.useForm<IncentiveValues>();
  const [saving, setSaving] = useState(false);
  const kind = Form.useWatch('kind', form);

  const submit = async (v: IncentiveValues) => {
    setSaving(true);
    try {
      await api.post(`/registry/${encodeURIComponent(certificateNo)}/incentives`, {
        kind: v.kind,
        measure: v.measure,
        ...(v.amountYuan !== undefined && v.amountYuan !== null ? { amountYuan: v.amountYuan } : {}),
        grantedOn: v.grantedOn?.format('YYYY-MM-DD'),
        ...(v.document ? { document: v.document } : {}),
        ...(v.note ? { note: v.note } : {}),
      });
      message.success('激励措施已记录');
      onDone();
    } catch (error) {
      handleError(error, form);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      title={`记录激励措施：${unitName}`}
      open={open}
      okText="记录"
      okButtonProps={{ loading: saving }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={submit} aria-label="激励措施" initialValues={{ grantedOn: today }}>
        <Form.Item name="kind" label="类型" rules={[{ required: true, message: '请选择类型' }]}>
          <Select options={IncentiveKind.values.map((v) => ({ value: v, label: IncentiveKind.labels[v] }))} />
        </Form.Item>
        <Form.Item name="measure" label="激励措施" rules={[{ required: true, message: '请填写激励措施' }]}>
          <Input.TextArea
            rows={2}
            maxLength={500}
            placeholder="如：纳入知识产权（商业秘密）经费分配因素及补助奖励范围"
          />
        </Form.Item>
        <Form.Item
          name="amountYuan"
          label="金额（元）"
          rules={[{ required: kind === 'funding', message: '经费补助请填写金额' }]}
        >
          <InputNumber min={0} precision={2} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="grantedOn" label="授予日期" rules={[{ required: true, message: '请选择授予日期' }]}>
          <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(today, 'day')} />
        </Form.Item>
        <Form.Item name="document" label="文号">
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="note" label="备注">
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
