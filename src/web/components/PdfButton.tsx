/** A download of one official PDF document: a button, or a small link inside tables and cards. */
import { FilePdfOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';
import { DownloadButton } from './DownloadButton';

export function PdfButton({ path, children, compact }: { path: string; children: ReactNode; compact?: boolean }) {
  return (
    <DownloadButton path={path} icon={<FilePdfOutlined />} compact={compact}>
      {children}
    </DownloadButton>
  );
}
