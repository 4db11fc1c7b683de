/**
 * 联系企业 (officers, admins): the contact enterprises of the bureau's area with their liaison officer, contact
 * person, last contact and next due date, by district and due; designating a firm, logging a contact.
 */
import { PlusOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Drawer,
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Switch,
  Table,
  Tag,
  Timeline,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { ContactWay } from '../../../shared/enums-people';
import { api, useApiErrorHandler } from '../../app/api';
import { useCurrentUser } from '../../app/auth';
import { DatePicker } from '../../components/BusinessDatePicker';
import { required, textOrNull } from '../../components/form-rules';
import { JurisdictionTreeSelect } from '../../components/JurisdictionTreeSelect';
import { PageContainer } from '../../components/PageContainer';
import { UnitSelect } from '../../components/UnitSelect';

interface ContactFirm {
  id: string;
  unitId: string;
  unitName: string;
  jurisdictionName: string;
  designatedByName: string;
  liaisonOfficerId: string;
  liaisonName: string;
  contactName: string;
  contactPosition: string | null;
  contactPhone: string | null;
  intervalDays: number;
  designatedOn: string;
  note: string | null;
  active: boolean;
  lastContactOn: string | null;
  nextDueOn: string;
  due: boolean;
  version: number;
}
interface ContactFirmDetail extends ContactFirm {
  contacts: {
    id: string;
    contactedOn: string;
    way: ContactWay;
    content: string;
    sharedWithFirm: boolean;
    recordedByName: string | null;
  }[];
}

const WAY_OPTIONS = ContactWay.values.map((value) => ({ value, label: ContactWay.labels[value] }));

function LiaisonSelect({
  unitId,
  id,
  value,
  onChange,
}: {
  unitId?: string;
  id?: string;
  value?: string;
  onChange?: (v: string) => void;
}) {
  const [options, setOptions] = useState<{ value: string; label: string }[]>([]);
  useEffect(() => {
    if (!unitId) return setOptions([]);
    api
      // The server's own rule (the officers a designation accepts from this bureau), not a copy of it here.
      .get<{ items: { id: string; displayName: string; jurisdictionName: string }[] }>(
        `/units/${unitId}/liaison-candidates`,
      )
      .then((r) =>
        setOptions(r.items.map((u) => ({ value: u.id, label: `${u.displayName}（${u.jurisdictionName}）` }))),
      )
      .catch(() => setOptions([]));
  }, [unitId]);
  return <Select id={id} value={value} onChange={onChange} options={options} placeholder="先选择企业，再选择联络员" />;
}

function DesignateModal({ onClose }: { onClose: (saved: boolean) => void }) {
  const [form] = Form.useForm();
  const handleError = useApiErrorHandler();
  const unitId = Form.useWatch('unitId', form) as string | undefined;
  const submit = async (values: Record<string, unknown>) => {
    try {
      await api.post('/contact-firms', {
        unitId: values.unitId,
        liaisonOfficerId: values.liaisonOfficerId,
        contactName: String(values.contactName).trim(),
        contactPosition: textOrNull(values.contactPosition),
        contactPhone: textOrNull(values.contactPhone),
        ...(values.intervalDays ? { intervalDays: values.intervalDays } : {}),
        note: textOrNull(values.note),
      });
      onClose(true);
    } catch (error) {
      handleError(error, form);
    }
  };
  return (
    <Modal
      open
      title="确定联系企业"
      okText="保存"
      cancelText="取消"
      onOk={() => form.submit()}
      onCancel={() => onClose(false)}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={submit} aria-label="确定联系企业">
        <Form.Item name="unitId" label="企业" rules={[{ required: true, message: '请选择企业' }]}>
          <UnitSelect placeholder="输入企业名称或信用代码搜索" />
        </Form.Item>
        <Form.Item name="liaisonOfficerId" label="联络员" rules={[{ required: true, message: '请选择联络员' }]}>
          <LiaisonSelect unitId={unitId} />
        </Form.Item>
        <Form.Item name="contactName" label="企业联系人" rules={[required('请填写企业联系人')]}>
          <Input maxLength={50} />
        </Form.Item>
        <Flex gap={12} wrap>
          <Form.Item name="contactPosition" label="职务">
            <Input maxLength={50} />
          </Form.Item>
          <Form.Item name="contactPhone" label="联系电话">
            <Input maxLength={30} />
          </Form.Item>
          <Form.Item name="intervalDays" label="联系周期（天）" extra="不填按本部门默认周期">
            <InputNumber min={7} max={366} />
          </Form.Item>
        </Flex>
        <Form.Item name="note" label="备注">
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

interface LogValues {
  contactedOn: Dayjs;
  way: ContactWay;
  content: string;
  sharedWithFirm?: boolean;
}

function FirmDrawer({ firmId, onClose }: { firmId: string; onClose: (changed: boolean) => void }) {
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const [detail, setDetail] = useState<ContactFirmDetail | null>(null);
  const [changed, setChanged] = useState(false);
  const [form] = Form.useForm<LogValues>();
  useEffect(() => {
    api.get<ContactFirmDetail>(`/contact-firms/${firmId}`).then(setDetail, handleError);
  }, [firmId, handleError]);
  const submit = async (values: LogValues) => {
    try {
      const next = await api.post<ContactFirmDetail>(`/contact-firms/${firmId}/contacts`, {
        contactedOn: values.contactedOn.format('YYYY-MM-DD'),
        way: values.way,
        content: values.content.trim(),
        sharedWithFirm: values.sharedWithFirm ?? false,
      });
      setDetail(next);
      setChanged(true);
      form.resetFields();
      message.success('已记录联系');
    } catch (error) {
      handleError(error, form);
    }
  };
  return (
    <Drawer
      open
      size={720}
      title={detail ? `联系记录：${detail.unitName}` : '联系记录'}
      onClose={() => onClose(changed)}
      destroyOnHidden
    >
      {detail && (
        <Flex vertical gap={16}>
          <div>
            联络员：{detail.liaisonName}；企业联系人：{detail.contactName}
            {detail.contactPosition ? `（${detail.contactPosition}）` : ''} {detail.contactPhone ?? ''}；联系周期{' '}
            {detail.intervalDays} 天； 下次应联系：{detail.nextDueOn}
          </div>
          <Card size="small" title="记录一次联系">
            <Form form={form} layout="vertical" onFinish={submit} aria-label="记录联系">
              <Flex gap={12} wrap>
                <Form.Item name="contactedOn" label="联系日期" rules={[{ required: true, message: '请选择日期' }]}>
                  <DatePicker />
                </Form.Item>
                <Form.Item name="way" label="联系方式" rules={[{ required: true, message: '请选择联系方式' }]}>
                  <Select options={WAY_OPTIONS} style={{ width: 160 }} />
                </Form.Item>
              </Flex>
              <Form.Item name="content" label="联系内容" rules={[required('请填写联系内容')]}>
                <Input.TextArea rows={3} maxLength={5000} />
              </Form.Item>
              <Form.Item
                name="sharedWithFirm"
                valuePropName="checked"
                label="告知企业"
                extra="打开后企业可在“本单位”页看到这条记录，并收到通知；否则仅监管部门可见"
              >
                <Switch />
              </Form.Item>
              <Button type="primary" htmlType="submit">
                保存
              </Button>
            </Form>
          </Card>
          <Timeline
            items={detail.contacts.map((c) => ({
              children: (
                <div>
                  <strong>{c.contactedOn}</strong> <Tag>{ContactWay.labels[c.way]}</Tag>
                  {c.sharedWithFirm && <Tag color="blue">已告知企业</Tag>} {c.content}
                  {c.recordedByName ? `（${c.recordedByName}）` : ''}
                </div>
              ),
            }))}
          />
          {detail.contacts.length === 0 && <div>尚无联系记录</div>}
        </Flex>
      )}
    </Drawer>
  );
}

export default function ContactFirmsPage() {
  const me = useCurrentUser();
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const [district, setDistrict] = useState<string | undefined>();
  const [dueOnly, setDueOnly] = useState(false);
  const [items, setItems] = useState<ContactFirm[]>([]);
  const [loading, setLoading] = useState(true);
  const [designating, setDesignating] = useState(false);
  const [open, setOpen] = useState<string | null>(null);

  const load = useCallback(() => {
    setLoading(true);
    api
      .get<{ items: ContactFirm[] }>('/contact-firms', {
        jurisdictionCode: district,
        due: dueOnly ? 'true' : undefined,
      })
      .then((r) => setItems(r.items), handleError)
      .finally(() => setLoading(false));
  }, [district, dueOnly, handleError]);
  useEffect(load, [load]);

  return (
    <PageContainer
      title="联系企业"
      subTitle="本辖区及下级的联系企业、联络员与联系情况；到期未联系的标红"
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setDesignating(true)}>
          确定联系企业
        </Button>
      }
    >
      <Card size="small">
        <Flex vertical gap={12}>
          <Flex gap={12} wrap role="search" aria-label="联系企业查询">
            <JurisdictionTreeSelect
              aria-label="所在辖区"
              rootCode={me.role === 'admin' ? null : me.jurisdictionCode}
              value={district}
              onChange={setDistrict}
              allowClear
              placeholder="全部辖区"
              style={{ width: 220 }}
            />
            <Flex align="center" gap={8}>
              <Switch aria-label="只看到期" checked={dueOnly} onChange={setDueOnly} />
              只看到期应联系的
            </Flex>
          </Flex>
          <Table<ContactFirm>
            aria-label="联系企业名单"
            rowKey="id"
            loading={loading}
            dataSource={items}
            scroll={{ x: 'max-content' }}
            pagination={{ pageSize: 20, showTotal: (total) => `共 ${total} 家` }}
            columns={[
              { title: '企业', dataIndex: 'unitName', key: 'unitName' },
              { title: '所在辖区', dataIndex: 'jurisdictionName', key: 'jurisdictionName' },
              { title: '联络员', dataIndex: 'liaisonName', key: 'liaisonName' },
              {
                title: '企业联系人',
                key: 'contact',
                render: (_: unknown, f: ContactFirm) => `${f.contactName}${f.contactPhone ? ` ${f.contactPhone}` : ''}`,
              },
              { title: '联系周期', dataIndex: 'intervalDays', key: 'intervalDays', render: (d: number) => `${d} 天` },
              {
                title: '最近联系',
                dataIndex: 'lastContactOn',
                key: 'lastContactOn',
                render: (d: string | null) => d ?? '尚未联系',
              },
              {
                title: '下次应联系',
                dataIndex: 'nextDueOn',
                key: 'nextDueOn',
                render: (d: string, f: ContactFirm) => (f.due ? <Tag color="error">{d} 已到期</Tag> : d),
              },
              {
                title: '状态',
                dataIndex: 'active',
                key: 'active',
                render: (a: boolean) => (a ? <Tag color="green">联系中</Tag> : <Tag>已停止</Tag>),
              },
              {
                title: '操作',
                key: 'actions',
                render: (_: unknown, f: ContactFirm) => (
                  <Button type="link" size="small" onClick={() => setOpen(f.id)}>
                    联系记录
                  </Button>
                ),
              },
            ]}
          />
        </Flex>
      </Card>
      {designating && (
        <DesignateModal
          onClose={(saved) => {
            setDesignating(false);
            if (saved) {
              message.success('已确定联系企业');
              load();
            }
          }}
        />
      )}
      {open && (
        <FirmDrawer
          firmId={open}
          onClose={(changed) => {
            setOpen(null);
            if (changed) load();
          }}
        />
      )}
    </PageContainer>
  );
}
