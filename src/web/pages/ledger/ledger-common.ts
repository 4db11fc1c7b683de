/**
 * What the ledger page (台账) and its parts share: the API's shapes (mirroring src/server/routes/ledger.ts), the
 * filters as they live in the address bar, labels and download addresses.
 */
import { LedgerKind } from '../../../shared/enums';
import { apiUrl } from '../../app/api';
import { readPaging } from '../../hooks/usePagedList';

export interface LedgerAttachment {
  id: string;
  sha256: string;
  fileName: string;
}

/** A ledger entry as the server answers it. */
export interface LedgerEntry {
  id: string;
  unitId: string;
  unitName: string;
  kind: LedgerKind;
  occurredOn: string;
  title: string;
  description: string | null;
  participants: number | null;
  reachPercent: number | null;
  firmsCovered: number | null;
  guideId: string | null;
  guideName: string | null;
  details: unknown;
  version: number;
  createdAt: string;
  updatedAt: string;
  attachments: LedgerAttachment[];
}

/** A guide (指导员) assigned to a unit. */
export interface Guide {
  id: string;
  username: string;
  displayName: string;
  assignedAt: string;
}

/** What POST /attachments answers. */

/** The body of POST /ledger (PATCH takes the same without unitId, plus version). */
export interface LedgerEntryBody {
  kind: LedgerKind;
  occurredOn: string;
  title: string;
  description: string | null;
  participants: number | null;
  reachPercent: number | null;
  firmsCovered: number | null;
  guideId: string | null;
  attachments: { sha256: string; fileName: string }[];
}

export const KIND_OPTIONS = LedgerKind.values.map((value) => ({ value, label: LedgerKind.labels[value] }));

/** Tag colours per kind; the labels come from the shared enum. */
export const KIND_COLORS: Record<LedgerKind, string> = {
  training: 'blue',
  guidance_visit: 'green',
  publicity: 'purple',
  survey: 'cyan',
  risk_assessment: 'orange',
  inspection: 'red',
  rights_help: 'gold',
};

/** Same limit as the server (shared/schemas/ledger.ts); the per-file limits are src/shared/attachments.ts. */
export const MAX_ATTACHMENTS = 20;
export const ACCEPTED_HINT =
  'PDF、JPEG/PNG 图片、Word、Excel、PowerPoint 文档或 ZIP 压缩包，单个不超过 20 MB，最多 20 个';

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface LedgerQuery {
  unitId: string | undefined;
  kind: LedgerKind | undefined;
  from: string | undefined;
  to: string | undefined;
  page: number;
  pageSize: number;
}

export function readQuery(params: URLSearchParams): LedgerQuery {
  const unitId = params.get('unitId') ?? '';
  const kind = params.get('kind') ?? '';
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  return {
    unitId: UUID.test(unitId) ? unitId : undefined,
    kind: (LedgerKind.values as readonly string[]).includes(kind) ? (kind as LedgerKind) : undefined,
    from: ISO_DAY.test(from) ? from : undefined,
    to: ISO_DAY.test(to) ? to : undefined,
    ...readPaging(params),
  };
}

export function writeQuery(query: LedgerQuery): URLSearchParams {
  const params = new URLSearchParams();
  if (query.unitId) params.set('unitId', query.unitId);
  if (query.kind) params.set('kind', query.kind);
  if (query.from) params.set('from', query.from);
  if (query.to) params.set('to', query.to);
  if (query.page !== 1) params.set('page', String(query.page));
  if (query.pageSize !== 20) params.set('pageSize', String(query.pageSize));
  return params;
}

/** The filters of the list (and so of its export). */
export function filterOf(query: LedgerQuery) {
  return { unitId: query.unitId, kind: query.kind, from: query.from, to: query.to };
}

export const attachmentUrl = (entryId: string, attachmentId: string) =>
  apiUrl(`/ledger/${entryId}/attachments/${attachmentId}`);

/** "72.5" → "72.5%", null → "—". */
export const percent = (value: number | null) => (value === null ? '—' : `${Number(value.toFixed(2))}%`);
