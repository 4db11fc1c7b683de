/** A page's title bar (title, optional subtitle and actions) above its content. */
import { Flex, Space, Typography } from 'antd';
import type { ReactNode } from 'react';

interface PageContainerProps {
  title: ReactNode;
  subTitle?: ReactNode;
  extra?: ReactNode;
  children: ReactNode;
}

export function PageContainer({ title, subTitle, extra, children }: PageContainerProps) {
  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={12}>
        <Space align="baseline" size={12} wrap>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {title}
          </Typography.Title>
          {subTitle && <Typography.Text type="secondary">{subTitle}</Typography.Text>}
        </Space>
        {extra && <Space wrap>{extra}</Space>}
      </Flex>
      {children}
    </Flex>
  );
}
