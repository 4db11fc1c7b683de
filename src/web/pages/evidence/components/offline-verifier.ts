/**
 * The offline verifier's download without any component (OfflineVerifierDownload.tsx shows it with antd, the public
 * verification page with its own light button): the verifier page with the log's public key filled in, saved.
 */
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

/** Fetches the verifier page and the log's key, and saves the page with the key filled in. */
export async function downloadOfflineVerifier(): Promise<void> {
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
}
