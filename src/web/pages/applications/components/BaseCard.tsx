/**
 * The certified base of an application: its certificate and decision, a link to its public registry page, and its
 * annual reviews (动态管理) — which the certifying bureau records here.
 */
import { App, Button, Card, Descriptions, Flex, Form, Input, InputNumber, Radio, Table, Tag } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { api, useApiErrorHandler } from '../../../app/api';
import { documentUrls } from '../../../app/documents';
import { PdfButton } from '../../../components/PdfButton';
import type { ApplicationDetail } from '../application-types';

interface Review {
  year: number;
  passed: boolean;
  findings: string;
}

export function BaseCard({ application }: { application: ApplicationDetail }) {
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const [form] = Form.useForm<Review>();
  const [reviews, setReviews] = useState<Review[]>([]);
  /** Whether the reader holds the base's papers (the registry says so; an expert on the panel does not). */
  const [holder, setHolder] = useState(false);
  const base = application.base;
  const certificateNo = base?.certificateNo;
  const load = useCallback(() => {
    if (!certificateNo) return;
    api
      .get<{ reviews: Review[]; documents: { holder: boolean } }>(`/registry/${encodeURIComponent(certificateNo)}`)
      .then((d) => {
        setReviews(d.reviews);
        setHolder(d.documents.holder);
      }, handleError);
  }, [certificateNo, handleError]);
  useEffect(load, [load]);
  if (!base) return null;
  const mayReview =
    !base.revokedOn && (application.roles.includes('owner_officer') || application.roles.includes('admin'));

  return (
    <Card title="示范基地" extra={<Link to={`/registry/${encodeURIComponent(base.certificateNo)}`}>名录中查看</Link>}>
      <Descriptions size="small" column={{ xs: 1, md: 2 }}>
        <Descriptions.Item label="证书编号">{base.certificateNo}</Descriptions.Item>
        <Descriptions.Item label="认定文号">{base.decisionNumber ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="认定日期">{base.decidedOn}</Descriptions.Item>
        <Descriptions.Item label="状态">
          {base.revokedOn ? <Tag color="error">{`已于 ${base.revokedOn} 撤销`}</Tag> : <Tag color="success">有效</Tag>}
        </Descriptions.Item>
      </Descriptions>
      <Flex gap={8} wrap style={{ margin: '8px 0 12px' }}>
        {holder && !base.revokedOn && (
          <>
            <PdfButton path={documentUrls.certificate(base.certificateNo)}>下载认定证书</PdfButton>
            <PdfButton path={documentUrls.plaque(base.certificateNo)}>下载牌匾</PdfButton>
          </>
        )}
        <PdfButton path={documentUrls.certificationList(base.certificateNo)}>下载认定名单</PdfButton>
      </Flex>
      <Table
        size="small"
        rowKey="year"
        pagination={false}
        dataSource={reviews}
        locale={{ emptyText: '暂无年度复核记录' }}
        columns={[
          { title: '年度', dataIndex: 'year', width: 80 },
          {
            title: '结论',
            dataIndex: 'passed',
            width: 100,
            render: (p: boolean) => (p ? <Tag color="success">通过</Tag> : <Tag color="error">未通过</Tag>),
          },
          { title: '复核情况', dataIndex: 'findings' },
        ]}
      />
      {mayReview && (
        <Form
          form={form}
          layout="inline"
          style={{ marginTop: 12 }}
          aria-label="年度复核"
          onFinish={async (values) => {
            try {
              const detail = await api.post<{ reviews: Review[] }>(
                `/registry/${encodeURIComponent(base.certificateNo)}/reviews`,
                values,
              );
              setReviews(detail.reviews);
              form.resetFields();
              message.success('年度复核已记录');
            } catch (error) {
              handleError(error, form);
            }
          }}
        >
          <Form.Item name="year" label="年度" rules={[{ required: true, message: '请填写年度' }]}>
            <InputNumber min={2000} max={2100} />
          </Form.Item>
          <Form.Item name="passed" label="结论" rules={[{ required: true, message: '请选择' }]}>
            <Radio.Group
              options={[
                { value: true, label: '通过' },
                { value: false, label: '未通过' },
              ]}
            />
          </Form.Item>
          <Form.Item name="findings" label="复核情况" rules={[{ required: true, message: '请填写复核情况' }]}>
            <Input style={{ width: 260 }} />
          </Form.Item>
          <Button htmlType="submit">记录年度复核</Button>
        </Form>
      )}
    </Card>
  );
}
