/**
 * Publishing an event: kind, title, dates, audience, the agenda (speakers by name) and the venues — one main venue
 * at the bureau and any number of sub-venues at the bureaus below it, each with its capacity and address or link.
 */
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Flex, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useMemo, useState } from 'react';
import { TrainingAudience, TrainingKind } from '../../../shared/enums-trainings';
import { api, useApiErrorHandler } from '../../app/api';
import { useBusinessDate } from '../../app/business-date';
import { buildJurisdictionTree, type JurisdictionNode, useJurisdictions } from '../../hooks/useJurisdictions';

const options = (labels: Record<string, string>) => Object.entries(labels).map(([value, label]) => ({ value, label }));

interface VenueRow {
  name: string;
  hostJurisdictionCode: string;
  capacity: number;
  address?: string;
}
interface FormValues {
  kind: string;
  title: string;
  description?: string;
  audience: string;
  startsOn: string;
  endsOn: string;
  main: VenueRow;
  subs: VenueRow[];
  sessions: { title: string; startsAt?: string; speakerName?: string; speakerTitle?: string }[];
}

function flatten(nodes: JurisdictionNode[]): { value: string; label: string }[] {
  return nodes.flatMap((n) => [{ value: n.code, label: n.name }, ...flatten(n.children ?? [])]);
}

export function TrainingFormModal({
  ownerJurisdictionCode,
  onClose,
  onSaved,
}: {
  ownerJurisdictionCode: string;
  onClose: () => void;
  onSaved: () => void;
}) {
  const [form] = Form.useForm<FormValues>();
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const { date } = useBusinessDate();
  const { items } = useJurisdictions();
  const hosts = useMemo(
    () => flatten(buildJurisdictionTree(items, ownerJurisdictionCode)),
    [items, ownerJurisdictionCode],
  );
  const [saving, setSaving] = useState(false);

  const submit = async (v: FormValues) => {
    setSaving(true);
    const venue = (row: VenueRow, role: 'main' | 'sub') => ({ ...row, role, address: row.address || null });
    try {
      await api.post('/trainings', {
        kind: v.kind,
        title: v.title,
        description: v.description || null,
        audience: v.audience,
        startsOn: v.startsOn,
        endsOn: v.endsOn,
        ownerJurisdictionCode,
        sessions: (v.sessions ?? []).map((s) => ({ ...s, startsAt: s.startsAt || null })),
        venues: [venue(v.main, 'main'), ...(v.subs ?? []).map((s) => venue(s, 'sub'))],
        materials: [],
      });
      message.success('活动已发布');
      onSaved();
    } catch (error) {
      handleError(error, form);
    } finally {
      setSaving(false);
    }
  };

  const venueFields = (prefix: (string | number)[], label: string) => (
    <Flex gap={8} wrap>
      <Form.Item
        name={[...prefix, 'name']}
        label={`${label}名称`}
        rules={[{ required: true, message: '请填写会场名称' }]}
      >
        <Input style={{ width: 'min(180px, calc(100vw - 80px))' }} />
      </Form.Item>
      <Form.Item
        name={[...prefix, 'hostJurisdictionCode']}
        label={`${label}承办单位`}
        rules={[{ required: true, message: '请选择承办单位' }]}
      >
        <Select
          options={hosts}
          style={{ width: 'min(160px, calc(100vw - 80px))' }}
          showSearch
          optionFilterProp="label"
        />
      </Form.Item>
      <Form.Item
        name={[...prefix, 'capacity']}
        label={`${label}容纳人数`}
        rules={[{ required: true, message: '请填写容纳人数' }]}
      >
        <InputNumber min={1} />
      </Form.Item>
      <Form.Item
        name={[...prefix, 'address']}
        label={`${label}地址或线上链接`}
        rules={[{ required: true, message: '请填写地址' }]}
      >
        <Input style={{ width: 'min(240px, calc(100vw - 80px))' }} />
      </Form.Item>
    </Flex>
  );

  return (
    <Modal
      open
      title="发布培训活动"
      width={860}
      onCancel={onClose}
      okText="发布"
      confirmLoading={saving}
      onOk={() => form.submit()}
    >
      <Form<FormValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{
          kind: 'lecture',
          audience: 'registered_units',
          startsOn: date,
          endsOn: date,
          main: { hostJurisdictionCode: ownerJurisdictionCode, capacity: 100 },
          subs: [],
          sessions: [],
        }}
      >
        <Flex gap={8} wrap>
          <Form.Item name="kind" label="类型" rules={[{ required: true }]}>
            <Select options={options(TrainingKind.labels)} style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="audience" label="参加对象" rules={[{ required: true }]}>
            <Select options={options(TrainingAudience.labels)} style={{ width: 180 }} />
          </Form.Item>
          <Form.Item name="startsOn" label="开始日期" rules={[{ required: true, message: '请填写日期' }]}>
            <Input placeholder="YYYY-MM-DD" style={{ width: 130 }} />
          </Form.Item>
          <Form.Item name="endsOn" label="结束日期" rules={[{ required: true, message: '请填写日期' }]}>
            <Input placeholder="YYYY-MM-DD" style={{ width: 130 }} />
          </Form.Item>
        </Flex>
        <Form.Item name="title" label="活动名称" rules={[{ required: true, message: '请填写活动名称' }]}>
          <Input />
        </Form.Item>
        <Form.Item name="description" label="活动简介">
          <Input.TextArea rows={2} />
        </Form.Item>
        {venueFields(['main'], '主会场')}
        <Form.List name="subs">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f, i) => (
                <Flex key={f.key} align="center" gap={4}>
                  {venueFields([f.name], `分会场${i + 1}`)}
                  <Button
                    type="text"
                    aria-label={`删除分会场${i + 1}`}
                    icon={<MinusCircleOutlined />}
                    onClick={() => remove(f.name)}
                  />
                </Flex>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({ capacity: 50 })} style={{ marginBottom: 16 }}>
                添加分会场
              </Button>
            </>
          )}
        </Form.List>
        <Form.List name="sessions">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f, i) => (
                <Flex key={f.key} gap={8} wrap align="center">
                  <Form.Item
                    name={[f.name, 'title']}
                    label={`议程${i + 1}主题`}
                    rules={[{ required: true, message: '请填写主题' }]}
                  >
                    <Input style={{ width: 'min(240px, calc(100vw - 80px))' }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'startsAt']} label={`议程${i + 1}时间`}>
                    <Input placeholder="09:00" style={{ width: 90 }} />
                  </Form.Item>
                  <Form.Item
                    name={[f.name, 'speakerName']}
                    label={`议程${i + 1}主讲人`}
                    rules={[{ required: true, message: '请填写主讲人' }]}
                  >
                    <Input style={{ width: 120 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'speakerTitle']} label={`议程${i + 1}主讲人职务`}>
                    <Input style={{ width: 180 }} />
                  </Form.Item>
                  <Button
                    type="text"
                    aria-label={`删除议程${i + 1}`}
                    icon={<MinusCircleOutlined />}
                    onClick={() => remove(f.name)}
                  />
                </Flex>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add()}>
                添加议程
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
