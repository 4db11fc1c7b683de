import { and, eq, isNull } from 'drizzle-orm';
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
