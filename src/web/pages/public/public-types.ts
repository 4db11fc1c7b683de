/**
 * Shapes of the public registry and publicity answers (src/server/routes/registry.ts, publicity.ts) as the browser
 * receives them, plus the small helpers the public pages share.
 */
import type { BaseKind, BaseLevel } from '../../../core/programs/enums';
import type { DecisionForm, JurisdictionLevel, RevocationGround } from '../../../shared/enums';

export type BaseStatus = 'active' | 'revoked';

/** The labels of the registry's status filter (the server's `statusLabel` says "已撤销认定" on each row). */
export const BASE_STATUS_LABELS: Record<BaseStatus, string> = {
  active: '有效',
  revoked: '已撤销',
};

export interface BaseSummary {
  certificateNo: string;
  unitName: string;
  title: string;
  category: BaseKind;
  categoryLabel: string;
  level: BaseLevel;
  levelLabel: string;
  jurisdictionCode: string;
  jurisdictionName: string;
  industryCode: string;
  industryName: string | null;
  year: number;
  issuer: string;
  decidedOn: string;
  status: BaseStatus;
  statusLabel: string;
  revokedOn: string | null;
}

export interface AnnualReview {
  year: number;
  outcome: 'pass' | 'rectify' | 'revoke';
  outcomeLabel: string;
  recordedAt: string;
  /** Findings: for the certifying bureau and the unit only. */
  detail: { findings: string } | null;
}

export interface BaseIncentive {
  kindLabel: string;
  measure: string;
  grantedOn: string;
  document: string | null;
}

export interface BaseDetail extends BaseSummary {
  programmeTitle: string;
  ownerJurisdictionCode: string;
  /** The programme title of the kind as certificate and plaque print it. */
  designation: string;
  /** holder: the reader may download the certificate and plaque. */
  documents: { holder: boolean; keeper: boolean };
  decision: {
    form: DecisionForm;
    formLabel: string;
    number: string | null;
    decidedOn: string;
  };
  plaqueText: string;
  revocation: {
    revokedOn: string;
    ground: RevocationGround | null;
    groundLabel: string | null;
    document: string | null;
    /** Only for the certifying bureau. */
    note: string | null;
  } | null;
  reviews: AnnualReview[];
  incentives: BaseIncentive[];
}

export type NoticeState = 'upcoming' | 'open' | 'closed';

export interface NoticeEntry {
  applicationId: string;
  unitName: string;
  kindId: string;
  kindName: string;
  jurisdictionCode: string;
  jurisdictionName: string;
}

export interface Notice {
  id: string;
  programmeId: string;
  programmeTitle: string;
  programmeYear: number;
  issuer: string;
  ownerJurisdictionCode: string;
  title: string;
  body: string;
  startsOn: string;
  endsOn: string;
  workingDays: number;
  state: NoticeState;
  stateLabel: string;
  acceptsObjections: boolean;
  entries: NoticeEntry[];
  createdAt: string;
}

export interface ObjectionFiled {
  id: string;
  /** The short code on the receipt, to follow the objection on /objection-status. */
  receiptCode: string;
  message: string;
}

/** GET /objection-receipts/:code: where an objection stands, for whoever holds its receipt code. */
export interface ObjectionReceipt {
  receiptCode: string;
  noticeId: string;
  noticeTitle: string;
  unitName: string;
  filedAt: string;
  progress: 'received' | 'handling' | 'decided';
  progressLabel: string;
  upheld: boolean | null;
  resolution: string | null;
  resolvedAt: string | null;
}

/** A calendar day or an instant as the browser reads it (a bare "2025-06-03" is that day, not UTC midnight). */
function parseDay(day: string): Date | null {
  const plain = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  const parsed = plain ? new Date(Number(plain[1]), Number(plain[2]) - 1, Number(plain[3])) : new Date(day);
  return Number.isNaN(parsed.getTime()) ? null : parsed;
}

/** "2025-06-03" → "2025年6月3日"; anything else is shown as it is. No dayjs: the public bundle stays small. */
export function chineseDay(day: string | null | undefined): string {
  if (!day) return '—';
  const parsed = parseDay(day);
  return parsed ? `${parsed.getFullYear()}年${parsed.getMonth() + 1}月${parsed.getDate()}日` : day;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** An instant as "2025-06-03" (local day), or with the time as "2025-06-03 14:05". */
export function isoDay(at: string | null | undefined, withTime = false): string {
  if (!at) return '—';
  const d = parseDay(at);
  if (!d) return at;
  const day = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  return withTime ? `${day} ${pad(d.getHours())}:${pad(d.getMinutes())}` : day;
}

/**
 * The registry's filter choices, in the order and words of core/programs/enums.ts and shared/enums.ts, which build
 * zod schemas (~30 KB) the public bundle does without; the types keep the keys the same.
 */
export const BASE_LEVEL_LABELS: Record<BaseLevel, string> = {
  national: '国家级',
  provincial: '省级',
  municipal: '市级',
  district: '区县级',
};

export const BASE_KIND_LABELS: Record<BaseKind, string> = { point: '示范点', station: '示范站', zone: '示范区' };

export const JURISDICTION_LEVEL_LABELS: Record<JurisdictionLevel, string> = {
  national: '国家',
  provincial: '省级',
  municipal: '市级',
  district: '区县级',
  functional_zone: '功能区',
};
