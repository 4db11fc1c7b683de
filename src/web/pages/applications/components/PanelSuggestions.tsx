/**
 * Suggested panel members (GET …/panel/suggestions): acceptance experts ranked by industry and field match, spread
 * of organisations and current load, each with the reasons; experts left out for a conflict of interest are named
 * apart. The owning bureau seats one with a click.
 */
import { Alert, Button, Collapse, List, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { ExpertField } from '../../../../shared/enums';
import { Profession } from '../../../../shared/enums-people';
import { api } from '../../../app/api';

interface Suggestions {
  unitName: string;
  unitIndustry: string;
  items: {
    expertId: string;
    name: string;
    affiliation: string;
    profession: Profession | null;
    fields: ExpertField[];
    jurisdictionName: string;
    openAssignments: number;
    score: number;
    reasons: string[];
  }[];
  excluded: { expertId: string; name: string; affiliation: string; conflicts: string[] }[];
}

export function PanelSuggestions({
  applicationId,
  reloadKey,
  onAssign,
}: {
  applicationId: string;
  /** Changes when the panel changes. */
  reloadKey: string;
  onAssign: (expertId: string) => void;
}) {
  const [data, setData] = useState<Suggestions | null>(null);
  const [failed, setFailed] = useState(false);

  // biome-ignore lint/correctness/useExhaustiveDependencies: reloadKey asks for a reload
  useEffect(() => {
    api
      .get<Suggestions>(`/applications/${applicationId}/panel/suggestions`)
      .then((d) => {
        setData(d);
        setFailed(false);
      })
      .catch(() => setFailed(true));
  }, [applicationId, reloadKey]);

  if (failed || !data) return null;
  return (
    <Collapse
      size="small"
      defaultActiveKey={['suggestions']}
      items={[
        {
          key: 'suggestions',
          label: `推荐专家（按申报单位行业“${data.unitIndustry}”、领域、单位分布和在办任务排序，已排除利益冲突）`,
          children: (
            <Space direction="vertical" style={{ width: '100%' }}>
              <List
                aria-label="推荐专家"
                size="small"
                locale={{ emptyText: '暂无可推荐的验收专家' }}
                dataSource={data.items}
                renderItem={(item) => (
                  <List.Item
                    actions={[
                      <Button key="assign" size="small" onClick={() => onAssign(item.expertId)}>
                        指派
                      </Button>,
                    ]}
                  >
                    <List.Item.Meta
                      title={
                        <Space wrap size={4}>
                          <Typography.Text strong>{item.name}</Typography.Text>
                          <Typography.Text type="secondary">{item.affiliation}</Typography.Text>
                          {item.profession && <Tag>{Profession.labels[item.profession]}</Tag>}
                          {item.fields.map((f) => (
                            <Tag key={f} color="blue">
                              {ExpertField.labels[f]}
                            </Tag>
                          ))}
                          <Tag color="gold">推荐度 {item.score}</Tag>
                        </Space>
                      }
                      description={
                        <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                          {item.reasons.map((r) => (
                            <li key={r}>{r}</li>
                          ))}
                        </ul>
                      }
                    />
                  </List.Item>
                )}
              />
              {data.excluded.length > 0 && (
                <Alert
                  type="warning"
                  showIcon
                  message="以下专家因利益冲突未予推荐"
                  description={
                    <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                      {data.excluded.map((e) => (
                        <li key={e.expertId}>
                          {e.name}（{e.affiliation}）：{e.conflicts.join('；')}
                        </li>
                      ))}
                    </ul>
                  }
                />
              )}
            </Space>
          ),
        },
      ]}
    />
  );
}
