/**
 * Account security (账号安全) of officers and administrators: the TOTP second factor. Enrolment shows the QR code and
 * the secret once; the factor becomes active only after a code from the authenticator is confirmed. Turning it off
 * asks for a current code. Reached from the header's "账号安全" button.
 */
import { Alert, App, Button, Card, Descriptions, Flex, Form, Image, Input, Steps, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { ApiError, api, useApiErrorHandler } from '../../../app/api';
import { LoadError } from '../../../components/LoadError';
import { PageContainer } from '../../../components/PageContainer';

interface Status {
  available: boolean;
  enabled: boolean;
}

interface Enrolment {
  secret: string;
  otpauthUri: string;
  qrCode: string;
}

const codeRules = [
  { required: true, message: '请输入验证码' },
  { pattern: /^\s*\d{6}\s*$/, message: '验证码为6位数字' },
];

/** The secret in groups of four, easier to type into an authenticator by hand. */
const grouped = (secret: string) => secret.match(/.{1,4}/g)?.join(' ') ?? secret;

export default function AccountSecurityPage() {
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const [status, setStatus] = useState<Status | null>(null);
  const [failed, setFailed] = useState<ApiError | null>(null);
  const [enrolment, setEnrolment] = useState<Enrolment | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirmForm] = Form.useForm<{ code: string }>();
  const [disableForm] = Form.useForm<{ code: string }>();

  const load = useCallback(() => {
    setFailed(null);
    api
      .get<Status>('/auth/second-factor')
      .then(setStatus, (error: unknown) =>
        setFailed(error instanceof ApiError ? error : new ApiError(0, 'network', '加载失败')),
      );
  }, []);
  useEffect(load, [load]);

  const start = async () => {
    setBusy(true);
    try {
      setEnrolment(await api.post<Enrolment>('/auth/second-factor/enrolment'));
    } catch (error) {
      handleError(error);
    } finally {
      setBusy(false);
    }
  };

  const confirm = async ({ code }: { code: string }) => {
    setBusy(true);
    try {
      await api.post<null>('/auth/second-factor/confirmation', { code: code.trim() });
      message.success('两步验证已启用，下次登录时需输入验证码');
      setEnrolment(null);
      load();
    } catch (error) {
      handleError(error, confirmForm);
    } finally {
      setBusy(false);
    }
  };

  const disable = async ({ code }: { code: string }) => {
    setBusy(true);
    try {
      await api.post<null>('/auth/second-factor/disable', { code: code.trim() });
      message.success('两步验证已停用');
      disableForm.resetFields();
      load();
    } catch (error) {
      handleError(error, disableForm);
    } finally {
      setBusy(false);
    }
  };

  if (failed) return <LoadError error={failed} what="账号安全设置" onRetry={load} />;

  return (
    <PageContainer title="账号安全">
      <Card
        title="两步验证"
        loading={!status}
        extra={status && (status.enabled ? <Tag color="success">已启用</Tag> : <Tag>未启用</Tag>)}
      >
        {status && !status.available && (
          <Typography.Paragraph>两步验证适用于监管部门和系统管理员账号。</Typography.Paragraph>
        )}
        {status?.available && status.enabled && (
          <Flex vertical gap={12} style={{ maxWidth: 480 }}>
            <Typography.Paragraph style={{ margin: 0 }}>
              登录时，输入密码后还需输入验证器应用中显示的6位验证码。
            </Typography.Paragraph>
            <Form form={disableForm} layout="vertical" onFinish={disable} aria-label="停用两步验证">
              <Form.Item name="code" label="当前验证码" rules={codeRules} extra="停用需输入验证器中当前显示的验证码">
                <Input inputMode="numeric" autoComplete="one-time-code" maxLength={6} />
              </Form.Item>
              <Button danger htmlType="submit" loading={busy}>
                停用两步验证
              </Button>
            </Form>
          </Flex>
        )}
        {status?.available && !status.enabled && !enrolment && (
          <Flex vertical gap={12} align="flex-start">
            <Typography.Paragraph style={{ margin: 0 }}>
              启用后，登录时除密码外还需输入手机验证器应用（如 Microsoft Authenticator、Google
              身份验证器、FreeOTP）生成的6位验证码；密码泄露时账号仍然安全。
            </Typography.Paragraph>
            <Button type="primary" onClick={start} loading={busy}>
              设置两步验证
            </Button>
          </Flex>
        )}
        {enrolment && (
          <Flex vertical gap={16}>
            <Steps
              direction="vertical"
              size="small"
              current={1}
              items={[
                { title: '用验证器应用扫描二维码，或手动输入密钥' },
                { title: '输入验证器显示的6位验证码，确认后启用' },
              ]}
            />
            <Flex gap={24} wrap align="flex-start">
              <Image src={enrolment.qrCode} alt="两步验证二维码" width={220} height={220} preview={false} />
              <Descriptions column={1} size="small" bordered style={{ minWidth: 280 }}>
                <Descriptions.Item label="密钥">
                  <Typography.Text code copyable={{ text: enrolment.secret }} data-testid="totp-secret">
                    {grouped(enrolment.secret)}
                  </Typography.Text>
                </Descriptions.Item>
                <Descriptions.Item label="类型">基于时间（TOTP），6位，30秒</Descriptions.Item>
              </Descriptions>
            </Flex>
            <Alert
              type="warning"
              showIcon
              title="密钥只在此显示一次，请勿截图外传；验证器丢失时请联系系统管理员重置。"
            />
            <Form
              form={confirmForm}
              layout="vertical"
              onFinish={confirm}
              aria-label="确认两步验证"
              style={{ maxWidth: 320 }}
            >
              <Form.Item name="code" label="验证码" rules={codeRules}>
                <Input inputMode="numeric" autoComplete="one-time-code" maxLength={6} />
              </Form.Item>
              <Flex gap={8}>
                <Button type="primary" htmlType="submit" loading={busy}>
                  确认并启用
                </Button>
                <Button onClick={() => setEnrolment(null)}>取消</Button>
              </Flex>
            </Form>
          </Flex>
        )}
      </Card>
    </PageContainer>
  );
}
