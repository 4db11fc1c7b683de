/**
 * An event's page: agenda, venues and materials; units register their attendees and keep each attendee's check-in
 * QR code, certificate and feedback here; host bureaus see their venue's list, check people in and record walk-ins;
 * organisers see the feedback summary.
 */
import { PaperClipOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Descriptions,
  Flex,
  Form,
  Input,
  Modal,
  Rate,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useParams } from 'react-router-dom';
import { TrainingAudience, TrainingKind, TrainingVenueRole } from '../../../shared/enums-trainings';
import { api, useApiErrorHandler } from '../../app/api';
import { useCurrentUser } from '../../app/auth';
import { DownloadButton } from '../../components/DownloadButton';
import { PageContainer } from '../../components/PageContainer';
import { PdfButton } from '../../components/PdfButton';
import { QrCode } from './QrCode';
import { TrainingFormModal } from './TrainingFormModal';
import type { Registration, TrainingDetail } from './types';

interface Summary {
  responses: number;
  questions: { id: string; type: string; text: string; answered: number; average: number | null; texts: string[] }[];
}

function FeedbackModal({
  event,
  registration,
  onClose,
}: {
  event: TrainingDetail;
  registration: Registration;
  onClose: (sent: boolean) => void;
}) {
  const [form] = Form.useForm();
  const handleError = useApiErrorHandler();
  const { message } = App.useApp();
  const submit = async (answers: Record<string, number | string>) => {
    const cleaned = Object.fromEntries(Object.entries(answers).filter(([, v]) => v !== undefined && v !== ''));
    try {
      await api.post(`/training-registrations/${registration.id}/feedback`, { answers: cleaned });
      message.success('感谢您的反馈');
      onClose(true);
    } catch (error) {
      handleError(error, form);
    }
  };
  return (
    <Modal
      open
      title={`活动反馈：${registration.attendeeName}`}
      onCancel={() => onClose(false)}
      onOk={() => form.submit()}
      okText="提交"
    >
      <Form form={form} layout="vertical" onFinish={submit}>
        {event.survey.map((q) => (
          <Form.Item
            key={q.id}
            name={q.id}
            label={q.text}
            rules={q.optional ? [] : [{ required: true, message: '请作答' }]}
          >
            {q.type === 'rating' ? <Rate /> : <Input.TextArea rows={2} />}
          </Form.Item>
        ))}
      </Form>
    </Modal>
  );
}

export default function TrainingDetailPage() {
  const { id } = useParams<{ id: string }>();
  const me = useCurrentUser();
  const { message, modal } = App.useApp();
  const handleError = useApiErrorHandler();
  const [event, setEvent] = useState<TrainingDetail | null>(null);
  const [editing, setEditing] = useState(false);
  const [registrations, setRegistrations] = useState<Registration[]>([]);
  const [summary, setSummary] = useState<Summary | null>(null);
  const [feedbackFor, setFeedbackFor] = useState<Registration | null>(null);
  const [registerForm] = Form.useForm();
  const [walkInForm] = Form.useForm();

  const load = useCallback(() => {
    api.get<TrainingDetail>(`/trainings/${id}`).then((e) => {
      setEvent(e);
      if (e.venues.some((v) => v.hosting)) api.get<Summary>(`/trainings/${id}/feedback`).then(setSummary, handleError);
    }, handleError);
    api
      .get<{ items: Registration[] }>(`/trainings/${id}/registrations`)
      .then((r) => setRegistrations(r.items), handleError);
  }, [id, handleError]);
  useEffect(load, [load]);
  if (!event) return null;

  const hosting = event.venues.some((v) => v.hosting);
  const isUnit = me.role === 'applicant' && me.unitId;
  const register = async (v: { venueId: string; names: string }) => {
    const names = v.names.split(/[，,、\s]+/).filter(Boolean);
    try {
      await api.post(`/trainings/${id}/registrations`, {
        venueId: v.venueId,
        unitId: me.unitId,
        attendees: names.map((name) => ({ name })),
      });
      message.success('报名成功');
      registerForm.resetFields(['names']);
      load();
    } catch (error) {
      handleError(error, registerForm);
    }
  };
  const checkIn = async (r: Registration) => {
    try {
      await api.post(`/training-registrations/${r.id}/check-in`);
      message.success(`${r.attendeeName}已签到`);
      load();
    } catch (error) {
      handleError(error);
    }
  };
  const walkIn = async (v: { venueId: string; unitName: string; name: string }) => {
    try {
      await api.post(`/trainings/${id}/walk-ins`, {
        venueId: v.venueId,
        unitName: v.unitName,
        attendee: { name: v.name },
      });
      message.success('已现场登记');
      walkInForm.resetFields(['name']);
      load();
    } catch (error) {
      handleError(error, walkInForm);
    }
  };
  /** Cancels the event or reopens it, after asking; the server tells the registered units either way. */
  const setCancelled = (cancelled: boolean) =>
    modal.confirm({
      title: cancelled ? '取消该活动？' : '恢复该活动？',
      content: cancelled
        ? '已报名的单位将收到取消通知，取消后不能再报名。'
        : '活动恢复后可继续报名，原报名继续有效，已报名的单位将收到恢复通知。',
      okText: cancelled ? '取消活动' : '恢复活动',
      okButtonProps: { danger: cancelled },
      cancelText: '返回',
      onOk: async () => {
        try {
          await api.patch(`/trainings/${event.id}`, { version: event.version, cancelled });
          message.success(cancelled ? '活动已取消，已通知报名单位' : '活动已恢复，已通知报名单位');
          load();
        } catch (error) {
          handleError(error);
        }
      },
    });
  const venueOptions = (only?: (v: TrainingDetail['venues'][number]) => boolean) =>
    event.venues
      .filter(only ?? (() => true))
      .map((v) => ({ value: v.id, label: `${TrainingVenueRole.labels[v.role]}：${v.name}` }));

  return (
    <PageContainer
      title={event.title}
      subTitle={TrainingKind.labels[event.kind]}
      extra={
        !event.canManage ? null : event.cancelled ? (
          <Button onClick={() => setCancelled(false)}>恢复活动</Button>
        ) : (
          <Space>
            <Button onClick={() => setEditing(true)}>编辑活动</Button>
            <Button danger onClick={() => setCancelled(true)}>
              取消活动
            </Button>
          </Space>
        )
      }
    >
      <Card>
        <Descriptions column={{ xs: 1, md: 2 }} size="small">
          <Descriptions.Item label="主办">{event.ownerName}市场监督管理局</Descriptions.Item>
          <Descriptions.Item label="日期">
            {event.startsOn === event.endsOn ? event.startsOn : `${event.startsOn} 至 ${event.endsOn}`}
          </Descriptions.Item>
          <Descriptions.Item label="参加对象">{TrainingAudience.labels[event.audience]}</Descriptions.Item>
          <Descriptions.Item label="状态">
            {event.cancelled ? <Tag color="red">已取消</Tag> : <Tag color="green">进行中</Tag>}
          </Descriptions.Item>
        </Descriptions>
        {event.description && <Typography.Paragraph>{event.description}</Typography.Paragraph>}
        {event.sessions.length > 0 && (
          <Typography.Paragraph>
            {event.sessions.map((s) => (
              <div key={s.id}>
                {s.startsAt ? `${s.startsAt} ` : ''}
                {s.title}（主讲：{s.speakerName}
                {s.speakerTitle ? `，${s.speakerTitle}` : ''}）
              </div>
            ))}
          </Typography.Paragraph>
        )}
        {event.materials.map((m) => (
          <DownloadButton
            key={m.sha256}
            path={`/trainings/${event.id}/materials/${m.sha256}`}
            icon={<PaperClipOutlined />}
            compact
          >
            {m.fileName}
          </DownloadButton>
        ))}
      </Card>
      <Card title="会场">
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={event.venues}
          scroll={{ x: 600 }}
          columns={[
            { title: '会场', render: (_, v) => `${TrainingVenueRole.labels[v.role]}：${v.name}` },
            { title: '承办', dataIndex: 'hostName', width: 100 },
            { title: '地址或链接', render: (_, v) => v.address ?? v.onlineUrl },
            { title: '报名/容量', width: 100, render: (_, v) => `${v.registered}/${v.capacity}` },
            { title: '已签到', dataIndex: 'checkedIn', width: 80 },
          ]}
        />
      </Card>
      {isUnit && !event.cancelled && (
        <Card title="报名">
          <Form form={registerForm} layout="inline" onFinish={register}>
            <Form.Item name="venueId" label="会场" rules={[{ required: true, message: '请选择会场' }]}>
              <Select options={venueOptions()} style={{ width: 'min(240px, calc(100vw - 80px))' }} />
            </Form.Item>
            <Form.Item name="names" label="参会人员" rules={[{ required: true, message: '请填写参会人员' }]}>
              <Input placeholder="多人用顿号分隔" style={{ width: 'min(240px, calc(100vw - 80px))' }} />
            </Form.Item>
            <Button type="primary" htmlType="submit">
              报名
            </Button>
          </Form>
        </Card>
      )}
      {hosting && !event.cancelled && (
        <Card title="现场登记">
          <Form form={walkInForm} layout="inline" onFinish={walkIn}>
            <Form.Item name="venueId" label="会场" rules={[{ required: true, message: '请选择会场' }]}>
              <Select
                options={venueOptions((v) => v.hosting === true)}
                style={{ width: 'min(200px, calc(100vw - 80px))' }}
              />
            </Form.Item>
            <Form.Item name="unitName" label="单位" rules={[{ required: true, message: '请填写单位' }]}>
              <Input style={{ width: 180 }} />
            </Form.Item>
            <Form.Item name="name" label="姓名" rules={[{ required: true, message: '请填写姓名' }]}>
              <Input style={{ width: 120 }} />
            </Form.Item>
            <Button htmlType="submit">登记并签到</Button>
          </Form>
        </Card>
      )}
      <Card title={isUnit ? '本单位报名' : '报名与签到'}>
        <Table<Registration>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={registrations}
          scroll={{ x: 640 }}
          columns={[
            { title: '姓名', dataIndex: 'attendeeName', width: 100 },
            { title: '单位', dataIndex: 'unitName' },
            { title: '会场', dataIndex: 'venueName', width: 120 },
            {
              title: '签到',
              width: 150,
              render: (_, r) =>
                r.checkedInAt ? (
                  <Tag color="green">已签到</Tag>
                ) : r.hosting ? (
                  <Button size="small" onClick={() => checkIn(r)}>
                    签到
                  </Button>
                ) : (
                  <Tag>未签到</Tag>
                ),
            },
            ...(isUnit
              ? [
                  {
                    title: '签到码与证明',
                    width: 220,
                    render: (_: unknown, r: Registration) =>
                      r.checkedInAt ? (
                        <Space direction="vertical">
                          <PdfButton path={`/training-registrations/${r.id}/certificate`} compact>
                            参训证明
                          </PdfButton>
                          {!r.feedbackAt && (
                            <Button size="small" onClick={() => setFeedbackFor(r)}>
                              填写反馈
                            </Button>
                          )}
                        </Space>
                      ) : (
                        <QrCode registrationId={r.id} label={`${r.attendeeName}的签到码`} />
                      ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      {summary && (
        <Card title={`反馈汇总（${summary.responses} 份）`}>
          <Flex vertical gap={4}>
            {summary.questions.map((q) => (
              <div key={q.id}>
                {q.text}：
                {q.type === 'rating' ? (q.average === null ? '暂无' : `${q.average} 分`) : q.texts.join('；') || '暂无'}
              </div>
            ))}
          </Flex>
        </Card>
      )}
      {editing && (
        <TrainingFormModal
          ownerJurisdictionCode={event.ownerJurisdictionCode}
          event={event}
          onClose={() => setEditing(false)}
          onSaved={() => {
            setEditing(false);
            load();
          }}
        />
      )}
      {feedbackFor && (
        <FeedbackModal
          event={event}
          registration={feedbackFor}
          onClose={(sent) => {
            setFeedbackFor(null);
            if (sent) load();
          }}
        />
      )}
    </PageContainer>
  );
}
