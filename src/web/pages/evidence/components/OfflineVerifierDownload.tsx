/**
 * "下载离线验证工具": the self-contained verifier page (built from src/verifier into /evidence-verifier.html) saved to
 * the visitor's computer with the log's public key filled in, so a firm can check a bundle years later with no
 * platform, network or software install.
 */
import { DownloadOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useState } from 'react';
import { downloadOfflineVerifier } from './offline-verifier';

export function OfflineVerifierDownload({ block }: { block?: boolean }) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);

  const download = async () => {
    setBusy(true);
    try {
      await downloadOfflineVerifier();
    } catch {
      message.error('离线验证工具下载失败，请稍后重试');
    } finally {
      setBusy(false);
    }
  };

  return (
    <Button icon={<DownloadOutlined />} loading={busy} onClick={download} block={block} data-testid="offline-verifier">
      下载离线验证工具
    </Button>
  );
}
