/**
 * The applicant's "what to do next": programmes its unit may apply under (with deadline and days left on the
 * business date), its drafts, and for each of its applications what it waits for and the next step.
 */
import { Button, Card, Empty, Flex, List, Skeleton, Tag, Typography } from 'antd';
import { Link, useNavigate } from 'react-router-dom';
import { ProgrammeWindow } from '../../../components/ProgrammeWindowTag';
import { ApplicationStatusTag } from '../../applications/components/ApplicationStatusTag';
import type { ApplicantGuidance } from './guidance-types';
import { useGuidance } from './useGuidance';

export function ApplicantGuidanceCards() {
  const navigate = useNavigate();
  const guidance = useGuidance<ApplicantGuidance>('/guidance/applicant');

  if (!guidance) return <Skeleton active />;
  const open = guidance.programmes.filter((p) => p.window.state === 'open' || p.window.state === 'not_open');
  const drafts = guidance.applications.filter((a) => a.status === 'draft');
  const under = guidance.applications.filter((a) => a.status !== 'draft');

  return (
    <Flex vertical gap={16}>
      <Card size="small" title="可以申报的工作方案" data-testid="home-programmes">
        {open.length === 0 ? (
          <Empty description="目前没有正在受理申报的工作方案；可在“自评”中对已截止的方案练习自评" />
        ) : (
          <List
            dataSource={open}
            renderItem={(p) => (
              <List.Item
                data-testid="home-programme"
                actions={[
                  <Button key="assess" type="primary" onClick={() => navigate(`/self-assessment?programme=${p.id}`)}>
                    开始自评
                  </Button>,
                ]}
              >
                <List.Item.Meta
                  title={`${p.title}（${p.ownerJurisdictionName}）`}
                  description={
                    <Flex vertical gap={4}>
                      <ProgrammeWindow window={p.window} />
                      <Typography.Text type="secondary">
                        本单位可申报：{p.kinds.map((k) => k.name).join('、')}
                      </Typography.Text>
                    </Flex>
                  }
                />
              </List.Item>
            )}
          />
        )}
      </Card>

      <Card size="small" title="我的草稿" data-testid="home-drafts">
        {guidance.selfAssessments.length === 0 && drafts.length === 0 ? (
          <Empty description="暂无草稿：先在“自评”中对照评价标准自评，再转为申报" />
        ) : (
          <List
            size="small"
            dataSource={[
              ...guidance.selfAssessments.map((a) => ({
                key: `s-${a.id}`,
                title: `${a.programmeTitle} · ${a.kindName}`,
                tag: a.practice ? <Tag color="orange">练习</Tag> : <Tag>自评草稿</Tag>,
                hint: a.practice ? '练习自评，不能转为申报' : '下一步：完成自评后转为申报',
                href: `/self-assessment?open=${a.id}`,
                action: '继续自评',
              })),
              ...drafts.map((a) => ({
                key: `a-${a.id}`,
                title: `${a.programmeTitle} · ${a.kindName}`,
                tag: <ApplicationStatusTag status={a.status} />,
                hint: `下一步：填写申报表并提交（${a.window.state === 'open' ? `截止 ${a.window.closes}，还剩 ${a.window.daysLeft} 天` : '申报已截止'}）`,
                href: `/applications/${a.id}`,
                action: '继续填写',
              })),
            ]}
            renderItem={(item) => (
              <List.Item
                data-testid="home-draft"
                actions={[
                  <Link key="go" to={item.href}>
                    {item.action}
                  </Link>,
                ]}
              >
                <List.Item.Meta
                  title={
                    <Flex gap={8} align="center" wrap>
                      {item.tag}
                      {item.title}
                    </Flex>
                  }
                  description={item.hint}
                />
              </List.Item>
            )}
          />
        )}
      </Card>

      <Card size="small" title="我的申报进度" data-testid="home-applications">
        {under.length === 0 ? (
          <Empty description="暂无已提交的申报" />
        ) : (
          <List
            size="small"
            dataSource={under}
            renderItem={(a) => (
              <List.Item
                data-testid="home-application"
                actions={[
                  <Link key="open" to={`/applications/${a.id}`}>
                    {a.myActions.length > 0 ? `去${a.myActions.map((x) => x.label).join('/')}` : '查看'}
                  </Link>,
                ]}
              >
                <List.Item.Meta
                  title={
                    <Flex gap={8} align="center" wrap>
                      <ApplicationStatusTag status={a.status} />
                      {a.programmeTitle} · {a.kindName}
                    </Flex>
                  }
                  description={
                    <Typography.Text strong={a.waitingOn === 'applicant'} data-testid="next-step">
                      {a.nextStep}
                    </Typography.Text>
                  }
                />
              </List.Item>
            )}
          />
        )}
      </Card>
    </Flex>
  );
}
