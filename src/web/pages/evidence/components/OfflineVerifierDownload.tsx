/**
 * "下载离线验证工具": the self-contained verifier page (built from src/verifier into /evidence-verifier.html) saved to
 * the visitor's computer with the log's public key filled in, so a firm can check a bundle years later with no
 * platform, network or software install.
 */
import { DownloadOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useState } from 'react';
import { api, saveFile } from '../../../app/api';
import type { EvidenceKeys } from '../evidence-common';

export const OFFLINE_VERIFIER_PATH = '/evidence-verifier.html';
export const OFFLINE_VERIFIER_FILE_NAME = '商秘存证离线验证工具.html';

const escapeAttribute = (value: string) =>
  value.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;');

/** The verifier page with `verifierKey` as its preset key. */
export function withVerifierKey(html: string, verifierKey: string): string {
  return html.replace(
    '<meta name="shangmi-verifier-key" content="">',
    () => `<meta name="shangmi-verifier-key" content="${escapeAttribute(verifierKey)}">`,
  );
}

export function OfflineVerifierDownload({ block }: { block?: boolean }) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);

  const download = async () => {
    setBusy(true);
    try {
      const [page, keys] = await Promise.all([
        fetch(OFFLINE_VERIFIER_PATH).then((r) => {
          if (!r.ok) throw new Error(String(r.status));
          return r.text();
        }),
        api.get<EvidenceKeys>('/evidence/keys'),
      ]);
      saveFile(
        new Blob([withVerifierKey(page, keys.verifierKey)], { type: 'text/html;charset=utf-8' }),
        OFFLINE_VERIFIER_FILE_NAME,
      );
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
