import { eq } from 'drizzle-orm';
import { buildEntry, EntryError, newSalt, normalizeDigest, parseDigestAlgorithm } from '../../../core/evidence/entry';
import { recordAudit } from '../../audit';
import type { RequestContext } from '../../context';
import type { Db } from '../../db/client';
import { evidenceLeaves, evidenceQueue, evidenceSubmissions, jurisdictions, units } from '../../db/schema';
import { AppError, forbidden, unauthenticated } from '../../errors';
import type { EvidenceSequencer } from '../../evidence/sequencer';
import { findSubmission, findSubmissionByDigest } from './evidence-queries';
import { evidenceView } from './evidence-view';

export interface EvidenceInput {
  algorithm: string;
  digest: string;
  label: string;
}

const invalid = (path: string, message: string) =>
  new AppError('validation_failed', message, { fields: [{ path, message }] });

/**
 * A firm preserves evidence of a file it keeps: only the digest, algorithm and its own label reach the server. The
 * answer comes once a signed, time-stamped checkpoint covers the new leaf. The same digest from the same unit
 * returns the existing entry.
 */
export async function submitEvidence(
  db: Db,
  ctx: RequestContext,
  input: EvidenceInput,
  sequencer: EvidenceSequencer,
  options: { waitMs?: number } = {},
) {
  if (!ctx.actor) throw unauthenticated();
  if (ctx.actor.role !== 'applicant' || !ctx.actor.unitId) throw forbidden('只有申报单位（企业）账号可以提交存证');
  const unitId = ctx.actor.unitId;
  const algorithm = parseDigestAlgorithm(input.algorithm);
  if (!algorithm) throw invalid('algorithm', '仅支持 SHA-256 与 SM3 摘要算法');
  let digest: string;
  try {
    digest = normalizeDigest(algorithm, input.digest);
  } catch (error) {
    if (error instanceof EntryError) throw invalid('digest', '摘要应为64位十六进制字符串');
    throw error;
  }
  let id = (await findSubmissionByDigest(db, unitId, algorithm, digest))?.id;
  if (!id) {
    const [unit] = await db
      .select({ name: units.name, creditCode: units.creditCode, path: jurisdictions.path })
      .from(units)
      .innerJoin(jurisdictions, eq(jurisdictions.code, units.jurisdictionCode))
      .where(eq(units.id, unitId));
    const salt = newSalt();
    const metadata = {
      unitName: unit!.name,
      creditCode: unit!.creditCode,
      label: input.label,
      submittedAt: new Date().toISOString(),
    };
    const built = buildEntry({ algorithm, digest, salt, metadata });
    id = await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(evidenceSubmissions)
        .values({
          unitId,
          algorithm,
          digest,
          label: input.label,
          salt: Buffer.from(salt),
          metadata,
          entry: Buffer.from(built.entry),
          submittedById: ctx.actor!.id,
        })
        .onConflictDoNothing()
        .returning({ id: evidenceSubmissions.id });
      // Lost a race with the same submission from another request: answer with that one.
      if (!row) return (await findSubmissionByDigest(tx, unitId, algorithm, digest))!.id;
      await tx.insert(evidenceQueue).values({ submissionId: row.id });
      await recordAudit(tx, ctx, {
        action: 'evidence.submit',
        entityType: 'evidence',
        entityId: row.id,
        unitId,
        jurisdictionPath: unit!.path,
        after: { algorithm, digest, label: input.label },
      });
      return row.id;
    });
    sequencer.notify();
  }
  await waitForLeaf(db, id, options.waitMs ?? 30_000);
  return evidenceView(db, (await findSubmission(db, id))!);
}

/** Waits until the sequencer (on any instance) has sealed the submission under a checkpoint. */
async function waitForLeaf(db: Db, submissionId: string, waitMs: number): Promise<void> {
  const deadline = Date.now() + waitMs;
  for (let delay = 5; ; delay = Math.min(delay * 2, 100)) {
    const [leaf] = await db
      .select({ i: evidenceLeaves.leafIndex })
      .from(evidenceLeaves)
      .where(eq(evidenceLeaves.submissionId, submissionId));
    if (leaf) return;
    if (Date.now() > deadline) throw new AppError('conflict', '存证排队中，请稍后在“我的存证”中查看');
    await new Promise((r) => setTimeout(r, delay));
  }
}
