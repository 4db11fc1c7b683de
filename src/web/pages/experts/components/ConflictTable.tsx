/** Conflicts of interest in a table; officers decide declared ones here ('确认' or '不构成冲突'). */
import { Button, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { ConflictKind, ConflictStatus, Role } from '../../../../shared/enums';
import type { Conflict } from '../types';

const STATUS_COLORS: Record<ConflictStatus, string> = { declared: 'orange', confirmed: 'red', dismissed: 'default' };

export type Decision = 'confirmed' | 'dismissed';

interface ConflictTableProps {
  items: Conflict[];
  loading?: boolean;
  /** Show the expert's name (the list across experts). */
  showExpert?: boolean;
  /** Given: declared conflicts get the decision buttons. */
  onDecide?: (conflict: Conflict, status: Decision) => Promise<void>;
  ariaLabel?: string;
}

export function ConflictStatusTag({ status }: { status: ConflictStatus }) {
  return <Tag color={STATUS_COLORS[status]}>{ConflictStatus.labels[status]}</Tag>;
}

export function ConflictTable({
  items,
  loading,
  showExpert,
  onDecide,
  ariaLabel = '利益冲突记录',
}: ConflictTableProps) {
  return (
    <Table<Conflict>
      aria-label={ariaLabel}
      rowKey="id"
      size="small"
      loading={loading}
      dataSource={items}
      pagination={items.length > 20 ? { pageSize: 20 } : false}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: '暂无利益冲突记录' }}
      columns={[
        ...(showExpert ? [{ title: '专家', dataIndex: 'expertName', key: 'expertName' }] : []),
        { title: '单位', dataIndex: 'unitName', key: 'unitName' },
        {
          title: '冲突情形',
          dataIndex: 'kind',
          key: 'kind',
          render: (kind: ConflictKind) => ConflictKind.labels[kind],
        },
        {
          title: '状态',
          dataIndex: 'status',
          key: 'status',
          render: (status: ConflictStatus) => <ConflictStatusTag status={status} />,
        },
        {
          title: '说明',
          dataIndex: 'note',
          key: 'note',
          render: (note: string | null) =>
            note ? (
              <Typography.Paragraph style={{ margin: 0, maxWidth: 320 }} ellipsis={{ rows: 2, tooltip: note }}>
                {note}
              </Typography.Paragraph>
            ) : (
              '—'
            ),
        },
        {
          title: '申报人',
          key: 'declaredBy',
          render: (_: unknown, c: Conflict) =>
            c.declaredByName
              ? `${c.declaredByName}${c.declaredByRole ? `（${Role.labels[c.declaredByRole]}）` : ''}`
              : '—',
        },
        {
          title: '申报时间',
          dataIndex: 'createdAt',
          key: 'createdAt',
          render: (at: string) => dayjs(at).format('YYYY-MM-DD HH:mm'),
        },
        {
          title: '处理',
          key: 'decided',
          render: (_: unknown, c: Conflict) =>
            c.decidedByName
              ? `${c.decidedByName}${c.decidedAt ? ` ${dayjs(c.decidedAt).format('YYYY-MM-DD')}` : ''}`
              : '—',
        },
        ...(onDecide
          ? [
              {
                title: '操作',
                key: 'actions',
                render: (_: unknown, c: Conflict) =>
                  c.status === 'declared' ? (
                    <Space size={0} wrap>
                      <Popconfirm
                        title="确认该利益冲突？"
                        description="确认后该专家不能参加此单位的验收评审。"
                        okText="确认"
                        cancelText="取消"
                        onConfirm={() => onDecide(c, 'confirmed')}
                      >
                        <Button type="link" size="small" danger autoInsertSpace={false} aria-label="确认">
                          确认
                        </Button>
                      </Popconfirm>
                      <Popconfirm
                        title="认定不构成冲突？"
                        okText="确定"
                        cancelText="取消"
                        onConfirm={() => onDecide(c, 'dismissed')}
                      >
                        <Button type="link" size="small" aria-label="不构成冲突">
                          不构成冲突
                        </Button>
                      </Popconfirm>
                    </Space>
                  ) : null,
              },
            ]
          : []),
      ]}
    />
  );
}
