/**
 * Who may see and do what with a clue — the confidentiality rules of issue 12 in one place, for this module and for
 * rights-cases built on it:
 * - `content`: the assigned handlers, officers of a bureau above the competent one (supervising), and the officer
 *   who recorded the clue read everything (internal notes included); so do the officers of a bureau the city brought
 *   into the case for joint handling (联合办案, rights-cases), who read without acting as handlers;
 * - `reporter`: the reporting unit's accounts (and the public with code + secret, follow-public-clue.ts) read what
 *   they reported, status, deadlines, reasons and messages — never internal notes, handlers' events or duplicates;
 * - `metadata`: other officers of the competent bureau (and administrators) see that it exists and its status;
 * - `none`: everybody else (404).
 * Every content read is audited (`rights.read_content`); a metadata-only caller asking for content is audited too
 * (`rights.read_denied`).
 */
import { and, eq } from 'drizzle-orm';
import { isCityOrAbove } from '../../../shared/enums';
import { recordAudit } from '../../audit';
import type { Actor, RequestContext } from '../../context';
import type { Db, Executor } from '../../db/client';
import { rightsCaseJointBureaus, rightsClueHandlers, rightsClues } from '../../db/schema';
import { forbidden, notFound, unauthenticated } from '../../errors';
import { inSubtree } from '../../policies';

export type ClueRow = typeof rightsClues.$inferSelect;
export type ClueAccess = 'content' | 'reporter' | 'metadata' | 'none';

/** The officer acts for a bureau strictly above `path` (a supervising bureau). */
export function isSupervisorOf(actor: Actor, path: string): boolean {
  return actor.role === 'officer' && inSubtree(actor, path) && actor.jurisdictionPath !== path;
}

/** An officer of a municipal (or higher) bureau: designates centres, changes the rules. */
export function isCityOfficer(actor: Actor): boolean {
  return actor.role === 'officer' && isCityOrAbove(actor.jurisdictionLevel);
}

export function clueAccess(
  actor: Actor,
  clue: Pick<ClueRow, 'jurisdictionPath' | 'reporterUnitId' | 'recordedById'>,
  handlerIds: readonly string[],
  jointCodes: readonly string[] = [],
): ClueAccess {
  switch (actor.role) {
    case 'officer':
      if (
        handlerIds.includes(actor.id) ||
        isSupervisorOf(actor, clue.jurisdictionPath) ||
        clue.recordedById === actor.id ||
        (actor.jurisdictionCode !== null && jointCodes.includes(actor.jurisdictionCode))
      )
        return 'content';
      return inSubtree(actor, clue.jurisdictionPath) ? 'metadata' : 'none';
    case 'applicant':
      return actor.unitId !== null && clue.reporterUnitId === actor.unitId ? 'reporter' : 'none';
    case 'admin':
      return 'metadata';
    case 'expert':
      return 'none';
  }
}

export async function handlerIdsOf(db: Executor, clueId: string): Promise<string[]> {
  const rows = await db
    .select({ userId: rightsClueHandlers.userId })
    .from(rightsClueHandlers)
    .where(eq(rightsClueHandlers.clueId, clueId));
  return rows.map((r) => r.userId);
}

/** The bureaus brought into the clue's case for joint handling (联合办案). */
export async function jointCodesOf(db: Executor, clueId: string): Promise<string[]> {
  const rows = await db
    .select({ code: rightsCaseJointBureaus.jurisdictionCode })
    .from(rightsCaseJointBureaus)
    .where(eq(rightsCaseJointBureaus.clueId, clueId));
  return rows.map((r) => r.code);
}

export interface LoadedClue {
  clue: ClueRow;
  handlerIds: string[];
  access: Exclude<ClueAccess, 'none'>;
}

/** The clue as the caller may see it; 401 without a session, 404 when it does not exist or is out of scope. */
export async function loadClue(db: Executor, ctx: RequestContext, id: string, forUpdate = false): Promise<LoadedClue> {
  const actor = ctx.actor;
  if (!actor) throw unauthenticated();
  const query = db.select().from(rightsClues).where(eq(rightsClues.id, id));
  const [clue] = forUpdate ? await query.for('update') : await query;
  if (!clue) throw notFound('维权线索');
  const handlerIds = await handlerIdsOf(db, id);
  const access = clueAccess(actor, clue, handlerIds, await jointCodesOf(db, id));
  if (access === 'none') throw notFound('维权线索');
  return { clue, handlerIds, access };
}

/**
 * For reads of confidential content (detail, files): a metadata-only caller is refused with 403 and the attempt is
 * written to the audit trail (in its own transaction, since the refusal rolls nothing else back).
 */
export async function requireContent(db: Db, ctx: RequestContext, loaded: LoadedClue, what: string): Promise<void> {
  if (loaded.access !== 'metadata') return;
  await auditDenied(db, ctx, loaded.clue, what);
  throw forbidden('维权线索内容保密，仅承办人、上级监管部门和举报/申请人可以查看');
}

export async function auditDenied(db: Db, ctx: RequestContext, clue: ClueRow, what: string): Promise<void> {
  await db.transaction((tx) =>
    recordAudit(tx, ctx, {
      action: 'rights.read_denied',
      entityType: 'rights_clue',
      entityId: clue.id,
      jurisdictionPath: clue.jurisdictionPath,
      unitId: clue.reporterUnitId,
      after: { clueNo: clue.clueNo, what },
    }),
  );
}

/** Acting as a handler (triage, transfer steps, extension request, messages to the reporter): 403 otherwise. */
export function requireHandler(ctx: RequestContext, loaded: LoadedClue): Actor {
  const actor = ctx.actor!;
  if (actor.role !== 'officer' || !loaded.handlerIds.includes(actor.id)) throw forbidden('只有本线索的承办人可以办理');
  return actor;
}

/** Approving (extension, criminal transfer): an officer of the competent bureau or above other than `requestedBy`. */
export function requireApprover(ctx: RequestContext, loaded: LoadedClue, requestedBy: string | null): Actor {
  const actor = ctx.actor!;
  if (actor.role !== 'officer' || !inSubtree(actor, loaded.clue.jurisdictionPath))
    throw forbidden('只有管辖部门或其上级部门可以审批');
  if (requestedBy && actor.id === requestedBy) throw forbidden('审批须由提出人以外的负责人作出');
  return actor;
}

/** Assigning handlers: an officer of the competent bureau or of a bureau above it. */
export function requireAssigner(ctx: RequestContext, loaded: LoadedClue): Actor {
  const actor = ctx.actor!;
  if (actor.role !== 'officer' || !inSubtree(actor, loaded.clue.jurisdictionPath))
    throw forbidden('只有管辖部门或其上级部门可以指定承办人');
  return actor;
}

/** Is this user one of the clue's handlers (for SQL-free checks in other use cases)? */
export async function isHandler(db: Executor, clueId: string, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ userId: rightsClueHandlers.userId })
    .from(rightsClueHandlers)
    .where(and(eq(rightsClueHandlers.clueId, clueId), eq(rightsClueHandlers.userId, userId)));
  return Boolean(row);
}
