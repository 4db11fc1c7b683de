/**
 * One expert's conflicts of interest (GET /experts/:id/conflicts): officers see those with units of their area,
 * declare new ones over their units and decide declared ones.
 */
import { App, Card, Drawer, Flex, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { api, useApiErrorHandler } from '../../../app/api';
import { UnitSelect } from '../../../components/UnitSelect';
import type { Conflict, Expert, ListOf } from '../types';
import { ConflictDeclareForm } from './ConflictDeclareForm';
import { ConflictTable, type Decision } from './ConflictTable';

interface ConflictDrawerProps {
  expert: Expert;
  onClose: () => void;
  /** Something changed (the pending list elsewhere may need a reload). */
  onChanged?: () => void;
}

export function ConflictDrawer({ expert, onClose, onChanged }: ConflictDrawerProps) {
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const [items, setItems] = useState<Conflict[]>([]);
  const [loading, setLoading] = useState(true);

  const load = useCallback(() => {
    setLoading(true);
    api
      .get<ListOf<Conflict>>(`/experts/${expert.id}/conflicts`)
      .then((page) => setItems(page.items), handleError)
      .finally(() => setLoading(false));
  }, [expert.id, handleError]);

  useEffect(load, [load]);

  const decide = async (conflict: Conflict, status: Decision) => {
    try {
      await api.post<Conflict>(`/conflicts/${conflict.id}/decision`, { status });
      message.success(status === 'confirmed' ? '已确认利益冲突' : '已认定不构成冲突');
      load();
      onChanged?.();
    } catch (error) {
      handleError(error);
      load();
    }
  };

  return (
    <Drawer open title={`利益冲突：${expert.name}`} size={880} onClose={onClose} destroyOnHidden>
      <Flex vertical gap={16}>
        <Typography.Text type="secondary">
          已确认的利益冲突期间，该专家不能参加相关单位的验收评审；待确认的冲突在处理前同样阻止指派。
        </Typography.Text>
        <ConflictTable items={items} loading={loading} onDecide={decide} />
        <Card size="small" title="申报利益冲突">
          <ConflictDeclareForm
            expertId={expert.id}
            unitInput={<UnitSelect placeholder="输入单位名称或信用代码搜索（本辖区单位）" />}
            onDeclared={() => {
              message.success('已申报利益冲突，待确认');
              load();
              onChanged?.();
            }}
          />
        </Card>
      </Flex>
    </Drawer>
  );
}
