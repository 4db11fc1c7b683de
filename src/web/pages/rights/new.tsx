/**
 * Intake while logged in: an applicant asks for rights protection for its unit (with its evidence certificates); an
 * officer records an inspection clue or a referral in from another department.
 */
import { Alert, Button, Card, Form, Input, Radio, Select } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { RightsReferralOrigin } from '../../../shared/enums-rights';
import { api } from '../../app/api';
import { useAuth } from '../../app/auth';
import { ClueFields, contentOf, showFieldErrors, type UploadedRef, useOwnCertificates } from './rights-common';

export default function RightsNew() {
  const { user } = useAuth();
  const navigate = useNavigate();
  const [form] = Form.useForm();
  const [files, setFiles] = useState<UploadedRef[]>([]);
  const [error, setError] = useState<string | null>(null);
  const applicant = user?.role === 'applicant';
  const source = Form.useWatch('source', form) as string | undefined;
  const evidence = useOwnCertificates(applicant);

  const submit = async (values: Record<string, unknown>) => {
    setError(null);
    try {
      const created = await api.post<{ id: string }>('/rights/clues', {
        source: applicant ? 'unit' : values.source,
        ...(values.source === 'referral'
          ? {
              referralOrigin: values.referralOrigin,
              referralOrgan: values.referralOrgan,
              referralDocument: values.referralDocument || null,
            }
          : {}),
        evidenceIds: values.evidenceIds ?? [],
        ...contentOf(values, files),
      });
      navigate(`/rights/clues/${created.id}`);
    } catch (e) {
      setError(showFieldErrors(form, e));
    }
  };

  return (
    <Card title={applicant ? '申请维权' : '登记维权线索'}>
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ source: applicant ? 'unit' : 'inspection', infringers: [{ kind: 'unit' }] }}
      >
        {!applicant && (
          <Form.Item name="source" label="线索来源">
            <Radio.Group
              options={[
                { value: 'inspection', label: '执法检查发现' },
                { value: 'referral', label: '部门移送' },
                { value: 'unit', label: '维权中心代企业登记' },
              ]}
            />
          </Form.Item>
        )}
        {source === 'referral' && (
          <>
            <Form.Item name="referralOrigin" label="移送部门类别">
              <Select
                options={Object.entries(RightsReferralOrigin.labels).map(([value, label]) => ({ value, label }))}
              />
            </Form.Item>
            <Form.Item name="referralOrgan" label="移送单位">
              <Input maxLength={100} />
            </Form.Item>
            <Form.Item name="referralDocument" label="移送函号">
              <Input maxLength={100} />
            </Form.Item>
          </>
        )}
        <ClueFields onFiles={setFiles} />
        {applicant && (
          <Form.Item name="evidenceIds" label="关联本单位存证证书（证明商业秘密在某时已存在）">
            <Select
              mode="multiple"
              options={evidence.map((e) => ({ value: e.id, label: `${e.label}（${e.certificateNo}）` }))}
              aria-label="存证证书"
            />
          </Form.Item>
        )}
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
        <Button type="primary" htmlType="submit">
          提交
        </Button>
      </Form>
    </Card>
  );
}
