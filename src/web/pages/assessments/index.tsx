/**
 * 评估考核: the assessment schemes a bureau runs (and, once published, those assessing it). A bureau imports a scheme
 * file (YAML, format in docs/assessment-format.md); every problem is listed before anything is saved.
 */
import { UploadOutlined } from '@ant-design/icons';
import { Button, Card, Input, Modal, Table, Tag, Typography, Upload } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { ApiError, api, useApiErrorHandler } from '../../app/api';
import { PageContainer } from '../../components/PageContainer';
import { type SchemeSummary, STATUS_COLORS } from './assessment-types';

function ImportDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const navigate = useNavigate();
  const handleError = useApiErrorHandler();
  const [yaml, setYaml] = useState('');
  const [problems, setProblems] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);
  const submit = async () => {
    setSaving(true);
    setProblems([]);
    try {
      const created = await api.post<{ id: string }>('/assessments', { yaml });
      navigate(`/assessments/${created.id}`);
    } catch (error) {
      if (error instanceof ApiError && error.fields.length > 0) {
        setProblems(error.fields.map((f) => (f.path ? `${f.path}：${f.message}` : f.message)));
      } else handleError(error);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      title="导入评估考核方案"
      open={open}
      width={720}
      okText="导入为草稿"
      okButtonProps={{ disabled: yaml.trim() === '', loading: saving }}
      onOk={submit}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        选择方案文件（YAML）或粘贴其内容。方案导入后为草稿，发布后不可修改。
      </Typography.Paragraph>
      <Upload
        accept=".yaml,.yml,.txt"
        showUploadList={false}
        beforeUpload={(file) => {
          file.text().then(setYaml);
          return false;
        }}
      >
        <Button icon={<UploadOutlined />}>选择方案文件</Button>
      </Upload>
      <Input.TextArea
        aria-label="方案内容"
        rows={12}
        value={yaml}
        onChange={(e) => setYaml(e.target.value)}
        style={{ marginTop: 12, fontFamily: 'monospace' }}
      />
      {problems.length > 0 && (
        <Card size="small" title={`方案有 ${problems.length} 处问题`} style={{ marginTop: 12 }} data-testid="problems">
          <ul style={{ margin: 0, paddingLeft: 20 }}>
            {problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </Card>
      )}
    </Modal>
  );
}

export default function AssessmentsPage() {
  const handleError = useApiErrorHandler();
  const [items, setItems] = useState<SchemeSummary[] | null>(null);
  const [importing, setImporting] = useState(false);
  const load = useCallback(() => {
    api.get<{ items: SchemeSummary[] }>('/assessments').then((r) => setItems(r.items), handleError);
  }, [handleError]);
  useEffect(load, [load]);

  return (
    <PageContainer
      title="评估考核"
      subTitle="对下级监管部门商业秘密保护工作的评估考核：方案、评分、排名与通报表扬"
      extra={<Button onClick={() => setImporting(true)}>导入考核方案</Button>}
    >
      <Card>
        <Table<SchemeSummary>
          rowKey="id"
          loading={items === null}
          dataSource={items ?? []}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: '暂无评估考核方案' }}
          pagination={false}
          columns={[
            { title: '年度', dataIndex: 'year', width: 80 },
            {
              title: '方案',
              dataIndex: 'title',
              render: (title: string, r) => <Link to={`/assessments/${r.id}`}>{title}</Link>,
            },
            { title: '考核机关', dataIndex: 'issuer' },
            {
              title: '指标',
              key: 'points',
              render: (_: unknown, r) => `${r.indicatorCount} 项，共 ${r.totalPoints} 分`,
            },
            {
              title: '状态',
              dataIndex: 'statusLabel',
              render: (label: string, r) => <Tag color={STATUS_COLORS[r.status]}>{label}</Tag>,
            },
          ]}
        />
      </Card>
      {importing && <ImportDialog open onClose={() => setImporting(false)} />}
    </PageContainer>
  );
}
