/**
 * 我的专家信息 (expert accounts): the expert's own registry record (GET /experts/me), its conflicts of interest and
 * a form to declare one. Experts cannot search the unit list (GET /units answers nothing for them), so the units
 * offered are those whose applications the expert reviews (GET /applications: the ones on its panels).
 */
import { Alert, App, Badge, Card, Descriptions, Empty, Flex, Select, Space, Tag } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { ExpertField } from '../../../shared/enums';
import { ApiError, api, useApiErrorHandler } from '../../app/api';
import type { Page } from '../../app/types';
import { PageContainer } from '../../components/PageContainer';
import { PageLoading } from '../../components/PageLoading';
import { ConflictDeclareForm } from './components/ConflictDeclareForm';
import { ConflictTable } from './components/ConflictTable';
import { type Conflict, type Expert, industryLabel, type ListOf } from './types';

interface ApplicationRef {
  id: string;
  unitId: string;
  unitName: string;
}

/** The units of the applications the expert reviews. */
function useReviewedUnits() {
  const [units, setUnits] = useState<{ value: string; label: string }[]>([]);
  const [loading, setLoading] = useState(true);
  useEffect(() => {
    api
      .get<Page<ApplicationRef>>('/applications', { pageSize: 200 })
      .then((page) => {
        const map = new Map<string, string>();
        for (const a of page.items) map.set(a.unitId, a.unitName);
        setUnits([...map].map(([value, label]) => ({ value, label })));
      })
      .catch(() => setUnits([]))
      .finally(() => setLoading(false));
  }, []);
  return { units, loading };
}

function ReviewedUnitSelect({
  id,
  value,
  onChange,
  units,
  loading,
}: {
  id?: string;
  value?: string;
  onChange?: (value: string | undefined) => void;
  units: { value: string; label: string }[];
  loading: boolean;
}) {
  return (
    <Select<string>
      id={id}
      value={value}
      onChange={(next) => onChange?.(next ?? undefined)}
      options={units}
      loading={loading}
      showSearch={{ optionFilterProp: 'label' }}
      allowClear
      placeholder="请选择所评审的申报单位"
      notFoundContent={loading ? '加载中…' : '暂无评审中的申报单位'}
    />
  );
}

export default function MyExpertPage() {
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const [expert, setExpert] = useState<Expert | null>(null);
  const [missing, setMissing] = useState(false);
  const [loading, setLoading] = useState(true);
  const [conflicts, setConflicts] = useState<Conflict[]>([]);
  const [conflictsLoading, setConflictsLoading] = useState(false);
  const { units, loading: unitsLoading } = useReviewedUnits();

  useEffect(() => {
    api
      .get<Expert>('/experts/me')
      .then(setExpert, (error: unknown) => {
        if (error instanceof ApiError && error.status === 404) setMissing(true);
        else handleError(error);
      })
      .finally(() => setLoading(false));
  }, [handleError]);

  const loadConflicts = useCallback(() => {
    if (!expert) return;
    setConflictsLoading(true);
    api
      .get<ListOf<Conflict>>(`/experts/${expert.id}/conflicts`)
      .then((page) => setConflicts(page.items), handleError)
      .finally(() => setConflictsLoading(false));
  }, [expert, handleError]);

  useEffect(loadConflicts, [loadConflicts]);

  const industries = useMemo(() => expert?.industries ?? [], [expert]);

  if (loading) return <PageLoading />;
  if (missing || !expert) {
    return (
      <PageContainer title="我的专家信息">
        <Card>
          <Empty description="本账号尚未关联专家库中的专家信息，请联系监管部门或系统管理员。" />
        </Card>
      </PageContainer>
    );
  }

  return (
    <PageContainer title="我的专家信息" subTitle="专家信息由监管部门维护，如有变化请联系所属专家库">
      <Card size="small" title="专家信息">
        <Descriptions column={{ xs: 1, sm: 2 }} size="small" bordered>
          <Descriptions.Item label="姓名">{expert.name}</Descriptions.Item>
          <Descriptions.Item label="工作单位">{expert.affiliation}</Descriptions.Item>
          <Descriptions.Item label="专业领域">{ExpertField.labels[expert.field]}</Descriptions.Item>
          <Descriptions.Item label="所属专家库">{expert.jurisdictionName}</Descriptions.Item>
          <Descriptions.Item label="熟悉行业" span={2}>
            {industries.length === 0 ? (
              '—'
            ) : (
              <Space size={[0, 4]} wrap>
                {industries.map((code) => (
                  <Tag key={code}>{industryLabel(code)}</Tag>
                ))}
              </Space>
            )}
          </Descriptions.Item>
          <Descriptions.Item label="联系电话">{expert.phone ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="电子邮箱">{expert.email ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="履历与关联情况" span={2}>
            <span style={{ whiteSpace: 'pre-wrap' }}>{expert.background ?? '—'}</span>
          </Descriptions.Item>
          <Descriptions.Item label="状态">
            {expert.active ? <Badge status="success" text="可用" /> : <Badge status="default" text="停用" />}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card size="small" title="我的利益冲突">
        <ConflictTable items={conflicts} loading={conflictsLoading} />
      </Card>
      <Card size="small" title="申报利益冲突">
        <Flex vertical gap={12}>
          <Alert
            type="info"
            showIcon
            title="与所评审的申报单位存在同一单位、同一园区或协会、曾任职等关系的，应主动申报，由监管部门确认后回避。"
          />
          <ConflictDeclareForm
            expertId={expert.id}
            unitInput={<ReviewedUnitSelect units={units} loading={unitsLoading} />}
            unitExtra="可选择您参加评审的申报单位；其他单位请联系监管部门代为申报"
            onDeclared={() => {
              message.success('已申报利益冲突，待监管部门确认');
              loadConflicts();
            }}
          />
        </Flex>
      </Card>
    </PageContainer>
  );
}
