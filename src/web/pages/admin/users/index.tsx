/**
 * Account administration (admins): list and search accounts, create them with the binding their role needs
 * (applicant → unit, officer → jurisdiction), edit, disable or enable, and reset passwords.
 */
import { PlusOutlined } from '@ant-design/icons';
import { App, Badge, Button, Card, Flex, Input, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { Role } from '../../../../shared/enums';
import { api, useApiErrorHandler } from '../../../app/api';
import { useCurrentUser } from '../../../app/auth';
import type { Page, UserAccount } from '../../../app/types';
import { PageContainer } from '../../../components/PageContainer';
import { USER_FIELDS } from '../../../locales/zh-CN';
import { ResetPasswordModal } from './components/ResetPasswordModal';
import { UserFormModal } from './components/UserFormModal';

const ROLE_COLORS: Record<Role, string> = { applicant: 'green', officer: 'blue', expert: 'purple', admin: 'red' };
const ROLE_OPTIONS = Role.values.map((value) => ({ value, label: Role.labels[value] }));

interface Filter {
  q: string;
  role?: Role;
  page: number;
  pageSize: number;
}

type Editing = { mode: 'create' } | { mode: 'edit'; account: UserAccount } | { mode: 'password'; account: UserAccount };

export default function UserAdminPage() {
  const me = useCurrentUser();
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const [filter, setFilter] = useState<Filter>({ q: '', page: 1, pageSize: 20 });
  const [data, setData] = useState<Page<UserAccount>>({ items: [], total: 0 });
  const [loading, setLoading] = useState(true);
  const [editing, setEditing] = useState<Editing | null>(null);

  const load = useCallback(() => {
    setLoading(true);
    api
      .get<Page<UserAccount>>('/users', {
        q: filter.q.trim(),
        role: filter.role,
        page: filter.page,
        pageSize: filter.pageSize,
      })
      .then(setData, handleError)
      .finally(() => setLoading(false));
  }, [filter, handleError]);

  useEffect(load, [load]);

  const toggleDisabled = async (account: UserAccount) => {
    try {
      await api.patch<UserAccount>(`/users/${account.id}`, { disabled: !account.disabled, version: account.version });
      message.success(account.disabled ? `已启用账号 ${account.username}` : `已停用账号 ${account.username}`);
      load();
    } catch (error) {
      handleError(error);
    }
  };

  /** A lost authenticator: the account logs in with its password again and may enrol anew (audited). */
  const resetSecondFactor = async (account: UserAccount) => {
    try {
      await api.delete<null>(`/users/${account.id}/second-factor`);
      message.success(`已重置账号 ${account.username} 的两步验证`);
    } catch (error) {
      handleError(error);
    }
  };

  return (
    <PageContainer
      title="账号管理"
      subTitle="申报单位账号绑定单位，监管部门账号绑定辖区"
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ mode: 'create' })}>
          新建账号
        </Button>
      }
    >
      <Card size="small">
        <Flex gap={12} wrap role="search" aria-label="账号查询">
          <Input.Search
            aria-label="关键词"
            placeholder="用户名或姓名/名称"
            allowClear
            enterButton="查询"
            onSearch={(q) => setFilter((f) => ({ ...f, q, page: 1 }))}
            style={{ width: 320 }}
          />
          <Select<Role>
            aria-label="角色"
            placeholder="全部角色"
            allowClear
            options={ROLE_OPTIONS}
            value={filter.role}
            onChange={(role) => setFilter((f) => ({ ...f, role, page: 1 }))}
            style={{ width: 160 }}
          />
        </Flex>
      </Card>
      <Card size="small">
        <Table<UserAccount>
          rowKey="id"
          loading={loading}
          dataSource={data.items}
          scroll={{ x: 'max-content' }}
          pagination={{
            current: filter.page,
            pageSize: filter.pageSize,
            total: data.total,
            showSizeChanger: true,
            showTotal: (total) => `共 ${total} 个账号`,
            onChange: (page, pageSize) => setFilter((f) => ({ ...f, page, pageSize })),
          }}
          columns={[
            {
              title: USER_FIELDS.username,
              dataIndex: 'username',
              render: (username: string) => (
                <Typography.Text style={{ fontFamily: 'monospace' }}>{username}</Typography.Text>
              ),
            },
            { title: USER_FIELDS.displayName, dataIndex: 'displayName' },
            {
              title: USER_FIELDS.role,
              dataIndex: 'role',
              render: (role: Role) => <Tag color={ROLE_COLORS[role]}>{Role.labels[role]}</Tag>,
            },
            {
              title: '绑定单位/辖区',
              key: 'binding',
              render: (_: unknown, account) =>
                account.unitId ? (
                  <Link to={`/units/${account.unitId}`}>{account.unitName}</Link>
                ) : (
                  (account.jurisdictionName ?? '—')
                ),
            },
            { title: USER_FIELDS.phone, dataIndex: 'phone', render: (phone: string | null) => phone ?? '—' },
            {
              title: '状态',
              dataIndex: 'disabled',
              render: (disabled: boolean) =>
                disabled ? <Badge status="default" text="已停用" /> : <Badge status="success" text="正常" />,
            },
            { title: '创建时间', dataIndex: 'createdAt', render: (at: string) => dayjs(at).format('YYYY-MM-DD') },
            {
              title: '操作',
              key: 'actions',
              // Pinned: officer rows carry a fourth action (重置两步验证), which pushed 停用 out of a 1440 px window.
              fixed: 'right',
              render: (_: unknown, account) => {
                const self = account.id === me.id;
                return (
                  <Space size={0} wrap>
                    <Button type="link" size="small" onClick={() => setEditing({ mode: 'edit', account })}>
                      编辑
                    </Button>
                    <Button type="link" size="small" onClick={() => setEditing({ mode: 'password', account })}>
                      重置密码
                    </Button>
                    {(account.role === 'officer' || account.role === 'admin') && !self && (
                      <Popconfirm
                        title={`重置账号 ${account.username} 的两步验证？`}
                        description="用于验证器丢失：重置后该账号仅凭密码即可登录，可重新设置两步验证。"
                        okText="重置"
                        cancelText="取消"
                        onConfirm={() => resetSecondFactor(account)}
                      >
                        <Button type="link" size="small">
                          重置两步验证
                        </Button>
                      </Popconfirm>
                    )}
                    <Popconfirm
                      title={account.disabled ? `启用账号 ${account.username}？` : `停用账号 ${account.username}？`}
                      description={account.disabled ? undefined : '停用后该账号立即退出登录，且不能再登录。'}
                      okText="确定"
                      cancelText="取消"
                      onConfirm={() => toggleDisabled(account)}
                      disabled={self}
                    >
                      <Button type="link" size="small" danger={!account.disabled} disabled={self}>
                        {account.disabled ? '启用' : '停用'}
                      </Button>
                    </Popconfirm>
                  </Space>
                );
              },
            },
          ]}
        />
      </Card>
      {editing?.mode === 'create' && (
        <UserFormModal
          onClose={(saved) => {
            setEditing(null);
            if (saved) {
              message.success(`已创建账号 ${saved.username}`);
              load();
            }
          }}
        />
      )}
      {editing?.mode === 'edit' && (
        <UserFormModal
          account={editing.account}
          isSelf={editing.account.id === me.id}
          onClose={(saved) => {
            setEditing(null);
            if (saved) {
              message.success(`已保存账号 ${saved.username}`);
              load();
            }
          }}
        />
      )}
      {editing?.mode === 'password' && (
        <ResetPasswordModal
          account={editing.account}
          onClose={(saved) => {
            setEditing(null);
            if (saved) {
              message.success(`已重置账号 ${saved.username} 的密码`);
              load();
            }
          }}
        />
      )}
    </PageContainer>
  );
}
