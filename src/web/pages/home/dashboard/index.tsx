/**
 * Home: a welcome with the user's role, bureau or unit and the business date, then what to do next — for an
 * applicant the programmes it may apply to, its drafts and each application's next step; for an officer its
 * programmes' stage schedule, its to-do list and what is late — and figures from the totals of the lists the user
 * may read. An administrator also sees (and in a demonstration deployment moves) the business date.
 */
import { Button, Card, Col, Descriptions, Empty, Flex, Row, Skeleton, Statistic, Tag, Typography } from 'antd';
import { type ReactNode, useEffect, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { Role, UnitKind } from '../../../../shared/enums';
import { accessFor } from '../../../app/access';
import { api, useApiErrorHandler } from '../../../app/api';
import { useCurrentUser } from '../../../app/auth';
import { useBusinessDate } from '../../../app/business-date';
import type { CurrentUser, Page, UnitDetail } from '../../../app/types';
import { BusinessDateCard } from '../../../components/BusinessDateCard';
import { UnitKindTag } from '../../../components/UnitKindTag';
import { useJurisdictions } from '../../../hooks/useJurisdictions';
import { ApplicantGuidanceCards } from './ApplicantGuidanceCards';
import { KindChart, type KindCount } from './KindChart';
import { OfficerGuidanceCards } from './OfficerGuidanceCards';

interface Figures {
  units: number;
  byKind: KindCount[];
  audit: number;
  users: number | null;
}

const totalOf = async (path: string, query: Record<string, string | number> = {}) =>
  (await api.get<Page<unknown>>(path, { ...query, pageSize: 1 })).total;

function StatCard({
  title,
  value,
  suffix,
  action,
}: {
  title: string;
  value: ReactNode;
  suffix?: string;
  action?: ReactNode;
}) {
  return (
    <Card size="small">
      <Statistic title={title} value={value as number} suffix={suffix} />
      {action}
    </Card>
  );
}

/** What waits on the user: applications where it may act now (an expert: panels it has to score). */
function TodoCard({ path, title }: { path: string; title: string }) {
  const navigate = useNavigate();
  const [count, setCount] = useState<number | null>(null);
  useEffect(() => {
    totalOf('/applications', { todo: 'true' }).then(setCount, () => setCount(null));
  }, []);
  return (
    <StatCard
      title={title}
      value={count ?? '—'}
      suffix="件"
      action={
        <Button type="link" style={{ padding: 0 }} onClick={() => navigate(`${path}?todo=true`)}>
          去处理
        </Button>
      }
    />
  );
}

function BureauHome({ user }: { user: CurrentUser }) {
  const { date } = useBusinessDate();
  const navigate = useNavigate();
  const handleError = useApiErrorHandler();
  const { items: jurisdictions, byCode } = useJurisdictions();
  const [figures, setFigures] = useState<Figures | null>(null);
  const access = accessFor(user);

  useEffect(() => {
    let cancelled = false;
    Promise.all([
      totalOf('/units'),
      Promise.all(UnitKind.values.map((kind) => totalOf('/units', { kind }))),
      totalOf('/audit'),
      access.canManageUsers ? totalOf('/users') : Promise.resolve(null),
    ])
      .then(([units, kinds, audit, users]) => {
        if (cancelled) return;
        const byKind = UnitKind.values.map((kind, i) => ({ label: UnitKind.labels[kind], count: kinds[i] ?? 0 }));
        setFigures({ units, byKind, audit, users });
      })
      .catch((error: unknown) => {
        if (!cancelled) handleError(error);
      });
    return () => {
      cancelled = true;
    };
  }, [access.canManageUsers, handleError]);

  const own = user.jurisdictionCode ? byCode.get(user.jurisdictionCode) : undefined;
  const areaCount = own ? jurisdictions.filter((j) => j.path.startsWith(own.path)).length : jurisdictions.length;

  if (!figures) return <Skeleton active />;
  return (
    <Flex vertical gap={16}>
      <Row gutter={[16, 16]}>
        <Col xs={24} sm={12} lg={6}>
          <TodoCard path="/applications" title="待我处理的申报" />
        </Col>
        <Col xs={24} sm={12} lg={6}>
          <StatCard
            title={user.role === 'officer' ? '本辖区登记单位' : '登记单位'}
            value={figures.units}
            suffix="家"
            action={
              <Button type="link" style={{ padding: 0 }} onClick={() => navigate('/units')}>
                查看单位列表
              </Button>
            }
          />
        </Col>
        <Col xs={24} sm={12} lg={6}>
          <StatCard
            title={user.role === 'officer' ? '管辖区域（含下级）' : '辖区'}
            value={areaCount}
            suffix="个"
            action={
              <Button type="link" style={{ padding: 0 }} onClick={() => navigate('/jurisdictions')}>
                查看辖区
              </Button>
            }
          />
        </Col>
        <Col xs={24} sm={12} lg={6}>
          <StatCard
            title="操作日志"
            value={figures.audit}
            suffix="条"
            action={
              <Button type="link" style={{ padding: 0 }} onClick={() => navigate('/audit')}>
                查看操作日志
              </Button>
            }
          />
        </Col>
        {figures.users !== null && (
          <Col xs={24} sm={12} lg={6}>
            <StatCard
              title="账号"
              value={figures.users}
              suffix="个"
              action={
                <Button type="link" style={{ padding: 0 }} onClick={() => navigate('/admin/users')}>
                  账号管理
                </Button>
              }
            />
          </Col>
        )}
      </Row>
      {user.role === 'admin' && <BusinessDateCard />}
      {/* Keyed by the business date: moving it (the card above) re-reads what is late. */}
      <OfficerGuidanceCards key={date} />
      <Card size="small" title="各类型登记单位">
        {figures.units === 0 ? <Empty description="尚无登记单位" /> : <KindChart data={figures.byKind} />}
      </Card>
    </Flex>
  );
}

function ApplicantHome({ user }: { user: CurrentUser }) {
  const navigate = useNavigate();
  const handleError = useApiErrorHandler();
  const [unit, setUnit] = useState<UnitDetail | null>(null);
  useEffect(() => {
    if (!user.unitId) return;
    api.get<UnitDetail>(`/units/${user.unitId}`).then(setUnit, handleError);
  }, [user.unitId, handleError]);
  if (!user.unitId) return <Empty description="账号未绑定单位，请联系系统管理员" />;
  if (!unit) return <Skeleton active />;
  const liaisons = unit.contacts.filter((c) => c.role === 'liaison').length;
  const officers = unit.contacts.filter((c) => c.role === 'confidentiality_officer').length;
  return (
    <Card
      size="small"
      title="本单位"
      extra={
        <Button type="primary" onClick={() => navigate('/my-unit')}>
          查看本单位信息
        </Button>
      }
    >
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2 }}
        items={[
          { key: 'name', label: '单位名称', children: unit.name },
          { key: 'kind', label: '单位类型', children: <UnitKindTag kind={unit.kind} /> },
          { key: 'creditCode', label: '统一社会信用代码', children: unit.creditCode },
          { key: 'jurisdiction', label: '所属辖区', children: unit.jurisdictionName },
          { key: 'liaisons', label: '联络员', children: `${liaisons} 名` },
          { key: 'officers', label: '保密员', children: `${officers} 名` },
        ]}
      />
    </Card>
  );
}

function ExpertHome() {
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} sm={12} lg={6}>
        <TodoCard path="/reviews" title="待评审任务" />
      </Col>
      <Col xs={24} lg={18}>
        <Card size="small">
          <Typography.Paragraph style={{ margin: 0 }}>
            监管部门组建验收组并指派您后，申报材料出现在“我的评审任务”中；请逐项评分并填写评审意见。
          </Typography.Paragraph>
        </Card>
      </Col>
    </Row>
  );
}

export default function DashboardPage() {
  const user = useCurrentUser();
  const { today } = useBusinessDate();
  const { byCode } = useJurisdictions();
  const bureau = user.jurisdictionCode ? byCode.get(user.jurisdictionCode)?.name : undefined;
  return (
    <Flex vertical gap={16}>
      <Card>
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          您好，{user.displayName}
        </Typography.Title>
        <Flex gap={8} wrap align="center">
          <Typography.Text type="secondary">当前身份</Typography.Text>
          <Tag color="blue">{Role.labels[user.role]}</Tag>
          {bureau && <Typography.Text type="secondary">管辖区域：{bureau}</Typography.Text>}
          <Typography.Text type="secondary" data-testid="today">
            今天是 {today.format('YYYY年M月D日 dddd')}
          </Typography.Text>
        </Flex>
      </Card>
      {(user.role === 'officer' || user.role === 'admin') && <BureauHome user={user} />}
      {user.role === 'applicant' && (
        <>
          <Row gutter={[16, 16]}>
            <Col xs={24} sm={12} lg={6}>
              <TodoCard path="/applications" title="待本单位处理的申报" />
            </Col>
          </Row>
          <ApplicantGuidanceCards />
          <ApplicantHome user={user} />
        </>
      )}
      {user.role === 'expert' && <ExpertHome />}
    </Flex>
  );
}
