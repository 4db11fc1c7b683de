/**
 * 商业秘密侵权举报 (public): anyone reports a trade-secret infringement without an account, chooses the bureau,
 * sets a follow password and gets a receipt code; both follow the report at /rights/follow. Works at 390 px.
 */
import { Alert, Button, Card, Form, Input, Result, Select, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { formatReceiptCode } from '../../../../core/applications/receipt-code';
import { api } from '../../../app/api';
import { ClueFields, contentOf, showFieldErrors, type UploadedRef } from '../../rights/rights-common';
import { PublicLayout } from '../PublicLayout';

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

export default function PublicRightsReport() {
  const [form] = Form.useForm();
  const uploadKey = useMemo(newUploadKey, []);
  const [jurisdictions, setJurisdictions] = useState<Jurisdiction[]>([]);
  const [files, setFiles] = useState<UploadedRef[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const [done, setDone] = useState<{ receiptCode: string; clueNo: string; decisionDeadline: string } | null>(null);

  useEffect(() => {
    void api
      .get<{ items: Jurisdiction[] }>('/jurisdictions')
      .then((r) => setJurisdictions(r.items.filter((j) => j.level !== 'national' && j.level !== 'provincial')));
  }, []);

  const submit = async (values: Record<string, unknown>) => {
    setSending(true);
    setError(null);
    try {
      const created = await api.post<{ receiptCode: string; clueNo: string; decisionDeadline: string }>(
        '/rights/public/reports',
        { jurisdictionCode: values.jurisdictionCode, secret: values.secret, uploadKey, ...contentOf(values, files) },
      );
      setDone(created);
    } catch (e) {
      setError(showFieldErrors(form, e));
    } finally {
      setSending(false);
    }
  };

  return (
    <PublicLayout title="商业秘密侵权举报">
      <div className="sm-public-main" style={{ maxWidth: 860, margin: '0 auto', padding: 12 }}>
        <Typography.Title level={3}>商业秘密侵权举报</Typography.Title>
        {done ? (
          <Result
            status="success"
            title="举报已收到"
            subTitle={`查询码 ${formatReceiptCode(done.receiptCode)}，执法部门应于 ${done.decisionDeadline} 前作出是否立案的决定。`}
            extra={[
              <Typography.Paragraph key="keep" data-testid="rights-receipt">
                请记下查询码{' '}
                <Typography.Text strong copyable>
                  {done.receiptCode}
                </Typography.Text>
                和您设置的查询密码，凭两者查询进展、与承办人留言。
              </Typography.Paragraph>,
              <Link key="follow" to="/rights/follow">
                查询举报进展
              </Link>,
            ]}
          />
        ) : (
          <Card>
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 16 }}
              message="举报内容仅管辖部门承办人及其上级部门可见；无需登录，可匿名举报。"
            />
            <Form form={form} layout="vertical" onFinish={submit} initialValues={{ infringers: [{ kind: 'unit' }] }}>
              <Form.Item
                name="jurisdictionCode"
                label="向哪个市场监管部门举报"
                rules={[{ required: true, message: '请选择向哪个市场监管部门举报' }]}
              >
                <Select
                  showSearch
                  optionFilterProp="label"
                  options={jurisdictions.map((j) => ({ value: j.code, label: j.name }))}
                  aria-label="管辖部门"
                />
              </Form.Item>
              <ClueFields uploadPath={`/rights/public/attachments?uploadKey=${uploadKey}`} onFiles={setFiles} />
              <Form.Item
                name="secret"
                label="设置查询密码（至少8位，用于查询进展）"
                rules={[{ required: true, min: 8, message: '查询密码至少8位' }]}
              >
                <Input.Password maxLength={64} autoComplete="new-password" />
              </Form.Item>
              {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
              <Button type="primary" htmlType="submit" loading={sending} block>
                提交举报
              </Button>
            </Form>
          </Card>
        )}
      </div>
    </PublicLayout>
  );
}
