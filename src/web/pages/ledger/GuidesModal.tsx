/**
 * 指导员: the guides assigned to one unit. Everyone who may read the unit sees the list; officers over the unit (and
 * admins) assign and unassign. A guide must be an officer of the unit's jurisdiction or above (the server checks).
 * The candidates come from GET /units/:id/guide-candidates.
 */
import { App, Button, Empty, Flex, Form, Modal, Popconfirm, Select, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { api, useApiErrorHandler } from '../../app/api';
import { useCurrentUser } from '../../app/auth';
import type { UnitRef } from '../../app/types';
import type { Guide } from './ledger-common';
import { useUnitGuides } from './useUnitGuides';

interface Candidate {
  value: string;
  label: string;
}

interface GuidesModalProps {
  unit: UnitRef;
  canAssign: boolean;
  onClose: (changed: boolean) => void;
}

/** Officers who may guide the unit (its jurisdiction or above), from the server. */
function useGuideCandidates(unitId: string, enabled: boolean) {
  const [found, setFound] = useState<Candidate[]>([]);
  useEffect(() => {
    if (!enabled) return;
    api
      .get<{ items: { id: string; username: string; displayName: string }[] }>(`/units/${unitId}/guide-candidates`)
      .then(
        (r) => setFound(r.items.map((c) => ({ value: c.id, label: `${c.displayName}（${c.username}）` }))),
        () => setFound([]),
      );
  }, [unitId, enabled]);
  return found;
}

export function GuidesModal({ unit, canAssign, onClose }: GuidesModalProps) {
  const user = useCurrentUser();
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const [form] = Form.useForm<{ guideId?: string }>();
  const { guides, loading, error, setGuides } = useUnitGuides(unit.id);
  const [busy, setBusy] = useState<string | null>(null);
  const [changed, setChanged] = useState(false);
  const found = useGuideCandidates(unit.id, canAssign);

  useEffect(() => {
    if (error) handleError(error);
  }, [error, handleError]);

  const candidates = useMemo(() => {
    const assigned = new Set(guides.map((g) => g.id));
    return found
      .filter((c) => !assigned.has(c.value))
      .map((c) => (c.value === user.id ? { ...c, label: `本人（${user.displayName}）` } : c));
  }, [guides, found, user]);

  const assign = async ({ guideId }: { guideId?: string }) => {
    if (!guideId) return;
    setBusy('assign');
    try {
      const answer = await api.post<{ items: Guide[] }>(`/units/${unit.id}/guides`, { guideId });
      setGuides(answer.items);
      setChanged(true);
      form.resetFields();
      message.success('已指派指导员');
    } catch (failure) {
      handleError(failure, form);
    } finally {
      setBusy(null);
    }
  };

  const unassign = async (guide: Guide) => {
    setBusy(guide.id);
    try {
      const answer = await api.delete<{ items: Guide[] }>(`/units/${unit.id}/guides/${guide.id}`);
      setGuides(answer.items);
      setChanged(true);
      message.success(`已取消 ${guide.displayName} 的指导员指派`);
    } catch (failure) {
      handleError(failure);
    } finally {
      setBusy(null);
    }
  };

  return (
    <Modal
      open
      title={`指导员 · ${unit.name}`}
      onCancel={() => onClose(changed)}
      footer={
        <Button autoInsertSpace={false} onClick={() => onClose(changed)}>
          关闭
        </Button>
      }
      width={640}
      destroyOnHidden
    >
      <Flex vertical gap={16}>
        <Typography.Text type="secondary">
          指导员由辖区监管部门指派，负责对该单位开展业务指导；“业务指导”类台账记录须由该单位的指导员开展。
        </Typography.Text>
        <Table<Guide>
          size="small"
          rowKey="id"
          aria-label="已指派的指导员"
          loading={loading}
          dataSource={guides}
          pagination={false}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="尚未指派指导员" /> }}
          columns={[
            { title: '姓名', dataIndex: 'displayName' },
            { title: '用户名', dataIndex: 'username' },
            {
              title: '指派时间',
              dataIndex: 'assignedAt',
              render: (at: string) => dayjs(at).format('YYYY-MM-DD HH:mm'),
            },
            ...(canAssign
              ? [
                  {
                    title: '操作',
                    key: 'actions',
                    render: (_: unknown, guide: Guide) => (
                      <Popconfirm
                        title={`取消 ${guide.displayName} 的指导员指派？`}
                        okText="取消指派"
                        cancelText="保留"
                        onConfirm={() => unassign(guide)}
                      >
                        <Button
                          type="link"
                          size="small"
                          danger
                          loading={busy === guide.id}
                          aria-label={`取消指派 ${guide.displayName}`}
                        >
                          取消指派
                        </Button>
                      </Popconfirm>
                    ),
                  },
                ]
              : []),
          ]}
        />
        {canAssign && (
          <Form form={form} layout="inline" onFinish={assign} aria-label="指派指导员">
            <Form.Item
              name="guideId"
              label="指派"
              rules={[{ required: true, message: '请选择指导员' }]}
              style={{ flex: 1, minWidth: 280 }}
              extra="单位所在辖区及上级监管部门的人员"
            >
              <Select
                aria-label="选择指导员"
                placeholder="输入姓名搜索"
                options={candidates}
                showSearch={{ optionFilterProp: 'label' }}
                notFoundContent="没有可指派的人员"
              />
            </Form.Item>
            <Form.Item>
              <Button type="primary" htmlType="submit" autoInsertSpace={false} loading={busy === 'assign'}>
                指派
              </Button>
            </Form.Item>
          </Form>
        )}
      </Flex>
    </Modal>
  );
}
