/**
 * Moves an application along its programme's workflow. One transaction: lock the row, check the action is legal
 * in the current status (409 listing the actions this caller may take instead), that the actor plays a part that
 * may take it (403), that the version read is current (409), and the action's own guards; then a guarded update
 * (status and version unchanged since read — of two racing transitions one wins, the other gets 409), the history
 * event, the audit entry, the action's further writes and the notifications.
 */
import { and, eq, isNull, sql } from 'drizzle-orm';
import { scheduleFinding } from '../../../core/applications/schedule';
import {
  ApplicationAction,
  ApplicationStatus,
  allowedActions,
  isTransitionError,
  nextStatus,
  roleMayPerform,
  stagesOf,
  type WorkflowRole,
} from '../../../core/applications/workflow';
import type { TransitionInput } from '../../../shared/schemas/application';
import { recordAudit } from '../../audit';
import type { RequestContext } from '../../context';
import type { Db, Executor } from '../../db/client';
import { applicationEvents, applications, objections } from '../../db/schema';
import { AppError, forbidden, notFound, unauthenticated } from '../../errors';
import type { ActionHookContext } from './action-hooks';
import { findApplication, type LoadedApplication } from './application-queries';
import { ACTION_HOOKS } from './hooks';
import { notifyApplicationChange } from './notify-application';
import { isOnPanel } from './panel-membership';
import { mayRead, workflowRoles } from './workflow-roles';

/** The actions this actor may take now: what the UI offers, and what a refused action lists. */
export function actionsFor(found: LoadedApplication, roles: readonly WorkflowRole[]) {
  return allowedActions(found.application.status, stagesOf(found.programme), roles);
}

/** Something the officer should know about an action that went ahead (e.g. outside the published dates). */
export interface TransitionWarning {
  code: string;
  message: string;
}

export async function transitionApplication(
  db: Db,
  ctx: RequestContext,
  id: string,
  input: TransitionInput,
  today: string,
): Promise<{ warnings: TransitionWarning[] }> {
  const actor = ctx.actor;
  if (!actor) throw unauthenticated();
  return db.transaction(async (tx) => {
    const found = await findApplication(tx, id, { forUpdate: true });
    if (!found || !mayRead(actor, found, await isOnPanel(tx, actor, id))) throw notFound('申报');
    const roles = workflowRoles(actor, found);
    const stages = stagesOf(found.programme);
    const from = found.application.status;
    const unresolvedObjections = input.action === 'approve' ? await countUnresolvedObjections(tx, id) : 0;
    // With the caller's roles, the refusal's message and `allowed` both name what this caller may do instead.
    const to = nextStatus(from, input.action, stages, { unresolvedObjections, roles });
    if (isTransitionError(to)) {
      throw new AppError('invalid_transition', to.message, { details: { allowed: to.allowed, reason: to.code } });
    }
    if (!roles.some((role) => roleMayPerform(input.action, role, stages))) {
      throw forbidden(`无权进行“${ApplicationAction.labels[input.action]}”操作`);
    }
    if (input.version !== found.application.version) {
      throw new AppError('conflict', '申报已被他人更新，请刷新后重试');
    }
    // The stage's published dates: binding when the programme says so, otherwise a warning answered and recorded.
    const outside = scheduleFinding(found.programme, input.action, today);
    if (outside?.enforced) {
      throw new AppError('invalid_transition', outside.message, {
        details: { reason: 'outside_schedule', stage: outside.stageId },
      });
    }
    const warnings: TransitionWarning[] = outside ? [{ code: outside.code, message: outside.message }] : [];
    const hook: ActionHookContext = { tx, ctx, found, input, today };
    const hooks = ACTION_HOOKS[input.action] ?? [];
    for (const h of hooks) await h.check?.(hook);
    const columns = Object.assign({}, ...hooks.map((h) => h.columns?.(hook) ?? {}));
    const updated = await tx
      .update(applications)
      .set({ ...columns, status: to, version: sql`${applications.version} + 1`, updatedAt: new Date() })
      .where(and(eq(applications.id, id), eq(applications.status, from), eq(applications.version, input.version)))
      .returning({ id: applications.id });
    if (updated.length === 0) throw new AppError('conflict', '申报已被他人更新，请刷新后重试');
    for (const h of hooks) await h.apply?.(hook);
    const actorName = `${actor.displayName}（${actor.username}）`;
    await tx.insert(applicationEvents).values({
      applicationId: id,
      action: input.action,
      fromStatus: from,
      toStatus: to,
      actorId: actor.id,
      actorName,
      comment: input.comment ?? null,
      businessDate: today,
    });
    await recordAudit(tx, ctx, {
      action: 'application.transition',
      entityType: 'application',
      entityId: id,
      unitId: found.application.unitId,
      jurisdictionPath: found.unitPath,
      before: { status: from },
      after: {
        status: to,
        action: input.action,
        comment: input.comment ?? null,
        ...(warnings.length > 0 ? { warnings: warnings.map((w) => w.message) } : {}),
      },
    });
    const label = ApplicationAction.labels[input.action];
    await notifyApplicationChange(
      tx,
      { ...found, application: { ...found.application, status: to } },
      {
        title: `${found.unitName}的申报：${label}`,
        body: `${found.programmeTitle}，当前状态：${ApplicationStatus.labels[to]}${input.comment ? `。意见：${input.comment}` : ''}`,
      },
      actor.id,
    );
    return { warnings };
  });
}

async function countUnresolvedObjections(tx: Executor, id: string) {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(objections)
    .where(and(eq(objections.applicationId, id), isNull(objections.resolvedAt)));
  return row?.n ?? 0;
}
