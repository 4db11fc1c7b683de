/**
 * A unit's profile: its registration data, contacts, and its links to a park, an association, members or tenants.
 * Shown at /units/:id and, for applicants, at /my-unit.
 */
import { EditOutlined, HistoryOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, type DescriptionsProps, Flex, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import { Link, useLocation, useNavigate } from 'react-router-dom';
import { industryLabel } from '../../../../shared/data/industries';
import { ContactRole } from '../../../../shared/enums';
import { accessFor, canEditUnit } from '../../../app/access';
import { useCurrentUser } from '../../../app/auth';
import type { FieldMessage, UnitContact, UnitDetail, UnitRef } from '../../../app/types';
import { LoadError } from '../../../components/LoadError';
import { PageContainer } from '../../../components/PageContainer';
import { PageLoading } from '../../../components/PageLoading';
import { UnitKindTag } from '../../../components/UnitKindTag';
import { useJurisdictions } from '../../../hooks/useJurisdictions';
import { COMMON, CONTACT_FIELDS, UNIT_FIELDS } from '../../../locales/zh-CN';
import { useUnitDetail } from './useUnitDetail';

interface SavedState {
  saved?: 'created' | 'updated';
  warnings?: FieldMessage[];
}

const text = (value: string | number | null | undefined): ReactNode =>
  value === null || value === undefined || value === '' ? COMMON.empty : value;

function UnitLink({ unit, linked }: { unit: UnitRef; linked: boolean }) {
  return linked ? <Link to={`/units/${unit.id}`}>{unit.name}</Link> : <span>{unit.name}</span>;
}

function SavedNotice({ state }: { state: SavedState | null }) {
  if (!state?.saved) return null;
  const warnings = state.warnings ?? [];
  return (
    <Flex vertical gap={8}>
      <Alert type="success" showIcon title={state.saved === 'created' ? '单位已登记' : '单位信息已保存'} />
      {warnings.length > 0 && (
        <Alert
          type="warning"
          showIcon
          title="已保存，但请核实以下内容"
          description={
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {warnings.map((w) => (
                <li key={`${w.path}:${w.message}`}>{w.message}</li>
              ))}
            </ul>
          }
          data-testid="save-warnings"
        />
      )}
    </Flex>
  );
}

function UnitProfileView({ unit }: { unit: UnitDetail }) {
  const user = useCurrentUser();
  const navigate = useNavigate();
  const location = useLocation();
  const { byCode } = useJurisdictions();
  const access = accessFor(user);
  // Applicants can open only their own unit, so links to others would lead to "not found".
  const linkUnits = user.role !== 'applicant';
  const jurisdiction = byCode.get(unit.jurisdictionCode);
  const parent = jurisdiction?.parentCode ? byCode.get(jurisdiction.parentCode) : undefined;

  const items: DescriptionsProps['items'] = [
    { key: 'name', label: UNIT_FIELDS.name, children: unit.name, span: 2 },
    { key: 'kind', label: UNIT_FIELDS.kind, children: <UnitKindTag kind={unit.kind} /> },
    {
      key: 'creditCode',
      label: UNIT_FIELDS.creditCode,
      children: (
        <Typography.Text copyable style={{ fontFamily: 'monospace' }}>
          {unit.creditCode}
        </Typography.Text>
      ),
    },
    { key: 'legalRepresentative', label: UNIT_FIELDS.legalRepresentative, children: unit.legalRepresentative },
    {
      key: 'jurisdiction',
      label: UNIT_FIELDS.jurisdictionCode,
      children: `${parent && parent.level !== 'national' ? `${parent.name} ` : ''}${unit.jurisdictionName}`,
    },
    { key: 'address', label: UNIT_FIELDS.address, children: unit.address, span: 2 },
    { key: 'postcode', label: UNIT_FIELDS.postcode, children: unit.postcode },
    {
      key: 'industry',
      label: UNIT_FIELDS.industryCode,
      children: industryLabel(unit.industryCode) ?? unit.industryCode,
    },
    { key: 'staffCount', label: UNIT_FIELDS.staffCount, children: text(unit.staffCount) },
    {
      key: 'annualOutput',
      label: UNIT_FIELDS.annualOutput,
      children: unit.annualOutput === null ? COMMON.empty : unit.annualOutput.toLocaleString('zh-CN'),
    },
  ];
  if (unit.kind !== 'park') {
    items.push({
      key: 'park',
      label: UNIT_FIELDS.parkId,
      children: unit.park ? <UnitLink unit={unit.park} linked={linkUnits} /> : '不在园区内',
    });
  }
  if (unit.memberOf.length > 0) {
    items.push({
      key: 'memberOf',
      label: '所属协会/商会',
      children: (
        <Flex gap={8} wrap>
          {unit.memberOf.map((a) => (
            <UnitLink key={a.id} unit={a} linked={linkUnits} />
          ))}
        </Flex>
      ),
    });
  }
  items.push(
    { key: 'createdAt', label: '登记时间', children: dayjs(unit.createdAt).format('YYYY-MM-DD HH:mm') },
    { key: 'updatedAt', label: '最近修改', children: dayjs(unit.updatedAt).format('YYYY-MM-DD HH:mm') },
  );

  return (
    <PageContainer
      title={unit.name}
      subTitle={<UnitKindTag kind={unit.kind} />}
      extra={
        <>
          {access.canReadAudit && (
            <Button icon={<HistoryOutlined />} onClick={() => navigate(`/audit?entityType=unit&entityId=${unit.id}`)}>
              操作记录
            </Button>
          )}
          {canEditUnit(user, unit.id) && (
            <Button type="primary" icon={<EditOutlined />} onClick={() => navigate(`/units/${unit.id}/edit`)}>
              修改信息
            </Button>
          )}
        </>
      }
    >
      <SavedNotice state={location.state as SavedState | null} />
      <Card title="登记信息" size="small">
        <Descriptions bordered size="small" column={{ xs: 1, md: 2, xl: 3 }} items={items} />
      </Card>
      <Card title="联络员与保密员" size="small">
        <Table<UnitContact>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={unit.contacts}
          locale={{ emptyText: '尚未登记联络员和保密员' }}
          scroll={{ x: 'max-content' }}
          columns={[
            {
              title: CONTACT_FIELDS.role,
              dataIndex: 'role',
              render: (role: UnitContact['role']) => (
                <Tag color={role === 'liaison' ? 'blue' : 'volcano'}>{ContactRole.labels[role]}</Tag>
              ),
            },
            { title: CONTACT_FIELDS.name, dataIndex: 'name' },
            { title: CONTACT_FIELDS.department, dataIndex: 'department', render: text },
            { title: CONTACT_FIELDS.position, dataIndex: 'position', render: text },
            { title: CONTACT_FIELDS.officePhone, dataIndex: 'officePhone', render: text },
            { title: CONTACT_FIELDS.mobile, dataIndex: 'mobile', render: text },
            { title: CONTACT_FIELDS.email, dataIndex: 'email', render: text },
            { title: CONTACT_FIELDS.remark, dataIndex: 'remark', render: text },
          ]}
        />
      </Card>
      {unit.kind === 'association' && (
        <Card title={`会员单位（${unit.members.length}）`} size="small">
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={unit.members}
            locale={{ emptyText: '尚未登记会员单位' }}
            columns={[
              {
                title: UNIT_FIELDS.name,
                dataIndex: 'name',
                render: (_: string, m: UnitRef) => <UnitLink unit={m} linked={linkUnits} />,
              },
              {
                title: UNIT_FIELDS.kind,
                dataIndex: 'kind',
                render: (k: UnitDetail['kind']) => <UnitKindTag kind={k} />,
              },
              { title: UNIT_FIELDS.creditCode, dataIndex: 'creditCode' },
            ]}
          />
        </Card>
      )}
      {unit.kind === 'park' && (
        <Card title={`入驻单位（${unit.parkTenants.length}）`} size="small">
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={unit.parkTenants}
            locale={{ emptyText: '尚无登记在本园区的单位' }}
            columns={[
              {
                title: UNIT_FIELDS.name,
                dataIndex: 'name',
                render: (_: string, t: UnitRef) => <UnitLink unit={t} linked={linkUnits} />,
              },
              {
                title: UNIT_FIELDS.kind,
                dataIndex: 'kind',
                render: (k: UnitDetail['kind']) => <UnitKindTag kind={k} />,
              },
            ]}
          />
        </Card>
      )}
    </PageContainer>
  );
}

export function UnitProfile({ unitId }: { unitId: string }) {
  const { unit, error, reload } = useUnitDetail(unitId);
  if (error) return <LoadError error={error} what="单位" onRetry={reload} />;
  if (!unit) return <PageLoading />;
  return <UnitProfileView unit={unit} />;
}
