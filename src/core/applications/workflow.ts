/**
 * The application lifecycle as data: one status enum, one action enum, one transition table. Pure.
 *
 * The table describes the full path (002 Shaoxing: apply → county review → city acceptance → publicity →
 * certification). A programme that lacks a stage skips it:
 * - an action that belongs to a missing stage does not exist (`needs`): without district review there is no
 *   recommend / not_recommend (returning for more material stays: the owning bureau does it, `otherwise`), without acceptance no start_acceptance / pass / fail, without
 *   publicity no start_publicity, without certification no certify / revoke;
 * - a status that only a missing stage produces stands for the status before it (`STAGE_OUTCOMES`), so the next
 *   action starts from there: without district review start_acceptance starts from `submitted` (000 Putuo);
 *   without publicity approve follows `acceptance_passed` (000, 003 Wuhan); without acceptance approve follows
 *   `district_recommended` — a district-level programme where the district both reviews and decides;
 * - approve exists only when the programme decides (it has a publicity, approval or certification stage). 004
 *   Shijingshan has none: the district's recommendation to the city is the programme's outcome, so an application
 *   ends at `district_recommended` (the applicant may still withdraw) or `district_not_recommended` — the city's
 *   own selection is another programme. Likewise, with no certification stage `approved` is final.
 */
import type { z } from 'zod';
import { enumOf } from '../../shared/enums';
import type { StageKind } from '../programs/enums';
import type { Programme } from '../programs/schema';
import {
  APPLICATION_ACTION_LABELS,
  APPLICATION_STATUS_LABELS,
  actionInProgramme,
  allowedActions,
  effectiveFrom,
  performers,
  type StagesPresent,
  transitionTable,
  WORKFLOW_ROLE_LABELS,
} from './transitions';

export {
  actionInProgramme,
  allowedActions,
  effectiveFrom,
  performers,
  type StagesPresent,
  type Transition,
  transitionTable,
} from './transitions';

export const ApplicationStatus = enumOf(APPLICATION_STATUS_LABELS);
export type ApplicationStatus = z.infer<typeof ApplicationStatus.schema>;

export const ApplicationAction = enumOf(APPLICATION_ACTION_LABELS);
export type ApplicationAction = z.infer<typeof ApplicationAction.schema>;

/**
 * Who acts, relative to the application: the applicant unit; an officer of the applicant's own district/county;
 * an officer of the jurisdiction that owns the programme (in a district programme such as 000 that is the same
 * bureau); a system administrator (officer actions only, to correct mistakes — never on the applicant's behalf).
 */
export const WorkflowRole = enumOf(WORKFLOW_ROLE_LABELS);
export type WorkflowRole = z.infer<typeof WorkflowRole.schema>;

/** Statuses that end an application without a base: the unit may apply again (subject to the guards). */
export const ENDED_STATUSES: readonly ApplicationStatus[] = [
  'withdrawn',
  'district_not_recommended',
  'acceptance_failed',
  'not_approved',
  'revoked',
];

/** Active: still under way, or ended with a base (approved, certified). */
export function isActiveStatus(status: ApplicationStatus): boolean {
  return !ENDED_STATUSES.includes(status);
}

/** The kinds of stage a programme has. */
export function stagesOf(programme: Pick<Programme, 'stages'>): ReadonlySet<StageKind> {
  return new Set(programme.stages.map((s) => s.kind));
}

/**
 * Whether a role performs an action at all in a programme with these stages (the jurisdiction match itself is the
 * policy layer's business); without stages, by the full table.
 */
export function roleMayPerform(action: ApplicationAction, role: WorkflowRole, stages?: StagesPresent): boolean {
  return (stages ? performers(action, stages) : transitionTable[action].by).includes(role);
}

export type TransitionErrorCode = 'illegal_transition' | 'objections_unresolved';

export interface TransitionError {
  code: TransitionErrorCode;
  message: string;
  allowed: ApplicationAction[];
}

/** Inputs of guards that belong to the transition itself, and who asks. */
export interface TransitionGuards {
  /** Objections filed during publicity and not yet resolved; approve needs 0. */
  unresolvedObjections?: number;
  /**
   * The parts the caller plays in this application. When given, a refusal's message and `allowed` list only the
   * actions the caller may take now — what it can actually do next; without it, every action of the status.
   */
  roles?: readonly WorkflowRole[];
}

const quote = (s: string) => `“${s}”`;

function illegal(
  status: ApplicationStatus,
  action: ApplicationAction,
  stages: StagesPresent,
  roles: readonly WorkflowRole[] | undefined,
): TransitionError {
  const allowed = allowedActions(status, stages, roles);
  const head = actionInProgramme(action, stages)
    ? `当前状态为${quote(ApplicationStatus.labels[status])}，不能${quote(ApplicationAction.labels[action])}`
    : `本方案没有相应阶段，不能${quote(ApplicationAction.labels[action])}（当前状态为${quote(ApplicationStatus.labels[status])}）`;
  const you = roles === undefined ? '' : '您';
  const tail =
    allowed.length > 0
      ? `${you}可以进行的操作：${allowed.map((a) => ApplicationAction.labels[a]).join('、')}`
      : `当前状态下${you}没有可以进行的操作`;
  return { code: 'illegal_transition', message: `${head}。${tail}。`, allowed };
}

/**
 * The status after an action, or why the action is not possible now. The role is checked separately
 * (`allowedActions(…, role)` / `roleMayPerform`), as is the actor's jurisdiction; `guards.roles` only shapes what a
 * refusal lists.
 */
export function nextStatus(
  status: ApplicationStatus,
  action: ApplicationAction,
  stages: StagesPresent,
  guards: TransitionGuards = {},
): ApplicationStatus | TransitionError {
  if (!effectiveFrom(action, stages).includes(status)) return illegal(status, action, stages, guards.roles);
  const unresolved = guards.unresolvedObjections ?? 0;
  if (action === 'approve' && unresolved > 0) {
    return {
      code: 'objections_unresolved',
      message: `公示期间收到的异议尚有 ${unresolved} 件未处理完毕，处理完毕后方可批准。`,
      allowed: allowedActions(status, stages, guards.roles).filter((a) => a !== 'approve'),
    };
  }
  return transitionTable[action].to;
}

export function isTransitionError(result: ApplicationStatus | TransitionError): result is TransitionError {
  return typeof result === 'object';
}

/** The statuses the full table (all stages present) leads to from `start`, `start` included, never entering `avoid`. */
function reachableFrom(start: ApplicationStatus, avoid?: ApplicationStatus): Set<ApplicationStatus> {
  const seen = new Set<ApplicationStatus>(start === avoid ? [] : [start]);
  const queue = [...seen];
  for (let status = queue.shift(); status; status = queue.shift()) {
    for (const row of Object.values(transitionTable)) {
      if (row.from.includes(status) && row.to !== avoid && !seen.has(row.to)) {
        seen.add(row.to);
        queue.push(row.to);
      }
    }
  }
  return seen;
}

/**
 * `status` and every status that only an application which has been in `status` can be in, by the full table: those
 * reachable from it but not from a draft without passing through it. A status also reachable the other way (e.g.
 * `withdrawn`, possible before and after recommendation) is left out — it says nothing about having been there.
 */
export function statusesOnlyThrough(status: ApplicationStatus): ApplicationStatus[] {
  const after = reachableFrom(status);
  const around = reachableFrom('draft', status);
  return ApplicationStatus.values.filter((s) => after.has(s) && !around.has(s));
}

/** Statuses from which no action leads anywhere in a programme with these stages. */
export function isFinalStatus(status: ApplicationStatus, stages: StagesPresent): boolean {
  return allowedActions(status, stages).length === 0;
}

/** The statuses an application can reach from a draft in a programme with these stages, draft included. */
export function reachableStatuses(stages: StagesPresent): Set<ApplicationStatus> {
  const seen = new Set<ApplicationStatus>(['draft']);
  for (let grew = true; grew; ) {
    grew = false;
    for (const action of ApplicationAction.values) {
      const to = transitionTable[action].to;
      if (!seen.has(to) && effectiveFrom(action, stages).some((from) => seen.has(from))) {
        seen.add(to);
        grew = true;
      }
    }
  }
  return seen;
}
