/**
 * Publishing or editing an event: kind, title, dates, audience, the agenda (speakers picked from the register of
 * people, or an outside speaker by name), the materials handed out, and the venues — one main venue at the bureau and
 * any number of sub-venues at the bureaus below it, each with its capacity and address or link. Once a unit has
 * registered, the venues are fixed (the server refuses to replace them) and shown read-only.
 */
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Flex, Form, Input, InputNumber, Modal, Select, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { TrainingAudience, TrainingKind } from '../../../shared/enums-trainings';
import { api, useApiErrorHandler } from '../../app/api';
import { useBusinessDate } from '../../app/business-date';
import { AttachmentsField, type FileRef } from '../../components/AttachmentsField';
import { buildJurisdictionTree, type JurisdictionNode, useJurisdictions } from '../../hooks/useJurisdictions';
import type { TrainingDetail } from './types';

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
  sessions: {
    title: string;
    startsAt?: string | null;
    speakerExpertId?: string | null;
    speakerName?: string | null;
    speakerTitle?: string | null;
  }[];
  materials: FileRef[];
}

/** The register's active people the organiser sees, as speaker options (name and organisation). */
function useSpeakerOptions() {
  const handleError = useApiErrorHandler();
  const [speakers, setSpeakers] = useState<{ value: string; label: string }[]>([]);
  useEffect(() => {
    api
      .get<{ items: { id: string; name: string; affiliation: string }[] }>('/experts', { active: 'true' })
      .then((page) => setSpeakers(page.items.map((e) => ({ value: e.id, label: `${e.name}（${e.affiliation}）` }))))
      .catch(handleError);
  }, [handleError]);
  return speakers;
}

/** The form's values of an existing event (edit mode). */
function valuesOf(event: TrainingDetail): FormValues {
  const row = (v: TrainingDetail['venues'][number]): VenueRow => ({
    name: v.name,
    hostJurisdictionCode: v.hostJurisdictionCode,
    capacity: v.capacity,
    address: v.address ?? v.onlineUrl ?? undefined,
  });
  const main = event.venues.find((v) => v.role === 'main')!;
  return {
    kind: event.kind,
    title: event.title,
    description: event.description ?? undefined,
    audience: event.audience,
    startsOn: event.startsOn,
    endsOn: event.endsOn,
    main: row(main),
    subs: event.venues.filter((v) => v.role === 'sub').map(row),
    sessions: event.sessions.map((s) => ({
      title: s.title,
      startsAt: s.startsAt,
      speakerExpertId: s.speakerExpertId,
      // A register speaker's name comes from the register; only an outside speaker's is typed.
      speakerName: s.speakerExpertId ? null : s.speakerName,
      speakerTitle: s.speakerTitle,
    })),
    materials: event.materials,
  };
}

function flatten(nodes: JurisdictionNode[]): { value: string; label: string }[] {
  return nodes.flatMap((n) => [{ value: n.code, label: n.name }, ...flatten(n.children ?? [])]);
}

export function TrainingFormModal({
  ownerJurisdictionCode,
  event,
  onClose,
  onSaved,
}: {
  ownerJurisdictionCode: string;
  /** The event to edit; absent: a new one. */
  event?: TrainingDetail;
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
  const speakers = useSpeakerOptions();
  const [saving, setSaving] = useState(false);
  const venuesFixed = event?.venues.some((v) => v.registered > 0) ?? false;

  const submit = async (v: FormValues) => {
    setSaving(true);
    // One field takes a room's address or an online meeting's link; a link is stored as the venue's link.
    const venue = ({ address, ...row }: VenueRow, role: 'main' | 'sub') =>
      address && /^https?:\/\//.test(address)
        ? { ...row, role, address: null, onlineUrl: address }
        : { ...row, role, address: address || null, onlineUrl: null };
    const fields = {
      kind: v.kind,
      title: v.title,
      description: v.description || null,
      audience: v.audience,
      startsOn: v.startsOn,
      endsOn: v.endsOn,
      sessions: (v.sessions ?? []).map((s) => ({
        title: s.title,
        startsAt: s.startsAt || null,
        speakerExpertId: s.speakerExpertId || null,
        speakerName: s.speakerExpertId ? null : s.speakerName || null,
        speakerTitle: s.speakerTitle || null,
      })),
      materials: v.materials ?? [],
    };
    const venues = [venue(v.main, 'main'), ...(v.subs ?? []).map((s) => venue(s, 'sub'))];
    try {
      if (event) {
        await api.patch(`/trainings/${event.id}`, {
          ...fields,
          ...(venuesFixed ? {} : { venues }),
          version: event.version,
        });
        message.success('活动已保存');
      } else {
        await api.post('/trainings', { ...fields, ownerJurisdictionCode, venues });
        message.success('活动已发布');
      }
      onSaved();
    } catch (error) {
      handleError(error, form);
    } finally {
      setSaving(false);
    }
  };

  const venueFields = (prefix: (string | number)[], label: string) => (
    <fieldset disabled={venuesFixed} style={{ border: 0, padding: 0, margin: 0 }}>
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
    </fieldset>
  );

  return (
    <Modal
      open
      title={event ? '编辑培训活动' : '发布培训活动'}
      width={860}
      onCancel={onClose}
      okText={event ? '保存' : '发布'}
      confirmLoading={saving}
      onOk={() => form.submit()}
    >
      <Form<FormValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={
          event
            ? valuesOf(event)
            : {
                kind: 'lecture',
                audience: 'registered_units',
                startsOn: date,
                endsOn: date,
                main: { hostJurisdictionCode: ownerJurisdictionCode, capacity: 100 },
                subs: [],
                sessions: [],
                materials: [],
              }
        }
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
        {venuesFixed && <Typography.Paragraph type="secondary">已有单位报名，会场不能再调整。</Typography.Paragraph>}
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
              <Button
                icon={<PlusOutlined />}
                disabled={venuesFixed}
                onClick={() => add({ capacity: 50 })}
                style={{ marginBottom: 16 }}
              >
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
                  <Form.Item name={[f.name, 'speakerExpertId']} label={`议程${i + 1}主讲人（人才库）`}>
                    <Select
                      options={speakers}
                      allowClear
                      showSearch
                      optionFilterProp="label"
                      placeholder="从人才库选择"
                      style={{ width: 'min(220px, calc(100vw - 80px))' }}
                    />
                  </Form.Item>
                  <Form.Item
                    noStyle
                    shouldUpdate={(a, b) =>
                      a.sessions?.[f.name]?.speakerExpertId !== b.sessions?.[f.name]?.speakerExpertId
                    }
                  >
                    {({ getFieldValue }) =>
                      getFieldValue(['sessions', f.name, 'speakerExpertId']) ? null : (
                        <Form.Item
                          name={[f.name, 'speakerName']}
                          label={`议程${i + 1}外部主讲人`}
                          rules={[{ required: true, message: '请从人才库选择或填写外部主讲人' }]}
                        >
                          <Input style={{ width: 120 }} />
                        </Form.Item>
                      )
                    }
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
              <Button icon={<PlusOutlined />} onClick={() => add()} style={{ marginBottom: 16 }}>
                添加议程
              </Button>
            </>
          )}
        </Form.List>
        <Form.Item name="materials" label="活动资料">
          <AttachmentsField buttonLabel="上传资料" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
