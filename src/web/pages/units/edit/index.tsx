/**
 * Editing a unit. The form sends the version it read; if someone saved in between, the server answers 409 and the
 * page offers to reload.
 */
import { Alert, App, Button, Form, Space } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { ApiError, api, useApiErrorHandler } from '../../../app/api';
import { useCurrentUser } from '../../../app/auth';
import type { UnitDetail, UnitSaved } from '../../../app/types';
import { LoadError } from '../../../components/LoadError';
import { PageContainer } from '../../../components/PageContainer';
import { PageLoading } from '../../../components/PageLoading';
import { UnitFields } from '../components/UnitFields';
import { fromUnitDetail, toUnitPatch, type UnitFormValues } from '../components/unit-form-values';
import { useUnitDetail } from '../components/useUnitDetail';

function UnitEditForm({ unit, onReload }: { unit: UnitDetail; onReload: () => void }) {
  const user = useCurrentUser();
  const navigate = useNavigate();
  const handleError = useApiErrorHandler();
  const { message } = App.useApp();
  const [form] = Form.useForm<UnitFormValues>();
  const [saving, setSaving] = useState(false);
  const [conflict, setConflict] = useState<string | null>(null);
  const isApplicant = user.role === 'applicant';
  const profilePath = isApplicant ? '/my-unit' : `/units/${unit.id}`;

  const submit = async () => {
    setSaving(true);
    try {
      const values = form.getFieldsValue(true) as UnitFormValues;
      const patch = toUnitPatch(values, unit);
      if (Object.keys(patch).length === 1) {
        message.info('没有需要保存的修改');
        navigate(profilePath);
        return;
      }
      const saved = await api.patch<UnitSaved>(`/units/${unit.id}`, patch);
      navigate(profilePath, { state: { saved: 'updated', warnings: saved.warnings } });
    } catch (error) {
      // Someone saved in between: keep what was typed on screen and offer to reload the current record.
      if (error instanceof ApiError && error.code === 'conflict') setConflict(error.message);
      else handleError(error, form);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Form<UnitFormValues>
      form={form}
      layout="vertical"
      initialValues={fromUnitDetail(unit)}
      onFinish={submit}
      scrollToFirstError
      aria-label="单位信息修改表"
    >
      {conflict && (
        <Alert
          type="warning"
          showIcon
          title={conflict}
          description="重新加载将显示最新保存的内容，您在本页的修改需要重新填写。"
          action={
            <Button size="small" onClick={onReload}>
              重新加载
            </Button>
          }
          style={{ marginBottom: 16 }}
          role="alert"
        />
      )}
      <UnitFields
        kindLocked
        jurisdictionRoot={user.role === 'officer' ? user.jurisdictionCode : null}
        jurisdictionLocked={isApplicant}
        canPickUnits={!isApplicant}
        unitId={unit.id}
        knownUnits={[...(unit.park ? [unit.park] : []), ...unit.members]}
      />
      <Space>
        <Button type="primary" htmlType="submit" loading={saving}>
          保存修改
        </Button>
        <Button onClick={() => navigate(profilePath)}>取消</Button>
      </Space>
    </Form>
  );
}

export default function UnitEditPage() {
  const { id = '' } = useParams();
  const { unit, error, reload } = useUnitDetail(id);
  if (error) return <LoadError error={error} what="单位" onRetry={reload} />;
  if (!unit) return <PageLoading />;
  return (
    <PageContainer title={`修改单位信息：${unit.name}`}>
      <UnitEditForm key={unit.version} unit={unit} onReload={reload} />
    </PageContainer>
  );
}
