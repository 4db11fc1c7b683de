/**
 * Who may cite a stored file in a record: whoever uploaded it (see `attachmentHolders` in the schema), or the record
 * that already cites it (an edit keeps what was there). Every write that references attachments goes through
 * `requireCitable`, so a SHA-256 learnt elsewhere cannot pull another unit's file into one's own record and so
 * into one's downloads.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { EvidenceRef } from '../../../core/rubric/answers';
import type { Actor } from '../../context';
import type { Executor } from '../../db/client';
import { attachmentHolders } from '../../db/schema';
import { AppError, type FieldError } from '../../errors';

/** The holder an upload is recorded under: an applicant's unit (its accounts share uploads), else the user. */
export function uploadHolder(actor: Actor): string {
  return actor.unitId ? `unit:${actor.unitId}` : `user:${actor.id}`;
}

/** The public's uploads to one publicity notice's objections. */
export function noticeHolder(noticeId: string): string {
  return `notice:${noticeId}`;
}

export async function recordHolder(db: Executor, sha256: string, holder: string): Promise<void> {
  await db.insert(attachmentHolders).values({ sha256, holder }).onConflictDoNothing();
}

/** A cited file and where the request cites it (the field an error names). */
export interface CitedFile {
  sha256: string;
  path: string;
  /** The name the record gives it (evidence may leave it out). */
  fileName?: string;
}

/** The attachments cited as evidence in rubric answers, each at `<prefix>.<node id>.evidence`. */
export function evidenceFiles(
  answers: Record<string, { evidence?: EvidenceRef[] }> | null | undefined,
  prefix = 'answers',
): CitedFile[] {
  return Object.entries(answers ?? {}).flatMap(([id, a]) =>
    (a.evidence ?? []).flatMap((e) =>
      e.type === 'attachment' ? [{ sha256: e.sha256, fileName: e.fileName, path: `${prefix}.${id}.evidence` }] : [],
    ),
  );
}

/** Attachment references `{ sha256 }[]` all cited at one field. */
export const filesAt = (
  refs: readonly { sha256: string; fileName?: string }[] | undefined,
  path: string,
): CitedFile[] => (refs ?? []).map((r) => ({ sha256: r.sha256, fileName: r.fileName, path }));

export interface CiteOptions {
  holder: string;
  onRecord?: readonly CitedFile[];
}

/**
 * The fields citing a file that `holder` did not upload and the record does not already cite (`onRecord`). A hash
 * never stored at all gets the same answer: the caller learns nothing of others' files.
 */
export async function uncitableFields(
  db: Executor,
  cited: readonly CitedFile[],
  options: CiteOptions,
): Promise<FieldError[]> {
  const already = new Set((options.onRecord ?? []).map((f) => f.sha256));
  const wanted = [...new Set(cited.map((f) => f.sha256))].filter((h) => !already.has(h));
  if (wanted.length === 0) return [];
  const held = await db
    .select({ sha256: attachmentHolders.sha256 })
    .from(attachmentHolders)
    .where(and(inArray(attachmentHolders.sha256, wanted), eq(attachmentHolders.holder, options.holder)));
  const ok = new Set([...already, ...held.map((r) => r.sha256)]);
  const paths = [...new Set(cited.filter((f) => !ok.has(f.sha256)).map((f) => f.path))];
  return paths.map((path) => ({ path, message: UNCITABLE }));
}

export const UNCITABLE = '附件不存在或不是本单位（本人）上传的，请重新上传';

/** `uncitableFields` as a 400 listing every offending field. */
export async function requireCitable(db: Executor, cited: readonly CitedFile[], options: CiteOptions): Promise<void> {
  const fields = await uncitableFields(db, cited, options);
  if (fields.length > 0) throw new AppError('validation_failed', UNCITABLE, { fields });
}
