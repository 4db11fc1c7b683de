/**
 * Creates or edits an account. The binding field follows the role: an applicant account needs a unit, an officer
 * account a jurisdiction; experts and admins have neither.
 */
import { Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { Role } from '../../../../../shared/enums';
import { PasswordSchema, UsernameSchema } from '../../../../../shared/schemas/user';
import { api, useApiErrorHandler } from '../../../../app/api';
import type { UserAccount } from '../../../../app/types';
import { required, textOrNull, zodRule } from '../../../../components/form-rules';
import { JurisdictionTreeSelect } from '../../../../components/JurisdictionTreeSelect';
import { UnitSelect } from '../../../../components/UnitSelect';
import { USER_FIELDS } from '../../../../locales/zh-CN';

interface UserFormValues {
  username: string;
  displayName: string;
  password?: string;
  role: Role;
  unitId?: string | null;
  jurisdictionCode?: string | null;
  phone?: string;
  email?: string;
}

const ROLE_OPTIONS = Role.values.map((value) => ({ value, label: Role.labels[value] }));

interface UserFormModalProps {
  /** The account to edit; absent to create one. */
  account?: UserAccount;
  /** Admins cannot change their own role. */
  isSelf?: boolean;
  onClose: (saved?: UserAccount) => void;
}

export function UserFormModal({ account, isSelf, onClose }: UserFormModalProps) {
  const [form] = Form.useForm<UserFormValues>();
  const handleError = useApiErrorHandler();
  const [saving, setSaving] = useState(false);
  const role = Form.useWatch('role', form);

  const submit = async (values: UserFormValues) => {
    setSaving(true);
    const binding = {
      unitId: values.role === 'applicant' ? (values.unitId ?? null) : null,
      jurisdictionCode: values.role === 'officer' ? (values.jurisdictionCode ?? null) : null,
    };
    try {
      const saved = account
        ? await api.patch<UserAccount>(`/users/${account.id}`, {
            displayName: values.displayName.trim(),
            ...(isSelf ? {} : { role: values.role }),
            ...binding,
            phone: textOrNull(values.phone),
            email: textOrNull(values.email),
            version: account.version,
          })
        : await api.post<UserAccount>('/users', {
            username: values.username.trim(),
            displayName: values.displayName.trim(),
            password: values.password,
            role: values.role,
            ...binding,
            phone: textOrNull(values.phone),
            email: textOrNull(values.email),
          });
      onClose(saved);
    } catch (error) {
      handleError(error, form);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={account ? `编辑账号 ${account.username}` : '新建账号'}
      okText="保存"
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={() => onClose()}
      destroyOnHidden
      width={560}
    >
      <Form<UserFormValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        aria-label={account ? '编辑账号' : '新建账号'}
        initialValues={
          account
            ? {
                username: account.username,
                displayName: account.displayName,
                role: account.role,
                unitId: account.unitId,
                jurisdictionCode: account.jurisdictionCode,
                phone: account.phone ?? undefined,
                email: account.email ?? undefined,
              }
            : { role: 'officer' }
        }
      >
        <Form.Item
          name="username"
          label={USER_FIELDS.username}
          rules={account ? [] : [required('请填写用户名'), zodRule(UsernameSchema)]}
          extra={account ? '用户名创建后不能修改' : '3–32位小写字母、数字、下划线、点或连字符'}
        >
          <Input disabled={!!account} autoComplete="off" />
        </Form.Item>
        <Form.Item name="displayName" label={USER_FIELDS.displayName} rules={[required('请填写姓名/名称')]}>
          <Input maxLength={50} />
        </Form.Item>
        {!account && (
          <Form.Item name="password" label="初始密码" rules={[required('请填写初始密码'), zodRule(PasswordSchema)]}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        )}
        <Form.Item
          name="role"
          label={USER_FIELDS.role}
          rules={[{ required: true, message: '请选择角色' }]}
          extra={isSelf ? '不能修改自己的角色' : undefined}
        >
          <Select options={ROLE_OPTIONS} disabled={isSelf} />
        </Form.Item>
        {role === 'applicant' && (
          <Form.Item
            name="unitId"
            label={USER_FIELDS.unitId}
            rules={[{ required: true, message: '申报单位账号必须绑定一个单位' }]}
          >
            <UnitSelect
              initialOptions={account?.unitId ? [{ id: account.unitId, name: account.unitName ?? '' }] : []}
            />
          </Form.Item>
        )}
        {role === 'officer' && (
          <Form.Item
            name="jurisdictionCode"
            label={USER_FIELDS.jurisdictionCode}
            rules={[{ required: true, message: '监管部门账号必须绑定一个辖区' }]}
            extra="该账号可查看和管理所绑定辖区及其下级辖区"
          >
            <JurisdictionTreeSelect />
          </Form.Item>
        )}
        <Form.Item name="phone" label={USER_FIELDS.phone}>
          <Input maxLength={30} />
        </Form.Item>
        <Form.Item name="email" label={USER_FIELDS.email} rules={[{ type: 'email', message: '电子邮箱格式不正确' }]}>
          <Input maxLength={200} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
