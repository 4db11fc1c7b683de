/**
 * Records of use of a person of the register (人才库/智库): consultations and research, cases worked on, trainings
 * given or attended. Officers who see the person record theirs; other modules (trainings) write theirs with
 * `recordPersonUse` inside their own transaction, keyed by their source so a repeat writes nothing.
 */
import { and, desc, eq } from 'drizzle-orm';
import type { PersonRecordKind } from '../../../shared/enums-people';
import type { PersonRecordInput } from '../../../shared/schemas/people';
import { recordAudit } from '../../audit';
import type { Actor, RequestContext } from '../../context';
import type { Db, Executor } from '../../db/client';
import { personRecords, rightsClues, users } from '../../db/schema';
import { AppError, forbidden, unauthenticated } from '../../errors';
import { clueAccess, handlerIdsOf } from '../rights/rights-access';
import { registryVisible, requireVisibleExpert } from './expert-queries';

export interface PersonUse {
  expertId: string;
  kind: PersonRecordKind;
  occurredOn: string;
  title: string;
  description?: string | null;
  caseRef?: string | null;
  rightsClueId?: string | null;
  /** The module record this use stands for, e.g. `{ sourceType: 'training', sourceId: sessionId }`. */
  sourceType?: string | null;
  sourceId?: string | null;
  recordedById?: string | null;
}

/**
 * Writes one record of use in the caller's transaction (no access check, no audit: the caller's use case did both).
 * With a source, a second call for the same person, kind and source writes nothing. Returns the id, or null.
 */
export async function recordPersonUse(tx: Executor, use: PersonUse): Promise<string | null> {
  const [row] = await tx
    .insert(personRecords)
    .values({
      expertId: use.expertId,
      kind: use.kind,
      occurredOn: use.occurredOn,
      title: use.title,
      description: use.description ?? null,
      caseRef: use.caseRef ?? null,
      rightsClueId: use.rightsClueId ?? null,
      sourceType: use.sourceType ?? null,
      sourceId: use.sourceId ?? null,
      recordedById: use.recordedById ?? null,
    })
    .onConflictDoNothing()
    .returning({ id: personRecords.id });
  return row?.id ?? null;
}

async function recordsWhere(db: Executor, expertId: string, kind?: PersonRecordKind) {
  const rows = await db
    .select({ record: personRecords, recordedByName: users.displayName, rightsClueNo: rightsClues.clueNo })
    .from(personRecords)
    .leftJoin(users, eq(users.id, personRecords.recordedById))
    .leftJoin(rightsClues, eq(rightsClues.id, personRecords.rightsClueId))
    .where(and(eq(personRecords.expertId, expertId), kind ? eq(personRecords.kind, kind) : undefined))
    .orderBy(desc(personRecords.occurredOn), desc(personRecords.createdAt));
  return rows.map(({ record: r, recordedByName, rightsClueNo }) => ({
    id: r.id,
    expertId: r.expertId,
    kind: r.kind,
    occurredOn: r.occurredOn,
    title: r.title,
    description: r.description,
    caseRef: r.caseRef,
    rightsClueId: r.rightsClueId,
    rightsClueNo,
    sourceType: r.sourceType,
    sourceId: r.sourceId,
    recordedByName,
    createdAt: r.createdAt,
  }));
}

/** A person's records, of one kind or all: for officers who see the person, and for the person itself. */
export async function listPersonRecords(db: Executor, ctx: RequestContext, expertId: string, kind?: PersonRecordKind) {
  const actor = ctx.actor;
  if (!actor) throw unauthenticated();
  await requireVisibleExpert(db, actor, expertId);
  const items = await recordsWhere(db, expertId, kind);
  return { items, total: items.length };
}

/** An officer who sees the person in the register (or an administrator) records a use of it. */
export async function createPersonRecord(db: Db, ctx: RequestContext, expertId: string, input: PersonRecordInput) {
  const actor = ctx.actor;
  if (!actor) throw unauthenticated();
  const found = await requireVisibleExpert(db, actor, expertId);
  if (!registryVisible(actor, found.jurisdictionPath)) throw forbidden('只有监管部门可以记录人才使用情况');
  if (input.rightsClueId) await requireLinkableClue(db, actor, input.rightsClueId);
  const id = await db.transaction(async (tx) => {
    const id = await recordPersonUse(tx, { ...input, expertId, recordedById: actor.id });
    await recordAudit(tx, ctx, {
      action: 'person.record',
      entityType: 'expert',
      entityId: expertId,
      jurisdictionPath: actor.jurisdictionPath ?? found.jurisdictionPath,
      after: { recordId: id, ...input },
    });
    return id!;
  });
  return (await recordsWhere(db, expertId)).find((r) => r.id === id)!;
}

/**
 * A record of use links only a clue the officer may see in the rights module (its clue list: metadata or more), so
 * an id from elsewhere neither links nor tells whether it exists.
 */
async function requireLinkableClue(db: Executor, actor: Actor, clueId: string) {
  const [clue] = await db.select().from(rightsClues).where(eq(rightsClues.id, clueId));
  if (!clue || clueAccess(actor, clue, await handlerIdsOf(db, clue.id)) === 'none') {
    throw new AppError('validation_failed', '关联的维权线索不存在或无权查看', {
      fields: [{ path: 'rightsClueId', message: '关联的维权线索不存在或无权查看' }],
    });
  }
}
