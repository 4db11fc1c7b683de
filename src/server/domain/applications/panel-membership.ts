import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Actor } from '../../context';
import type { Executor } from '../../db/client';
import { experts, panelAssignments } from '../../db/schema';

/** Whether the actor is an expert sitting (not recused) on the application's panel. */
export async function isOnPanel(db: Executor, actor: Actor, applicationId: string): Promise<boolean> {
  if (actor.role !== 'expert') return false;
  const [row] = await db
    .select({ id: panelAssignments.expertId })
    .from(panelAssignments)
    .innerJoin(experts, eq(experts.id, panelAssignments.expertId))
    .where(
      and(
        eq(panelAssignments.applicationId, applicationId),
        eq(experts.userId, actor.id),
        isNull(panelAssignments.recusedAt),
      ),
    );
  return row !== undefined;
}

/**
 * Of these applications, those on whose panel the expert (by its login) sits, not recused, each with whether it
 * has saved a scoring sheet yet.
 */
export async function ownPanelSheets(
  db: Executor,
  actor: Actor,
  applicationIds: readonly string[],
): Promise<Map<string, { saved: boolean }>> {
  if (actor.role !== 'expert' || applicationIds.length === 0) return new Map();
  const rows = await db
    .select({
      applicationId: panelAssignments.applicationId,
      saved: sql<boolean>`${panelAssignments.answers} IS NOT NULL`,
    })
    .from(panelAssignments)
    .innerJoin(experts, eq(experts.id, panelAssignments.expertId))
    .where(
      and(
        inArray(panelAssignments.applicationId, [...applicationIds]),
        eq(experts.userId, actor.id),
        isNull(panelAssignments.recusedAt),
      ),
    );
  return new Map(rows.map((r) => [r.applicationId, { saved: Boolean(r.saved) }]));
}
