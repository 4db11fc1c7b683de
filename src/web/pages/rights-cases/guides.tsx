/**
 * /rights-cases/guides — the case-handling guides (办案指南): steps and documents of the newest version of each, a
 * template download per document, and for the city the guide as YAML to edit (saved as a new version).
 */
import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Card, Collapse, Input, List, Select, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { CaseGuide } from '../../../core/case-guides/schema';
import { api, useApiErrorHandler } from '../../app/api';
import { DownloadButton } from '../../components/DownloadButton';
import { PageContainer } from '../../components/PageContainer';

interface GuideSummary {
  id: string;
  title: string;
  version: number;
  ownerJurisdictionName: string;
}
interface GuideDetail extends GuideSummary {
  definition: CaseGuide;
  yaml: string;
  mayEdit: boolean;
}

export default function GuidesPage() {
  const handleError = useApiErrorHandler();
  const { message } = App.useApp();
  const [guides, setGuides] = useState<GuideSummary[]>([]);
  const [selected, setSelected] = useState<string | undefined>();
  const [guide, setGuide] = useState<GuideDetail | null>(null);
  const [yaml, setYaml] = useState('');
  useEffect(() => {
    api
      .get<{ items: GuideSummary[] }>('/rights/guides')
      .then((r) => {
        setGuides(r.items);
        setSelected((s) => s ?? r.items[0]?.id);
      })
      .catch(handleError);
  }, [handleError]);
  useEffect(() => {
    if (!selected) return;
    api
      .get<GuideDetail>(`/rights/guides/${selected}`)
      .then((g) => {
        setGuide(g);
        setYaml(g.yaml);
      })
      .catch(handleError);
  }, [selected, handleError]);
  const save = () =>
    api.post<GuideSummary>('/rights/guides', { yaml }).then((saved) => {
      message.success(`已保存为第 ${saved.version} 版`);
      setGuides((list) => list.map((g) => (g.id === selected ? saved : g)));
      setSelected(saved.id);
    }, handleError);
  return (
    <PageContainer title="办案指南" subTitle="商业秘密行政案件的办案步骤和文书（市级部门制定，区县部门执行）">
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <Select
          aria-label="选择办案指南"
          style={{ width: 'min(480px, calc(100vw - 80px))' }}
          value={selected}
          onChange={setSelected}
          options={guides.map((g) => ({
            value: g.id,
            label: `${g.title}（${g.ownerJurisdictionName}，第 ${g.version} 版）`,
          }))}
        />
        {guide && (
          <Card size="small" title={`${guide.title}（第 ${guide.version} 版）`}>
            {guide.definition.basis && (
              <Typography.Paragraph type="secondary">依据：{guide.definition.basis}</Typography.Paragraph>
            )}
            <List
              dataSource={guide.definition.steps}
              renderItem={(step, i) => (
                <List.Item key={step.kind} style={{ display: 'block' }}>
                  <Space wrap>
                    <Typography.Text strong>
                      {i + 1}. {step.name}
                    </Typography.Text>
                    {step.optional && <Tag>可选</Tag>}
                  </Space>
                  <Typography.Paragraph type="secondary" style={{ margin: '4px 0' }}>
                    {step.description}
                  </Typography.Paragraph>
                  <Space wrap>
                    {step.documents.map((d) => (
                      <DownloadButton
                        key={d.key}
                        compact
                        path={`/rights/guides/${guide.id}/templates/${d.key}`}
                        icon={<DownloadOutlined />}
                      >
                        {d.title}
                      </DownloadButton>
                    ))}
                  </Space>
                </List.Item>
              )}
            />
            {guide.mayEdit && (
              <Collapse
                items={[
                  {
                    key: 'edit',
                    label: '修改办案指南（YAML，保存为新版本；已立案案件沿用原版本）',
                    children: (
                      <Space direction="vertical" style={{ width: '100%' }}>
                        <Input.TextArea
                          aria-label="办案指南 YAML"
                          value={yaml}
                          onChange={(e) => setYaml(e.target.value)}
                          rows={20}
                          style={{ fontFamily: 'monospace' }}
                        />
                        <Button type="primary" onClick={save}>
                          保存为新版本
                        </Button>
                      </Space>
                    ),
                  },
                ]}
              />
            )}
          </Card>
        )}
      </Space>
    </PageContainer>
  );
}
