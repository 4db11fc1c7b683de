/** Login. After a successful login the user goes where they were heading, or home. */
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { Link, Navigate, useLocation, useNavigate, useSearchParams } from 'react-router-dom';
import { ApiError } from '../../../app/api';
import { useAuth } from '../../../app/auth';
import { AuthFrame } from '../../../components/AuthFrame';

interface LoginValues {
  username: string;
  password: string;
}

/** Only same-app paths: never send the user to another site after login. */
function safeRedirect(target: string | null): string {
  return target?.startsWith('/') && !target.startsWith('//') ? target : '/';
}

export default function LoginPage() {
  const { user, login } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const [params] = useSearchParams();
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const redirect = safeRedirect(params.get('redirect'));
  const registered = (location.state as { registered?: string } | null)?.registered;

  if (user) return <Navigate to={redirect} replace />;

  const submit = async (values: LoginValues) => {
    setSubmitting(true);
    setError(null);
    try {
      await login(values.username.trim(), values.password);
      navigate(redirect, { replace: true });
    } catch (e) {
      setError(e instanceof ApiError ? e.message : '登录失败，请稍后重试');
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <AuthFrame title="账号登录">
      {registered && (
        <Alert type="success" showIcon title={`注册成功，请使用账号 ${registered} 登录`} style={{ marginBottom: 16 }} />
      )}
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
      <Form<LoginValues>
        layout="vertical"
        onFinish={submit}
        initialValues={{ username: registered ?? '' }}
        requiredMark={false}
        aria-label="登录表单"
      >
        <Form.Item
          name="username"
          label="用户名"
          rules={[{ required: true, whitespace: true, message: '请输入用户名' }]}
        >
          <Input prefix={<UserOutlined />} autoComplete="username" size="large" autoFocus />
        </Form.Item>
        <Form.Item name="password" label="密码" rules={[{ required: true, message: '请输入密码' }]}>
          <Input.Password prefix={<LockOutlined />} autoComplete="current-password" size="large" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block size="large" loading={submitting}>
          登录
        </Button>
      </Form>
      <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0, textAlign: 'center' }}>
        申报单位还没有账号？<Link to="/register">申报单位注册</Link>
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0, textAlign: 'center' }}>
        无需登录：<Link to="/registry">示范基地名录</Link> · <Link to="/publicity">公示</Link> ·{' '}
        <Link to="/verify">存证核验</Link>
      </Typography.Paragraph>
    </AuthFrame>
  );
}
