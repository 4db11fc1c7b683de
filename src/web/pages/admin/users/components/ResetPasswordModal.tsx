/** An admin sets a new password for an account; the account's open sessions end. */
import { Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { PasswordSchema } from '../../../../../shared/schemas/user';
import { api, useApiErrorHandler } from '../../../../app/api';
import type { UserAccount } from '../../../../app/types';
import { required, zodRule } from '../../../../components/form-rules';

interface PasswordValues {
  password: string;
  confirm: string;
}

export function ResetPasswordModal({
  account,
  onClose,
}: {
  account: UserAccount;
  onClose: (saved?: UserAccount) => void;
}) {
  const [form] = Form.useForm<PasswordValues>();
  const handleError = useApiErrorHandler();
  const [saving, setSaving] = useState(false);

  const submit = async (values: PasswordValues) => {
    setSaving(true);
    try {
      onClose(
        await api.patch<UserAccount>(`/users/${account.id}`, { password: values.password, version: account.version }),
      );
    } catch (error) {
      handleError(error, form);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={`重置密码：${account.username}`}
      okText="重置"
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={() => onClose()}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">重置后该账号当前的登录会话将全部失效。</Typography.Paragraph>
      <Form<PasswordValues> form={form} layout="vertical" onFinish={submit} aria-label="重置密码">
        <Form.Item name="password" label="新密码" rules={[required('请填写新密码'), zodRule(PasswordSchema)]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label="确认新密码"
          dependencies={['password']}
          rules={[
            required('请再次输入新密码'),
            ({ getFieldValue }) => ({
              validator: async (_rule, value) => {
                if (value && value !== getFieldValue('password')) throw new Error('两次输入的密码不一致');
              },
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
