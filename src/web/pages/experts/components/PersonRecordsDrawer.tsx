/**
 * A person's records of use (GET /experts/:id/records): consultations and research, cases worked on, trainings
 * given or attended (the trainings module writes those), filtered by kind; officers add what they did with the person.
 */
import { App, Button, Card, Drawer, Flex, Form, Input, Select, Table, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { PersonRecordKind } from '../../../../shared/enums-people';
import { RightsStatus } from '../../../../shared/enums-rights';
import { api, useApiErrorHandler } from '../../../app/api';
import { DatePicker } from '../../../components/BusinessDatePicker';
import { required, textOrNull } from '../../../components/form-rules';
import type { Expert, ListOf, PersonRecord } from '../types';

const KIND_OPTIONS = PersonRecordKind.values.map((value) => ({ value, label: PersonRecordKind.labels[value] }));

interface RecordForm {
  kind: PersonRecordKind;
  occurredOn: Dayjs;
  title: string;
  description?: string;
  caseRef?: string;
  rightsClueId?: string;
}

/**
 * Picks a rights clue or case from the officer's own clue list (searched by number): the server links only a clue the
 * officer may see, so the choices are that list, not typed references.
 */
function RightsClueSelect({ id, value, onChange }: { id?: string; value?: string; onChange?: (v?: string) => void }) {
  const [options, setOptions] = useState<{ value: string; label: string }[]>([]);
  const search = useCallback((q: string) => {
    api
      .get<ListOf<{ id: string; clueNo: string; jurisdictionName: string; status: RightsStatus }>>('/rights/clues', {
        q: q || undefined,
        pageSize: 20,
      })
      .then((page) =>
        setOptions(
          page.items.map((c) => ({
            value: c.id,
            label: `${c.clueNo}（${c.jurisdictionName}，${RightsStatus.labels[c.status]}）`,
          })),
        ),
      )
      .catch(() => setOptions([]));
  }, []);
  useEffect(() => search(''), [search]);
  return (
    <Select
      id={id}
      value={value}
      onChange={onChange}
      options={options}
      showSearch
      allowClear
      filterOption={false}
      onSearch={search}
      placeholder="输入线索编号搜索"
      style={{ width: 320 }}
    />
  );
}

export function PersonRecordsDrawer({ expert, onClose }: { expert: Expert; onClose: () => void }) {
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const [kind, setKind] = useState<PersonRecordKind | undefined>();
  const [items, setItems] = useState<PersonRecord[]>([]);
  const [loading, setLoading] = useState(true);
  const [form] = Form.useForm<RecordForm>();

  const load = useCallback(() => {
    setLoading(true);
    api
      .get<ListOf<PersonRecord>>(`/experts/${expert.id}/records`, { kind })
      .then((page) => setItems(page.items), handleError)
      .finally(() => setLoading(false));
  }, [expert.id, kind, handleError]);
  useEffect(load, [load]);

  const submit = async (values: RecordForm) => {
    try {
      await api.post(`/experts/${expert.id}/records`, {
        kind: values.kind,
        occurredOn: values.occurredOn.format('YYYY-MM-DD'),
        title: values.title.trim(),
        description: textOrNull(values.description),
        caseRef: textOrNull(values.caseRef),
        rightsClueId: values.rightsClueId ?? null,
      });
      message.success('已记录');
      form.resetFields();
      load();
    } catch (error) {
      handleError(error, form);
    }
  };

  return (
    <Drawer open title={`使用记录：${expert.name}`} size={880} onClose={onClose} destroyOnHidden>
      <Flex vertical gap={16}>
        <Select<PersonRecordKind>
          aria-label="记录类别"
          placeholder="全部类别"
          allowClear
          options={KIND_OPTIONS}
          value={kind}
          onChange={setKind}
          style={{ width: 200 }}
        />
        <Table<PersonRecord>
          aria-label="使用记录"
          rowKey="id"
          size="small"
          loading={loading}
          dataSource={items}
          scroll={{ x: 'max-content' }}
          pagination={false}
          locale={{ emptyText: '暂无记录' }}
          columns={[
            { title: '日期', dataIndex: 'occurredOn', key: 'occurredOn' },
            {
              title: '类别',
              dataIndex: 'kind',
              key: 'kind',
              render: (k: PersonRecordKind) => <Tag>{PersonRecordKind.labels[k]}</Tag>,
            },
            { title: '事项', dataIndex: 'title', key: 'title' },
            {
              title: '关联案件',
              dataIndex: 'caseRef',
              key: 'caseRef',
              render: (v: string | null, r) =>
                [r.rightsClueNo && `维权线索 ${r.rightsClueNo}`, v].filter(Boolean).join('；') || '—',
            },
            { title: '情况说明', dataIndex: 'description', key: 'description', render: (v: string | null) => v ?? '—' },
            { title: '记录人', dataIndex: 'recordedByName', key: 'recordedByName', render: (v) => v ?? '系统' },
          ]}
        />
        <Card size="small" title="新增使用记录">
          <Form<RecordForm> form={form} layout="vertical" onFinish={submit} aria-label="新增使用记录">
            <Flex gap={12} wrap>
              <Form.Item name="kind" label="类别" rules={[{ required: true, message: '请选择类别' }]}>
                <Select options={KIND_OPTIONS} style={{ width: 160 }} />
              </Form.Item>
              <Form.Item name="occurredOn" label="日期" rules={[{ required: true, message: '请选择日期' }]}>
                <DatePicker />
              </Form.Item>
              <Form.Item name="rightsClueId" label="关联维权线索或案件">
                <RightsClueSelect />
              </Form.Item>
              <Form.Item name="caseRef" label="平台外案件编号（选填）">
                <Input maxLength={200} style={{ width: 240 }} />
              </Form.Item>
            </Flex>
            <Form.Item name="title" label="事项" rules={[required('请填写事项')]}>
              <Input maxLength={200} />
            </Form.Item>
            <Form.Item name="description" label="情况说明">
              <Input.TextArea rows={2} maxLength={5000} />
            </Form.Item>
            <Button type="primary" htmlType="submit">
              保存记录
            </Button>
          </Form>
        </Card>
      </Flex>
    </Drawer>
  );
}
