/**
 * The check-in page a registration's QR code opens, made for a phone at the door: who it is, from which unit, for
 * which venue, and one button for the host to check the attendee in.
 */
import { CheckCircleFilled } from '@ant-design/icons';
import { App, Button, Card, Descriptions, Result } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useParams } from 'react-router-dom';
import { TrainingKind } from '../../../shared/enums-trainings';
import { api, useApiErrorHandler } from '../../app/api';
import type { Registration } from './types';

interface Detail extends Registration {
  event: { id: string; title: string; kind: keyof typeof TrainingKind.labels; startsOn: string; ownerName: string };
  canCheckIn: boolean;
}

export default function CheckInPage() {
  const { id } = useParams<{ id: string }>();
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const [detail, setDetail] = useState<Detail | null>(null);
  const [busy, setBusy] = useState(false);
  const load = useCallback(() => {
    api.get<Detail>(`/training-registrations/${id}`).then(setDetail, handleError);
  }, [id, handleError]);
  useEffect(load, [load]);
  if (!detail) return null;
  const checkIn = async () => {
    setBusy(true);
    try {
      await api.post(`/training-registrations/${id}/check-in`);
      message.success('签到成功');
      load();
    } catch (error) {
      handleError(error);
      load();
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card title="现场签到" style={{ maxWidth: 480, margin: '0 auto' }}>
      <Descriptions column={1} size="small">
        <Descriptions.Item label="活动">{detail.event.title}</Descriptions.Item>
        <Descriptions.Item label="类型">{TrainingKind.labels[detail.event.kind]}</Descriptions.Item>
        <Descriptions.Item label="会场">{detail.venueName}</Descriptions.Item>
        <Descriptions.Item label="单位">{detail.unitName}</Descriptions.Item>
        <Descriptions.Item label="姓名">{detail.attendeeName}</Descriptions.Item>
      </Descriptions>
      {detail.checkedInAt ? (
        <Result icon={<CheckCircleFilled />} status="success" title="已签到" />
      ) : detail.cancelledAt ? (
        <Result status="warning" title="该报名已取消" />
      ) : detail.canCheckIn ? (
        <Button type="primary" size="large" block loading={busy} onClick={checkIn}>
          确认签到
        </Button>
      ) : (
        <Result status="info" title="待签到" subTitle="请向会场工作人员出示此签到码" />
      )}
    </Card>
  );
}
