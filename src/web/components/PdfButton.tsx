/** A download of one official PDF document: a button, or a small link inside tables and cards. */
import { FilePdfOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import type { ReactNode } from 'react';

export function PdfButton({
  href,
  children,
  compact = false,
}: {
  href: string;
  children: ReactNode;
  compact?: boolean;
}) {
  return (
    <Button
      icon={<FilePdfOutlined />}
      href={href}
      download
      {...(compact ? { type: 'link' as const, size: 'small' as const } : {})}
    >
      {children}
    </Button>
  );
}
