/**
 * A button that downloads a file the API makes (an official PDF, an Excel export) through `download()`, so a refusal
 * (not found, revoked, no longer allowed) shows its Chinese message instead of saving the error as a file.
 */
import { Button } from 'antd';
import { type ReactNode, useState } from 'react';
import { download, type Query, useApiErrorHandler } from '../app/api';

export interface DownloadButtonProps {
  /** The API path, e.g. "/applications/<id>/documents/form". */
  path: string;
  query?: Query;
  icon: ReactNode;
  children: ReactNode;
  /** A small link inside tables and cards rather than a button. */
  compact?: boolean;
}

export function DownloadButton({ path, query, icon, children, compact = false }: DownloadButtonProps) {
  const handleError = useApiErrorHandler();
  const [busy, setBusy] = useState(false);
  const onClick = () => {
    setBusy(true);
    download(path, query)
      .catch(handleError)
      .finally(() => setBusy(false));
  };
  return (
    <Button
      icon={icon}
      loading={busy}
      onClick={onClick}
      {...(compact ? { type: 'link' as const, size: 'small' as const } : {})}
    >
      {children}
    </Button>
  );
}
