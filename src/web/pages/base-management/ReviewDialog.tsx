/**
 * The annual review of one base (年度复核): the programme's maintenance conditions as the platform's data shows them
 * (decided ones with their figures), a 符合/不符合 choice for each the officer must judge, the outcome — pass only
 * when every condition is met — and, by outcome, the rectification deadline or the revocation.
 */
import { Alert, App, Form, Input, Modal, Radio, Space, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { ReviewOutcome } from '../../../shared/enums-oversight';
import { api, useApiErrorHandler } from '../../app/api';
import { useBusinessDate } from '../../app/business-date';
import { DatePicker } from '../../components/BusinessDatePicker';
import { RevocationFields, type RevocationValues, revocationOf } from '../../components/RevocationFields';
import { ConditionTag } from './ConditionTag';
import type { ReviewCheck } from './oversight-types';

interface ReviewValues extends RevocationValues {
  outcome?: ReviewOutcome;
  findings?: string;
  rectifyBy?: Dayjs;
  judgments?: Record<string, boolean>;
}

export interface ReviewDialogProps {
  certificateNo: string;
  unitName: string;
  year: number;
  open: boolean;
  onClose: () => void;
  onDone: () => void;
}

export function ReviewDialog({ certificateNo, unitName, year, open, onClose, onDone }: ReviewDialogProps) {
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const { today } = useBusinessDate();
  const [form] = Form.useForm<ReviewValues>();
  const [check, setCheck] = useState<ReviewCheck | null>(null);
  const [saving, setSaving] = useState(false);
  const outcome = Form.useWatch('outcome', form);
  const judgments = Form.useWatch('judgments', form) ?? {};

  useEffect(() => {
    if (!open) return;
    setCheck(null);
    form.resetFields();
    api.get<ReviewCheck>(`/registry/${encodeURIComponent(certificateNo)}/review-check`, { year }).then((c) => {
      setCheck(c);
      if (c.suggestedRectifyBy) form.setFieldValue('rectifyBy', dayjs(c.suggestedRectifyBy));
    }, handleError);
  }, [open, certificateNo, year, form, handleError]);

  const failing = (check?.conditions ?? []).filter((c) =>
    c.computed ? c.status === 'not_met' : judgments[c.id] === false,
  );

  const submit = async (v: ReviewValues) => {
    setSaving(true);
    try {
      await api.post(`/registry/${encodeURIComponent(certificateNo)}/reviews`, {
        year,
        outcome: v.outcome,
        findings: v.findings,
        judgments: Object.entries(v.judgments ?? {})
          .filter(([, met]) => met !== undefined)
          .map(([id, met]) => ({ id, met })),
        ...(v.outcome === 'rectify' ? { rectifyBy: v.rectifyBy?.format('YYYY-MM-DD') } : {}),
        ...(v.outcome === 'revoke' ? { revocation: revocationOf(v) } : {}),
      });
      message.success(`${year}年度复核已记录：${ReviewOutcome.labels[v.outcome!]}`);
      onDone();
    } catch (error) {
      handleError(error, form);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      title={`${year}年度复核：${unitName}`}
      open={open}
      width={760}
      okText="记录复核结论"
      okButtonProps={{ danger: outcome === 'revoke', loading: saving, disabled: !check }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {check && (
        <Typography.Paragraph type="secondary">
          复核条件取自工作方案；标“平台核验”的按{dayjs(check.asOf).format('YYYY年M月D日')}
          的平台数据自动判断，其余请逐项判断。
        </Typography.Paragraph>
      )}
      <Form form={form} layout="vertical" onFinish={submit} aria-label="年度复核">
        <Table
          size="small"
          rowKey="id"
          loading={!check}
          pagination={false}
          dataSource={check?.conditions ?? []}
          locale={{ emptyText: '工作方案未规定复核条件，请根据实际情况作出结论' }}
          style={{ marginBottom: 16 }}
          columns={[
            { title: '复核条件', dataIndex: 'text' },
            {
              title: '核验情况',
              key: 'status',
              width: 260,
              render: (_: unknown, c) =>
                c.computed ? (
                  <Space direction="vertical" size={0}>
                    <ConditionTag condition={c} />
                    {c.detail && <Typography.Text type="secondary">{c.detail}</Typography.Text>}
                  </Space>
                ) : (
                  <Form.Item name={['judgments', c.id]} noStyle rules={[{ required: true, message: '请判断是否符合' }]}>
                    <Radio.Group
                      aria-label={`判断：${c.text}`}
                      options={[
                        { value: true, label: '符合' },
                        { value: false, label: '不符合' },
                      ]}
                    />
                  </Form.Item>
                ),
            },
          ]}
        />
        {failing.length > 0 && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            message={`有 ${failing.length} 项条件不符合，不能复核通过`}
            description={failing.map((c) => c.text).join('；')}
          />
        )}
        <Form.Item name="outcome" label="复核结论" rules={[{ required: true, message: '请选择复核结论' }]}>
          <Radio.Group
            options={ReviewOutcome.values.map((v) => ({
              value: v,
              label: ReviewOutcome.labels[v],
              disabled: v === 'pass' && failing.length > 0,
            }))}
          />
        </Form.Item>
        {outcome === 'rectify' && (
          <Form.Item name="rectifyBy" label="整改期限" rules={[{ required: true, message: '请选择整改期限' }]}>
            <DatePicker style={{ width: '100%' }} disabledDate={(d) => !d.isAfter(today, 'day')} />
          </Form.Item>
        )}
        {outcome === 'revoke' && <RevocationFields />}
        <Form.Item name="findings" label="复核情况" rules={[{ required: true, message: '请填写复核情况' }]}>
          <Input.TextArea rows={4} maxLength={10_000} placeholder="复核发现的情况、存在的问题与整改要求" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
