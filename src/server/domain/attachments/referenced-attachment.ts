/**
 * Stored files reach a reader only through a record that references them (an application, a self-assessment, an
 * objection): the caller authorises the record, then asks here for one of *its* files. A hash the record does not
 * reference is a 404, so a reader of one record never gets another record's file by guessing or knowing its hash.
 */
import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { attachments } from '../../db/schema';
import { notFound } from '../../errors';

export interface FileRef {
  sha256: string;
  /** Evidence references may leave it out. */
  fileName?: string;
}

/** The `[{ sha256, fileName }]` references kept in a jsonb column, skipping anything not of that shape. */
export function attachmentRefs(value: unknown): FileRef[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((ref: unknown) => {
    const r = ref as { sha256?: unknown; fileName?: unknown } | null;
    if (!r || typeof r.sha256 !== 'string') return [];
    return [{ sha256: r.sha256, ...(typeof r.fileName === 'string' ? { fileName: r.fileName } : {}) }];
  });
}

/** The files cited as evidence in a rubric answer set (src/core/rubric/answers.ts): `type: 'attachment'` only. */
export function evidenceRefs(answers: unknown): FileRef[] {
  if (!answers || typeof answers !== 'object') return [];
  return Object.values(answers as Record<string, unknown>).flatMap((answer) => {
    const evidence = (answer as { evidence?: unknown } | null)?.evidence;
    if (!Array.isArray(evidence)) return [];
    return attachmentRefs(evidence.filter((e: unknown) => (e as { type?: unknown } | null)?.type === 'attachment'));
  });
}

const EXTENSIONS: Record<string, string> = {
  'application/pdf': '.pdf',
  'image/jpeg': '.jpg',
  'image/png': '.png',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': '.docx',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': '.xlsx',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': '.pptx',
  'application/zip': '.zip',
};

/** One of the record's files with the name the record gives it; 404 (附件) for a hash it does not reference. */
export async function referencedAttachment(db: Executor, refs: readonly FileRef[], sha256: string) {
  const matching = refs.filter((r) => r.sha256 === sha256);
  if (matching.length === 0) throw notFound('附件');
  const [row] = await db
    .select({ mimeType: attachments.mimeType, content: attachments.content })
    .from(attachments)
    .where(eq(attachments.sha256, sha256));
  if (!row) throw notFound('附件');
  const named = matching.find((r) => r.fileName)?.fileName;
  return {
    fileName: named ?? `附件-${sha256.slice(0, 8)}${EXTENSIONS[row.mimeType] ?? ''}`,
    mimeType: row.mimeType,
    content: row.content,
  };
}
