/**
 * 异议处理进度 (public): whoever holds an objection's receipt code types it here and sees where the objection
 * stands and the bureau's written answer — nothing of the objector and nothing of other objections.
 */
import { Alert, Button, Card, Descriptions, Flex, Form, Input, Steps, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { formatReceiptCode, normalizeReceiptCode } from '../../../../core/applications/receipt-code';
import { ApiError, api } from '../../../app/api';
import { beijingTime } from '../../evidence/evidence-common';
import { PublicLayout } from '../PublicLayout';
import type { ObjectionReceipt } from '../public-types';

const STEPS = ['received', 'handling', 'decided'] as const;

type Looked =
  | { state: 'idle' | 'loading' }
  | { state: 'found'; receipt: ObjectionReceipt }
  | { state: 'failed'; message: string };

function ReceiptView({ receipt }: { receipt: ObjectionReceipt }) {
  return (
    <Card title={`回执码 ${formatReceiptCode(receipt.receiptCode)}`} data-testid="objection-receipt">
      <Steps
        size="small"
        current={STEPS.indexOf(receipt.progress)}
        status={receipt.progress === 'decided' ? 'finish' : 'process'}
        items={[{ title: '已收到' }, { title: '核查处理中' }, { title: '已处理' }]}
        style={{ marginBottom: 16 }}
      />
      <Descriptions
        bordered
        size="small"
        column={1}
        items={[
          {
            key: 'notice',
            label: '公示',
            children: <Link to={`/publicity/${receipt.noticeId}`}>{receipt.noticeTitle}</Link>,
          },
          { key: 'unit', label: '异议对象', children: receipt.unitName },
          { key: 'filed', label: '提交时间', children: beijingTime(receipt.filedAt) },
          { key: 'progress', label: '处理进度', children: <Tag color="processing">{receipt.progressLabel}</Tag> },
          ...(receipt.progress === 'decided'
            ? [
                {
                  key: 'upheld',
                  label: '核查结论',
                  children: (
                    <Tag color={receipt.upheld ? 'error' : 'success'}>{receipt.upheld ? '异议成立' : '异议不成立'}</Tag>
                  ),
                },
                {
                  key: 'resolution',
                  label: '书面答复',
                  children: <div style={{ whiteSpace: 'pre-wrap' }}>{receipt.resolution}</div>,
                },
                { key: 'resolvedAt', label: '答复时间', children: beijingTime(receipt.resolvedAt) },
              ]
            : []),
        ]}
      />
    </Card>
  );
}

export default function ObjectionStatusPage() {
  const [params, setParams] = useSearchParams();
  const code = params.get('code') ?? '';
  const [looked, setLooked] = useState<Looked>({ state: 'idle' });
  const [form] = Form.useForm<{ code: string }>();

  useEffect(() => {
    form.setFieldsValue({ code });
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
  }, [code, form]);

  return (
    <PublicLayout title="异议处理进度查询">
      <Flex vertical gap={16}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          异议处理进度查询
        </Typography.Title>
        <Card>
          <Form
            form={form}
            layout="inline"
            onFinish={(values) => {
              const normalized = normalizeReceiptCode(values.code);
              setParams(normalized ? { code: formatReceiptCode(normalized) } : {});
            }}
          >
            <Form.Item
              name="code"
              label="回执码"
              rules={[
                { required: true, message: '请输入回执码' },
                {
                  validator: (_, value: string | undefined) =>
                    !value || normalizeReceiptCode(value)
                      ? Promise.resolve()
                      : Promise.reject(new Error('回执码为10位字母和数字，如 ABCDE-FGHJK')),
                },
              ]}
            >
              <Input
                placeholder="如 ABCDE-FGHJK"
                maxLength={20}
                autoComplete="off"
                style={{ width: 220, fontFamily: 'monospace' }}
              />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={looked.state === 'loading'}>
              查询
            </Button>
          </Form>
          <Typography.Paragraph type="secondary" style={{ margin: '12px 0 0' }}>
            回执码在提交异议后显示。只显示该异议的处理进度和监管部门的书面答复，不显示异议人信息。
          </Typography.Paragraph>
        </Card>
        {looked.state === 'found' && <ReceiptView receipt={looked.receipt} />}
        {looked.state === 'failed' && <Alert type="warning" showIcon title={looked.message} role="alert" />}
      </Flex>
    </PublicLayout>
  );
}
