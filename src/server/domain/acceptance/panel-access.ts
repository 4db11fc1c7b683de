/**
 * Loading an application for the acceptance use cases and the checks they share: who may read it (404 otherwise,
 * so other bureaus learn nothing), who manages its panel (the programme's owning bureau or above, or an
 * administrator), and that it is under acceptance.
 */
import { ApplicationStatus, type WorkflowRole } from '../../../core/applications/workflow';
import type { AcceptanceStage, Programme } from '../../../core/programs/schema';
import type { Actor } from '../../context';
import type { Executor } from '../../db/client';
import { AppError, forbidden, notFound } from '../../errors';
import { findApplication, type LoadedApplication } from '../applications/application-queries';
import { isOnPanel } from '../applications/panel-membership';
import { mayRead, workflowRoles } from '../applications/workflow-roles';

export interface PanelContext {
  found: LoadedApplication;
  roles: WorkflowRole[];
  /** The actor is an expert sitting (not recused) on the panel. */
  onPanel: boolean;
  /** The actor manages the panel: owner officer or administrator. */
  manages: boolean;
}

export async function loadForAcceptance(
  db: Executor,
  actor: Actor,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<PanelContext> {
  const found = await findApplication(db, id, options);
  const onPanel = found ? await isOnPanel(db, actor, id) : false;
  if (!found || !mayRead(actor, found, onPanel)) throw notFound('申报');
  const roles = workflowRoles(actor, found);
  return { found, roles, onPanel, manages: roles.includes('owner_officer') || roles.includes('admin') };
}

export function requireManager(panel: PanelContext, what: string): void {
  if (!panel.manages) throw forbidden(`只有工作方案主管部门可以${what}`);
}

export function requireUnderAcceptance(found: LoadedApplication, what: string): void {
  const status = found.application.status;
  if (status !== 'under_acceptance') {
    throw new AppError(
      'invalid_transition',
      `当前状态为“${ApplicationStatus.labels[status]}”，只有验收中的申报可以${what}`,
      { details: { reason: 'not_under_acceptance' } },
    );
  }
}

export function acceptanceStage(programme: Programme): AcceptanceStage | undefined {
  return programme.stages.find((s): s is AcceptanceStage => s.kind === 'acceptance');
}
