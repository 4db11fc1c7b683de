/**
 * Who hears of a change to an application: the applicant unit's accounts (unless they made it), and the officers
 * who must act next — the applicant's district bureau or the programme's owning bureau, as the next allowed
 * actions say. Written in the transaction of the change (the notification centre reads them; e-mail goes out
 * when SMTP is configured).
 */
import { and, eq, inArray, type SQL } from 'drizzle-orm';
import { allowedActions, stagesOf, type WorkflowRole } from '../../../core/applications/workflow';
import type { Executor } from '../../db/client';
import { users } from '../../db/schema';
import { notifyUsers } from '../notifications/notify';
import type { LoadedApplication } from './application-queries';

export async function notifyApplicationChange(
  tx: Executor,
  found: LoadedApplication,
  message: { title: string; body: string },
  actorId: string | null,
): Promise<void> {
  const status = found.application.status;
  const nextRoles = new Set<WorkflowRole>(
    allowedActions(status, stagesOf(found.programme)).flatMap((action) =>
      (['applicant', 'district_officer', 'owner_officer'] as const).filter((role) =>
        allowedActions(status, stagesOf(found.programme), role).includes(action),
      ),
    ),
  );
  const officerCodes = [
    ...(nextRoles.has('district_officer') ? [found.unitJurisdictionCode] : []),
    ...(nextRoles.has('owner_officer') ? [found.ownerCode] : []),
  ];
  const recipients = [
    ...(await activeUserIds(tx, eq(users.unitId, found.application.unitId))),
    ...(officerCodes.length > 0
      ? await activeUserIds(tx, and(eq(users.role, 'officer'), inArray(users.jurisdictionCode, officerCodes)))
      : []),
  ].filter((id) => id !== actorId);
  await notifyUsers(tx, recipients, { ...message, link: `/applications/${found.application.id}` });
}

async function activeUserIds(tx: Executor, where: SQL | undefined): Promise<string[]> {
  const rows = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.disabled, false), where));
  return rows.map((r) => r.id);
}
