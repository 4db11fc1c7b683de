/**
 * /rights/settings — the rules every clue runs on and the rights centres. Everyone in the module reads them; an
 * officer of a municipal (or higher) bureau changes a clock's period or the criminal threshold (with its source)
 * and designates a zone of its area as a rights centre routing to a competent bureau.
 */
import { App, Card, Form, Input, InputNumber, Space, Table, Typography } from 'antd';
import type { RightsClockRule, RightsCriminalThreshold } from '../../../shared/data/rights-rules';
import { isCityOrAbove } from '../../../shared/enums';
import { RightsClockUnit } from '../../../shared/enums-rights';
import { api } from '../../app/api';
import { useAuth } from '../../app/auth';
import { JurisdictionTreeSelect } from '../../components/JurisdictionTreeSelect';
import { LoadError } from '../../components/LoadError';
import { PageContainer } from '../../components/PageContainer';
import { PageLoading } from '../../components/PageLoading';
import { useRecord } from '../../hooks/useRecord';
import { ActionForm } from '../rights-cases/ActionForm';

type ClockRule = RightsClockRule & { version: number };
interface Rules {
  clocks: ClockRule[];
  threshold: RightsCriminalThreshold & { version: number };
}
interface Centre {
  id: string;
  name: string;
  jurisdictionName: string;
  routesToName: string;
  designatedOn: string;
}

const SourceField = () => (
  <Form.Item name="source" label="依据" rules={[{ required: true, whitespace: true, message: '请填写依据' }]}>
    <Input.TextArea rows={3} maxLength={2000} />
  </Form.Item>
);

export default function RightsSettings() {
  const { user } = useAuth();
  const { message } = App.useApp();
  const rules = useRecord<Rules>('/rights/rules');
  const centres = useRecord<Centre[]>('/rights/centres');
  const mayEdit = user?.role === 'officer' && isCityOrAbove(user.jurisdictionLevel);
  if (rules.error) return <LoadError error={rules.error} what="维权规则" onRetry={rules.reload} />;
  if (!rules.data || !centres.data) return <PageLoading />;
  const saved = (next: Rules) => {
    rules.setData(next);
    message.success('规则已修改，新登记的线索按新规则计算期限');
  };
  const put = (code: string, body: Record<string, unknown>) => api.put<Rules>(`/rights/rules/${code}`, body);
  const { threshold } = rules.data;
  return (
    <PageContainer title="维权规则与维权中心">
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <Card
          size="small"
          title="刑事移送标准"
          extra={
            mayEdit && (
              <ActionForm<Rules>
                label="修改移送标准"
                title={`修改${threshold.name}`}
                initialValues={{ amountYuan: threshold.amountYuan, source: threshold.source }}
                submit={(v) => put(threshold.code, { ...v, version: threshold.version })}
                onDone={saved}
              >
                <Form.Item
                  name="amountYuan"
                  label="金额（元）"
                  rules={[
                    { required: true, message: '请填写金额' },
                    { type: 'number', min: 1, message: '金额至少为1元' },
                  ]}
                >
                  <InputNumber precision={0} style={{ width: 200 }} />
                </Form.Item>
                <SourceField />
              </ActionForm>
            )
          }
        >
          <Typography.Paragraph data-testid="rights-threshold">
            {threshold.name}：{threshold.amountYuan.toLocaleString('zh-CN')} 元
          </Typography.Paragraph>
          <Typography.Text type="secondary">{threshold.source}</Typography.Text>
        </Card>
        <Card size="small" title="办理期限">
          <Table<ClockRule>
            rowKey="code"
            size="small"
            pagination={false}
            scroll={{ x: 700 }}
            dataSource={rules.data.clocks}
            columns={[
              { title: '期限', dataIndex: 'name' },
              {
                title: '时限',
                key: 'period',
                render: (_, r) => `${r.period} ${RightsClockUnit.labels[r.unit]}`,
              },
              {
                title: '可延长',
                key: 'extension',
                render: (_, r) =>
                  r.maxExtensions > 0
                    ? `${r.maxExtensions} 次，每次 ${r.extensionPeriod} ${RightsClockUnit.labels[r.unit]}`
                    : '不可延长',
              },
              {
                title: '依据',
                dataIndex: 'source',
                render: (v: string) => <Typography.Text type="secondary">{v}</Typography.Text>,
              },
              ...(mayEdit
                ? [
                    {
                      title: '操作',
                      key: 'edit',
                      render: (_: unknown, r: ClockRule) => (
                        <ActionForm<Rules>
                          label="修改期限"
                          title={`修改期限：${r.name}`}
                          buttonProps={{ 'aria-label': `修改期限：${r.name}` }}
                          initialValues={{ period: r.period, extensionPeriod: r.extensionPeriod, source: r.source }}
                          submit={(v) => put(r.code, { ...v, version: r.version })}
                          onDone={saved}
                        >
                          <Form.Item
                            name="period"
                            label={`时限（${RightsClockUnit.labels[r.unit]}）`}
                            rules={[
                              { required: true, message: '请填写时限' },
                              { type: 'number', min: 1, message: '期限至少为1' },
                            ]}
                          >
                            <InputNumber precision={0} />
                          </Form.Item>
                          <Form.Item
                            name="extensionPeriod"
                            label={`每次延长（${RightsClockUnit.labels[r.unit]}）`}
                            rules={[{ type: 'number', min: 0, message: '延长期限不能为负数' }]}
                          >
                            <InputNumber precision={0} />
                          </Form.Item>
                          <SourceField />
                        </ActionForm>
                      ),
                    },
                  ]
                : []),
            ]}
          />
        </Card>
        <Card
          size="small"
          title="维权中心"
          extra={
            mayEdit && (
              <ActionForm
                label="设立维权中心"
                title="设立维权中心（代本区域企业受理维权申请）"
                submit={(v) => api.post('/rights/centres', v)}
                onDone={() => {
                  message.success('已设立维权中心');
                  centres.reload();
                }}
              >
                <Form.Item name="name" label="维权中心名称" rules={[{ required: true, message: '请填写维权中心名称' }]}>
                  <Input maxLength={100} />
                </Form.Item>
                <Form.Item
                  name="jurisdictionCode"
                  label="所在区域"
                  rules={[{ required: true, message: '请选择设立维权中心的区域' }]}
                >
                  <JurisdictionTreeSelect rootCode={user?.jurisdictionCode} />
                </Form.Item>
                <Form.Item
                  name="routesToCode"
                  label="线索移交的管辖部门"
                  rules={[{ required: true, message: '请选择线索移交的管辖部门' }]}
                >
                  <JurisdictionTreeSelect rootCode={user?.jurisdictionCode} />
                </Form.Item>
              </ActionForm>
            )
          }
        >
          <Table<Centre>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={centres.data}
            locale={{ emptyText: '尚未设立维权中心' }}
            columns={[
              { title: '维权中心', dataIndex: 'name' },
              { title: '所在区域', dataIndex: 'jurisdictionName' },
              { title: '线索移交', dataIndex: 'routesToName' },
              { title: '设立日期', dataIndex: 'designatedOn' },
            ]}
          />
        </Card>
      </Space>
    </PageContainer>
  );
}
