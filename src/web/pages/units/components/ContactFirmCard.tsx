/**
 * The unit's side of being a contact firm (联系企业): who designated it, its liaison officer and the contact log
 * entries the bureau shared with it. Nothing is shown for a unit that is no contact firm.
 */
import { Card, Descriptions, Tag, Timeline, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { ContactWay } from '../../../../shared/enums-people';
import { api, useApiErrorHandler } from '../../../app/api';

interface UnitContactFirm {
  active: boolean;
  designatedOn: string;
  designatedByName: string;
  liaisonName: string;
  liaisonPhone: string | null;
  contactName: string;
  lastContactOn: string | null;
  contacts: { id: string; contactedOn: string; way: ContactWay; content: string; recordedByName: string | null }[];
}

export function ContactFirmCard({ unitId }: { unitId: string }) {
  const handleError = useApiErrorHandler();
  const [firm, setFirm] = useState<UnitContactFirm | null>(null);
  useEffect(() => {
    api
      .get<{ contactFirm: UnitContactFirm | null }>(`/units/${unitId}/contact-firm`)
      .then((r) => setFirm(r.contactFirm), handleError);
  }, [unitId, handleError]);
  if (!firm) return null;
  return (
    <Card
      title="联系企业"
      extra={firm.active ? <Tag color="blue">联系企业</Tag> : <Tag>已停止联系</Tag>}
      style={{ marginTop: 16 }}
    >
      <Descriptions size="small" column={{ xs: 1, md: 2 }}>
        <Descriptions.Item label="确定部门">{firm.designatedByName}市场监督管理局</Descriptions.Item>
        <Descriptions.Item label="确定日期">{firm.designatedOn}</Descriptions.Item>
        <Descriptions.Item label="联络员">
          {firm.liaisonName}
          {firm.liaisonPhone ? `（${firm.liaisonPhone}）` : ''}
        </Descriptions.Item>
        <Descriptions.Item label="本单位联系人">{firm.contactName}</Descriptions.Item>
        <Descriptions.Item label="最近联系">{firm.lastContactOn ?? '尚无'}</Descriptions.Item>
      </Descriptions>
      <Typography.Title level={5}>联络员告知的事项</Typography.Title>
      {firm.contacts.length === 0 ? (
        <Typography.Text type="secondary">暂无</Typography.Text>
      ) : (
        <Timeline
          items={firm.contacts.map((c) => ({
            children: (
              <div>
                <strong>{c.contactedOn}</strong> <Tag>{ContactWay.labels[c.way]}</Tag> {c.content}
                {c.recordedByName ? `（${c.recordedByName}）` : ''}
              </div>
            ),
          }))}
        />
      )}
    </Card>
  );
}
