/**
 * Login. An account with a second factor answers the password with a challenge: the page then asks for the 6-digit
 * code of the authenticator app. After a successful login the user goes where they were heading, or home.
 */
import { LockOutlined, SafetyOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { Link, Navigate, useLocation, useNavigate, useSearchParams } from 'react-router-dom';
import { ApiError } from '../../../app/api';
import { useAuth } from '../../../app/auth';
import { AuthFrame } from '../../../components/AuthFrame';

interface CodeValues {
  code: string;
}

interface LoginValues {
  username: string;
  password: string;
}

/** Only same-app paths: never send the user to another site after login. */
function safeRedirect(target: string | null): string {
  return target?.startsWith('/') && !target.startsWith('//') ? target : '/';
}

export default function LoginPage() {
  const { user, login, completeSecondFactor } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const [params] = useSearchParams();
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  /** Set after a right password on an account with a second factor: the code step is shown. */
  const [challenge, setChallenge] = useState<string | null>(null);
  const redirect = safeRedirect(params.get('redirect'));
  const registered = (location.state as { registered?: string } | null)?.registered;

  if (user) return <Navigate to={redirect} replace />;

  const submit = async (values: LoginValues) => {
    setSubmitting(true);
    setError(null);
    try {
      const result = await login(values.username.trim(), values.password);
      if ('secondFactorRequired' in result) setChallenge(result.challenge);
      else navigate(redirect, { replace: true });
    } catch (e) {
      setError(e instanceof ApiError ? e.message : '登录失败，请稍后重试');
    } finally {
      setSubmitting(false);
    }
  };

  const submitCode = async (values: CodeValues) => {
    if (!challenge) return;
    setSubmitting(true);
    setError(null);
    try {
      await completeSecondFactor(challenge, values.code.trim());
      navigate(redirect, { replace: true });
    } catch (e) {
      setError(e instanceof ApiError ? e.message : '验证失败，请稍后重试');
      // An expired or used-up challenge: back to the password step.
      if (e instanceof ApiError && e.message.includes('重新输入用户名和密码')) setChallenge(null);
    } finally {
      setSubmitting(false);
    }
  };

  if (challenge) {
    return (
      <AuthFrame title="两步验证">
        <Typography.Paragraph>请打开手机上的验证器应用，输入本平台账号当前显示的6位验证码。</Typography.Paragraph>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
        <Form<CodeValues> layout="vertical" onFinish={submitCode} requiredMark={false} aria-label="两步验证登录">
          <Form.Item
            name="code"
            label="验证码"
            rules={[
              { required: true, message: '请输入验证码' },
              { pattern: /^\s*\d{6}\s*$/, message: '验证码为6位数字' },
            ]}
          >
            <Input
              prefix={<SafetyOutlined />}
              autoComplete="one-time-code"
              inputMode="numeric"
              maxLength={6}
              size="large"
              autoFocus
            />
          </Form.Item>
          <Button type="primary" htmlType="submit" block size="large" loading={submitting}>
            验证并登录
          </Button>
        </Form>
        <Button
          type="link"
          block
          style={{ marginTop: 8 }}
          onClick={() => {
            setChallenge(null);
            setError(null);
          }}
        >
          返回重新输入账号密码
        </Button>
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0, textAlign: 'center' }}>
          验证器丢失时，请联系系统管理员重置两步验证。
        </Typography.Paragraph>
      </AuthFrame>
    );
  }

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
