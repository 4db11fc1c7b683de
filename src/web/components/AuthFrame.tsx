/** The frame of the pages outside the logged-in layout: product name above a centred card. */
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Card, Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { APP_NAME, APP_SUBTITLE } from '../locales/zh-CN';

export function AuthFrame({ width = 400, title, children }: { width?: number; title: string; children: ReactNode }) {
  return (
    <Flex
      vertical
      align="center"
      style={{
        minHeight: '100vh',
        padding: '48px 16px',
        background: 'linear-gradient(180deg, #e8eefc 0%, #f5f7fa 60%)',
      }}
    >
      <Flex align="center" gap={12} style={{ marginBottom: 8 }}>
        <SafetyCertificateOutlined style={{ fontSize: 36, color: '#1d4ed8' }} />
        <Typography.Title level={2} style={{ margin: 0 }}>
          {APP_NAME}
        </Typography.Title>
      </Flex>
      <Typography.Text type="secondary" style={{ marginBottom: 24 }}>
        {APP_SUBTITLE}
      </Typography.Text>
      <Card title={title} style={{ width: '100%', maxWidth: width }}>
        {children}
      </Card>
    </Flex>
  );
}
