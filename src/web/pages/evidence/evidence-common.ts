/**
 * What the evidence page (/evidence) and the public verification page (/verify) share: the API's shapes (mirroring
 * src/server/routes/evidence.ts), Chinese labels, Beijing time and download addresses.
 */
import { EVIDENCE_CHECK_LABELS } from '../../../shared/evidence-check-labels';
import { apiUrl } from '../../app/api';
import type { DigestAlgorithm } from '../../app/hash-file';

export type { DigestAlgorithm };

export type EvidenceStatus = 'pending' | 'sealed';

/** An evidence entry as the server answers it. */
export interface EvidenceEntry {
  id: string;
  unitId: string;
  unitName: string;
  creditCode: string;
  algorithm: string;
  digest: string;
  label: string;
  createdAt: string;
  status: EvidenceStatus;
  leafIndex: number | null;
  certificateNo: string | null;
  treeSize: number | null;
  rootHash: string | null;
  timestampTime: string | null;
}

export interface EvidenceKeys {
  origin: string;
  verifierKey: string;
  tsaCertificate: string | null;
}

export type CheckStatus = 'pass' | 'fail' | 'skipped';

export interface VerifyCheck {
  status: CheckStatus;
  detail: string;
}

export interface VerifyRequest {
  bundle?: string;
  certificateNo?: string;
  algorithm?: DigestAlgorithm;
  digest?: string;
}

export interface VerifyResponse {
  ok: boolean;
  checks: Record<string, VerifyCheck>;
  leafIndex: number | null;
  treeSize: number | null;
  timestampTime: string | null;
  metadata: Record<string, unknown> | null;
}

export const ALGORITHM_LABELS: Record<DigestAlgorithm, string> = {
  sha256: 'SHA-256',
  sm3: 'SM3（国密）',
};

export const ALGORITHM_OPTIONS = (Object.keys(ALGORITHM_LABELS) as DigestAlgorithm[]).map((value) => ({
  value,
  label: ALGORITHM_LABELS[value],
}));

export const algorithmLabel = (algorithm: string): string =>
  ALGORITHM_LABELS[algorithm as DigestAlgorithm] ?? algorithm.toUpperCase();

export const isDigestAlgorithm = (value: unknown): value is DigestAlgorithm => value === 'sha256' || value === 'sm3';

export const STATUS_TAGS: Record<EvidenceStatus, { label: string; color: string }> = {
  sealed: { label: '已存证', color: 'success' },
  pending: { label: '排队中', color: 'processing' },
};

/** The checks of a verification, in the order they are shown, with their Chinese names (shared with the CLI). */
export const CHECK_LABELS: Record<string, string> = EVIDENCE_CHECK_LABELS;

export const CHECK_STATUS_LABELS: Record<CheckStatus, string> = {
  pass: '通过',
  fail: '未通过',
  skipped: '未检查',
};

/** The certificate number the server issues: SMEV-<leaf index, 8+ digits>-<8 hex>, e.g. SMEV-00000012-1A2B3C4D. */
export const CERTIFICATE_NO_PATTERN = /^SMEV-\d{8,}-[0-9A-F]{8}$/;

export const HEX_DIGEST_PATTERN = /^[0-9a-fA-F]{64}$/;

/** An instant in Beijing time (UTC+8), whatever the computer's time zone. */
export function beijingTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  // The instant moved by eight hours, read in UTC: Beijing's wall clock (China has no daylight saving time).
  const text = new Date(at.getTime() + 8 * 3600_000).toISOString();
  return `${text.slice(0, 10)} ${text.slice(11, 19)}（北京时间）`;
}

export const certificateUrl = (id: string) => apiUrl(`/evidence/entries/${encodeURIComponent(id)}/certificate`);
export const bundleUrl = (id: string) => apiUrl(`/evidence/entries/${encodeURIComponent(id)}/bundle`);
export const verifyPagePath = (certificateNo: string) => `/verify?no=${encodeURIComponent(certificateNo)}`;

/** The largest bundle the verification endpoint accepts (characters). */
export const MAX_BUNDLE_CHARS = 200_000;

/**
 * The digest algorithm recorded in a .tlog-proof bundle's `extra` line (base64 of canonical JSON), or null when the
 * text is not such a bundle. Only a convenience to preselect the algorithm; the server checks the bundle itself.
 */
export function bundleAlgorithm(bundle: string): DigestAlgorithm | null {
  const line = bundle.split('\n').find((l) => l.startsWith('extra '));
  if (!line) return null;
  try {
    const bytes = Uint8Array.from(atob(line.slice('extra '.length).trim()), (c) => c.charCodeAt(0));
    const extra = JSON.parse(new TextDecoder().decode(bytes)) as { algorithm?: unknown };
    return isDigestAlgorithm(extra.algorithm) ? extra.algorithm : null;
  } catch {
    return null;
  }
}
