/**
 * Registering a unit on its behalf (officers, within their jurisdiction; admins anywhere). After saving, the unit's
 * profile opens and shows any warnings the server returned.
 */
import { Button, Form, Space } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { api, useApiErrorHandler } from '../../../app/api';
import { useCurrentUser } from '../../../app/auth';
import type { UnitSaved } from '../../../app/types';
import { PageContainer } from '../../../components/PageContainer';
import { UnitFields } from '../components/UnitFields';
import { toUnitInput, type UnitFormValues } from '../components/unit-form-values';

export default function UnitNewPage() {
  const user = useCurrentUser();
  const navigate = useNavigate();
  const handleError = useApiErrorHandler();
  const [form] = Form.useForm<UnitFormValues>();
  const [saving, setSaving] = useState(false);
  const officerRoot = user.role === 'officer' ? user.jurisdictionCode : null;

  const submit = async () => {
    setSaving(true);
    try {
      const values = form.getFieldsValue(true) as UnitFormValues;
      const saved = await api.post<UnitSaved>('/units', toUnitInput(values));
      navigate(`/units/${saved.unit.id}`, { state: { saved: 'created', warnings: saved.warnings } });
    } catch (error) {
      handleError(error, form);
    } finally {
      setSaving(false);
    }
  };

  return (
    <PageContainer title="登记单位" subTitle="登记本辖区内的企业、科研院所、协会商会、园区、服务机构或街道">
      <Form<UnitFormValues>
        form={form}
        layout="vertical"
        initialValues={{ kind: 'enterprise', jurisdictionCode: officerRoot ?? undefined, contacts: [] }}
        onFinish={submit}
        scrollToFirstError
        aria-label="单位登记表"
      >
        <UnitFields jurisdictionRoot={officerRoot} canPickUnits />
        <Space>
          <Button type="primary" htmlType="submit" loading={saving}>
            保存
          </Button>
          <Button onClick={() => navigate('/units')}>取消</Button>
        </Space>
      </Form>
    </PageContainer>
  );
}
