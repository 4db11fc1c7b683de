/**
 * Declares a conflict of interest between an expert and a unit (POST /experts/:id/conflicts). The unit control is
 * passed in: officers search units (UnitSelect); an expert picks from the units it reviews.
 */
import { Button, Form, Input, Select } from 'antd';
import { type ReactNode, useState } from 'react';
import { ConflictKind } from '../../../../shared/enums';
import { api, useApiErrorHandler } from '../../../app/api';
import { textOrNull } from '../../../components/form-rules';
import type { Conflict } from '../types';

interface DeclareValues {
  unitId?: string;
  kind?: ConflictKind;
  note?: string;
}

const KIND_OPTIONS = ConflictKind.values.map((value) => ({ value, label: ConflictKind.labels[value] }));

interface ConflictDeclareFormProps {
  expertId: string;
  unitInput: ReactNode;
  unitExtra?: ReactNode;
  onDeclared: (conflict: Conflict) => void;
}

export function ConflictDeclareForm({ expertId, unitInput, unitExtra, onDeclared }: ConflictDeclareFormProps) {
  const [form] = Form.useForm<DeclareValues>();
  const handleError = useApiErrorHandler();
  const [saving, setSaving] = useState(false);

  const submit = async (values: DeclareValues) => {
    setSaving(true);
    try {
      const saved = await api.post<Conflict>(`/experts/${expertId}/conflicts`, {
        unitId: values.unitId,
        kind: values.kind,
        note: textOrNull(values.note),
      });
      form.resetFields();
      onDeclared(saved);
    } catch (error) {
      handleError(error, form);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Form<DeclareValues> form={form} layout="vertical" onFinish={submit} aria-label="申报利益冲突">
      <Form.Item name="unitId" label="单位" rules={[{ required: true, message: '请选择单位' }]} extra={unitExtra}>
        {unitInput}
      </Form.Item>
      <Form.Item name="kind" label="冲突情形" rules={[{ required: true, message: '请选择冲突情形' }]}>
        <Select options={KIND_OPTIONS} placeholder="请选择冲突情形" />
      </Form.Item>
      <Form.Item name="note" label="说明">
        <Input.TextArea rows={3} maxLength={2000} showCount placeholder="如任职期间、关联关系等" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={saving}>
        申报利益冲突
      </Button>
    </Form>
  );
}
