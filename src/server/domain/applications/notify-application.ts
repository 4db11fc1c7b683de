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
  const stages = stagesOf(found.programme);
  const actsNext = (role: WorkflowRole) => allowedActions(found.application.status, stages, role).length > 0;
  const officerCodes = [
    ...(actsNext('district_officer') ? [found.unitJurisdictionCode] : []),
    ...(actsNext('owner_officer') ? [found.ownerCode] : []),
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
