/**
 * Public self-registration of an applicant unit and its first account (POST /auth/register). The platform assigns the
 * login name (the chosen name and a random suffix, so registration never tells whether a name exists); the success
 * page shows it prominently and the login form is filled in with it.
 */
import { Alert, Button, Card, Col, Form, Input, Result, Row, Space, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { ChosenUsernameSchema, PasswordSchema } from '../../../../shared/schemas/user';
import { api, useApiErrorHandler } from '../../../app/api';
import type { FieldMessage, RegistrationResult } from '../../../app/types';
import { AuthFrame } from '../../../components/AuthFrame';
import { required, textOrNull, zodRule } from '../../../components/form-rules';
import { UnitFields } from '../../units/components/UnitFields';
import { toUnitInput, type UnitFormValues } from '../../units/components/unit-form-values';

interface RegisterValues {
  username: string;
  password: string;
  confirm: string;
  displayName: string;
  phone?: string;
  unit: UnitFormValues;
}

export default function RegisterPage() {
  const [form] = Form.useForm<RegisterValues>();
  const navigate = useNavigate();
  const handleError = useApiErrorHandler();
  const [saving, setSaving] = useState(false);
  const [done, setDone] = useState<{ username: string; warnings: FieldMessage[] } | null>(null);

  const submit = async () => {
    setSaving(true);
    try {
      const values = form.getFieldsValue(true) as RegisterValues;
      const { memberIds: _members, ...unit } = toUnitInput(values.unit);
      const result = await api.post<RegistrationResult>('/auth/register', {
        username: values.username.trim(),
        password: values.password,
        displayName: values.displayName.trim(),
        phone: textOrNull(values.phone),
        unit,
      });
      setDone({ username: result.username, warnings: result.warnings });
    } catch (error) {
      handleError(error, form);
    } finally {
      setSaving(false);
    }
  };

  if (done) {
    return (
      <AuthFrame title="申报单位注册" width={640}>
        <Result
          status="success"
          title="注册成功"
          subTitle={
            <>
              单位与账号已创建。您的登录账号为{' '}
              <Typography.Text strong copyable data-testid="assigned-username">
                {done.username}
              </Typography.Text>
              ，请牢记。
            </>
          }
          extra={
            <Button type="primary" onClick={() => navigate('/login', { state: { registered: done.username } })}>
              前往登录
            </Button>
          }
        >
          {done.warnings.length > 0 && (
            <Alert
              type="warning"
              showIcon
              title="请核实以下内容"
              description={done.warnings.map((w) => w.message).join('；')}
            />
          )}
        </Result>
      </AuthFrame>
    );
  }

  return (
    <AuthFrame title="申报单位注册" width={1000}>
      <Typography.Paragraph type="secondary">
        企业、科研院所、行业协会/商会、园区、服务机构和街道可在此登记本单位并创建第一个账号。已有账号请
        <Link to="/login">直接登录</Link>。
      </Typography.Paragraph>
      <Form<RegisterValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        scrollToFirstError
        initialValues={{ unit: { kind: 'enterprise', contacts: [{ role: 'liaison' }] } }}
        aria-label="申报单位注册表"
      >
        <Card title="账号信息" size="small" style={{ marginBottom: 16 }}>
          <Row gutter={24}>
            <Col xs={24} md={12}>
              <Form.Item
                name="username"
                label="用户名"
                rules={[required('请填写用户名'), zodRule(ChosenUsernameSchema)]}
                extra="3–27位小写字母、数字、下划线、点或连字符；平台将在其后加4位随机字符作为登录账号"
              >
                <Input autoComplete="username" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="displayName" label="联系人姓名" rules={[required('请填写联系人姓名')]}>
                <Input maxLength={50} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="password" label="密码" rules={[required('请填写密码'), zodRule(PasswordSchema)]}>
                <Input.Password autoComplete="new-password" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name="confirm"
                label="确认密码"
                dependencies={['password']}
                rules={[
                  required('请再次输入密码'),
                  ({ getFieldValue }) => ({
                    validator: async (_rule, value) => {
                      if (value && value !== getFieldValue('password')) throw new Error('两次输入的密码不一致');
                    },
                  }),
                ]}
              >
                <Input.Password autoComplete="new-password" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="phone" label="联系电话">
                <Input maxLength={30} />
              </Form.Item>
            </Col>
          </Row>
        </Card>
        <UnitFields prefix={['unit']} canPickUnits={false} />
        <Space>
          <Button type="primary" htmlType="submit" loading={saving}>
            提交注册
          </Button>
          <Button onClick={() => navigate('/login')}>返回登录</Button>
        </Space>
      </Form>
    </AuthFrame>
  );
}
