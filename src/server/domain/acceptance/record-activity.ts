/**
 * The owning bureau records how an application was checked — written pre-review, spot check, panel meeting, site
 * visit (002 art. 11(4)) — by one of the methods its programme's acceptance stage names, with the day, the people
 * and the findings. Each method leaves a record.
 */
import { asc, eq } from 'drizzle-orm';
import { chineseDate } from '../../../core/applications/guards';
import { AcceptanceMethod } from '../../../core/programs/enums';
import type { AcceptanceActivityInput } from '../../../shared/schemas/acceptance';
import { recordAudit } from '../../audit';
import type { RequestContext } from '../../context';
import type { Db, Executor } from '../../db/client';
import { acceptanceActivities, users } from '../../db/schema';
import { AppError, forbidden, unauthenticated } from '../../errors';
import { acceptanceStage, loadForAcceptance, requireManager, requireUnderAcceptance } from './panel-access';

const invalid = (path: string, message: string) =>
  new AppError('validation_failed', message, { fields: [{ path, message }] });

export async function recordActivity(
  db: Db,
  ctx: RequestContext,
  applicationId: string,
  input: AcceptanceActivityInput,
  today: string,
) {
  const actor = ctx.actor;
  if (!actor) throw unauthenticated();
  return db.transaction(async (tx) => {
    const panel = await loadForAcceptance(tx, actor, applicationId, { forUpdate: true });
    requireManager(panel, '记录验收活动');
    const { found } = panel;
    requireUnderAcceptance(found, '记录验收活动');
    const methods = acceptanceStage(found.programme)?.methods ?? [];
    if (!methods.includes(input.method)) {
      const allowed = methods.map((m) => `“${AcceptanceMethod.labels[m]}”`).join('、');
      throw invalid(
        'method',
        `本方案的验收方式为${allowed || '（无）'}，不含“${AcceptanceMethod.labels[input.method]}”`,
      );
    }
    if (input.occurredOn > today) throw invalid('occurredOn', `验收活动日期不能晚于今天（${chineseDate(today)}）`);
    const [row] = await tx
      .insert(acceptanceActivities)
      .values({ applicationId, ...input, recordedById: actor.id })
      .returning({ id: acceptanceActivities.id });
    await recordAudit(tx, ctx, {
      action: 'acceptance.record',
      entityType: 'application',
      entityId: applicationId,
      unitId: found.application.unitId,
      jurisdictionPath: found.unitPath,
      after: { activityId: row!.id, method: input.method, occurredOn: input.occurredOn },
    });
    return row!.id;
  });
}

/** The records of an application's acceptance: for the bureaus that read it and the panel, not the applicant. */
export async function listActivities(db: Executor, ctx: RequestContext, applicationId: string) {
  const actor = ctx.actor;
  if (!actor) throw unauthenticated();
  const panel = await loadForAcceptance(db, actor, applicationId);
  if (panel.roles.includes('applicant') && !panel.manages) throw forbidden('验收记录仅供监管部门和验收专家查看');
  const items = await db
    .select({
      id: acceptanceActivities.id,
      method: acceptanceActivities.method,
      occurredOn: acceptanceActivities.occurredOn,
      people: acceptanceActivities.people,
      findings: acceptanceActivities.findings,
      recordedByName: users.displayName,
      createdAt: acceptanceActivities.createdAt,
    })
    .from(acceptanceActivities)
    .leftJoin(users, eq(users.id, acceptanceActivities.recordedById))
    .where(eq(acceptanceActivities.applicationId, applicationId))
    .orderBy(asc(acceptanceActivities.occurredOn), asc(acceptanceActivities.createdAt));
  return { items, total: items.length };
}
