/**
 * The application lifecycle's words and transition table without zod (issue 15): the labels of ApplicationStatus,
 * ApplicationAction and WorkflowRole (workflow.ts builds the enumerations from them), the table, who may act from
 * which status, and "what comes next" (guidance.ts re-exports it). The public help page reads this module; the
 * server and the workbench read it through workflow.ts and guidance.ts. Pure.
 */
import type { StageKind } from '../programs/enums';

export const APPLICATION_STATUS_LABELS = {
  draft: '草稿',
  submitted: '已提交',
  returned: '退回补充材料',
  district_recommended: '区县已推荐',
  district_not_recommended: '区县未推荐',
  under_acceptance: '验收中',
  acceptance_passed: '验收通过',
  acceptance_failed: '验收未通过',
  in_publicity: '公示中',
  approved: '已批准',
  not_approved: '未予认定',
  certified: '已认定',
  withdrawn: '已撤回',
  revoked: '已撤销认定',
} as const;

export const APPLICATION_ACTION_LABELS = {
  submit: '提交申报',
  withdraw: '撤回申报',
  return: '退回补充材料',
  resubmit: '重新提交',
  recommend: '审核推荐',
  not_recommend: '不予推荐',
  start_acceptance: '启动验收',
  pass: '验收通过',
  fail: '验收不通过',
  start_publicity: '开始公示',
  approve: '批准',
  reject: '不予认定',
  certify: '认定',
  revoke: '撤销认定',
} as const;

/** Who acts, relative to the application (WorkflowRole, workflow.ts). */
export const WORKFLOW_ROLE_LABELS = {
  applicant: '申报单位',
  district_officer: '属地区县监管部门',
  owner_officer: '方案主管部门',
  admin: '系统管理员',
} as const;

type ApplicationStatus = keyof typeof APPLICATION_STATUS_LABELS;
type ApplicationAction = keyof typeof APPLICATION_ACTION_LABELS;
type WorkflowRole = keyof typeof WORKFLOW_ROLE_LABELS;

export interface Transition {
  from: readonly ApplicationStatus[];
  to: ApplicationStatus;
  by: readonly WorkflowRole[];
  /** The action exists only when the programme has one of these stages; absent: always. */
  needs?: readonly StageKind[];
  /** When the programme lacks the stage, these roles take the action instead of `by`. */
  otherwise?: { without: StageKind; by: readonly WorkflowRole[] };
}

const DISTRICT = ['district_officer', 'admin'] as const;
const OWNER = ['owner_officer', 'admin'] as const;

export const transitionTable: Readonly<Record<ApplicationAction, Transition>> = {
  submit: { from: ['draft'], to: 'submitted', by: ['applicant'], needs: ['application'] },
  withdraw: {
    from: ['draft', 'submitted', 'returned', 'district_recommended', 'under_acceptance'],
    to: 'withdrawn',
    by: ['applicant'],
  },
  // The bureau that receives the application returns it for more material: the district that reviews it, or
  // without district review the owning bureau itself (000 Putuo).
  return: {
    from: ['submitted'],
    to: 'returned',
    by: DISTRICT,
    otherwise: { without: 'district_review', by: OWNER },
  },
  resubmit: { from: ['returned'], to: 'submitted', by: ['applicant'] },
  recommend: { from: ['submitted'], to: 'district_recommended', by: DISTRICT, needs: ['district_review'] },
  not_recommend: { from: ['submitted'], to: 'district_not_recommended', by: DISTRICT, needs: ['district_review'] },
  start_acceptance: { from: ['district_recommended'], to: 'under_acceptance', by: OWNER, needs: ['acceptance'] },
  pass: { from: ['under_acceptance'], to: 'acceptance_passed', by: OWNER, needs: ['acceptance'] },
  fail: { from: ['under_acceptance'], to: 'acceptance_failed', by: OWNER, needs: ['acceptance'] },
  start_publicity: { from: ['acceptance_passed'], to: 'in_publicity', by: OWNER, needs: ['publicity'] },
  approve: { from: ['in_publicity'], to: 'approved', by: OWNER, needs: ['publicity', 'approval', 'certification'] },
  // An objection upheld during publicity, or a decision against: the application ends without a base.
  reject: {
    from: ['in_publicity'],
    to: 'not_approved',
    by: OWNER,
    needs: ['publicity', 'approval', 'certification'],
  },
  certify: { from: ['approved'], to: 'certified', by: OWNER, needs: ['certification'] },
  revoke: { from: ['certified'], to: 'revoked', by: OWNER, needs: ['certification'] },
};

/** Statuses only a stage produces, and the status that stands for them when the programme has no such stage. */
const STAGE_OUTCOMES: Partial<Record<ApplicationStatus, { stage: StageKind; otherwise: ApplicationStatus }>> = {
  district_recommended: { stage: 'district_review', otherwise: 'submitted' },
  acceptance_passed: { stage: 'acceptance', otherwise: 'district_recommended' },
  in_publicity: { stage: 'publicity', otherwise: 'acceptance_passed' },
};

export type StagesPresent = ReadonlySet<StageKind> | readonly StageKind[];

const asSet = (stages: StagesPresent): ReadonlySet<StageKind> =>
  stages instanceof Set ? stages : new Set(stages as readonly StageKind[]);

function standIn(status: ApplicationStatus, stages: ReadonlySet<StageKind>): ApplicationStatus {
  let current = status;
  for (
    let outcome = STAGE_OUTCOMES[current];
    outcome && !stages.has(outcome.stage);
    outcome = STAGE_OUTCOMES[current]
  ) {
    current = outcome.otherwise;
  }
  return current;
}

/** Whether the action exists in a programme with these stages. */
export function actionInProgramme(action: ApplicationAction, stages: StagesPresent): boolean {
  const needs = transitionTable[action].needs;
  const present = asSet(stages);
  return !needs || needs.some((kind) => present.has(kind));
}

/** The statuses an action starts from in a programme with these stages (skipped stages resolved). */
export function effectiveFrom(action: ApplicationAction, stages: StagesPresent): ApplicationStatus[] {
  if (!actionInProgramme(action, stages)) return [];
  const present = asSet(stages);
  return [...new Set(transitionTable[action].from.map((s) => standIn(s, present)))];
}

/**
 * The actions possible from a status, in table order; when a role (or the several parts one actor plays) is given,
 * only those it may perform.
 */
export function allowedActions(
  status: ApplicationStatus,
  stages: StagesPresent,
  role?: WorkflowRole | readonly WorkflowRole[],
): ApplicationAction[] {
  const roles = role === undefined ? undefined : typeof role === 'string' ? [role] : role;
  return (Object.keys(APPLICATION_ACTION_LABELS) as ApplicationAction[]).filter(
    (action) =>
      effectiveFrom(action, stages).includes(status) &&
      (roles === undefined || roles.some((r) => performers(action, stages).includes(r))),
  );
}

/** The roles that take an action in a programme with these stages. */
export function performers(action: ApplicationAction, stages: StagesPresent): readonly WorkflowRole[] {
  const row = transitionTable[action];
  return row.otherwise && !asSet(stages).has(row.otherwise.without) ? row.otherwise.by : row.by;
}

/** The order in which the parties are named as the one an application waits on. */
const WAITING_ORDER = ['applicant', 'district_officer', 'owner_officer'] as const satisfies readonly WorkflowRole[];

export interface NextStep {
  /** The party whose action moves the application on; null when it has ended (only withdrawal, or nothing, left). */
  waitingOn: WorkflowRole | null;
  /** The actions that move it on from here (withdrawal excluded), each with who takes it. */
  actions: { action: ApplicationAction; label: string; by: WorkflowRole[] }[];
}

/** Who an application in `status` waits on and what they may do, from the transition table and the stages. */
export function nextStep(status: ApplicationStatus, stages: Parameters<typeof allowedActions>[1]): NextStep {
  const actions = allowedActions(status, stages)
    .filter((action) => action !== 'withdraw')
    .map((action) => ({
      action,
      label: APPLICATION_ACTION_LABELS[action],
      by: performers(action, stages).filter((role) => role !== 'admin') as WorkflowRole[],
    }));
  const waitingOn = WAITING_ORDER.find((role) => actions.some((a) => a.by.includes(role))) ?? null;
  return { waitingOn, actions };
}

/**
 * A plain sentence of what the application waits for, e.g. "等待属地区县监管部门：审核推荐、不予推荐"; the applicant
 * is named `applicant` (the applicant's own pages say "本单位").
 */
export function describeNextStep(step: NextStep, applicant = '本单位'): string {
  if (!step.waitingOn) return '流程已结束';
  const labels = step.actions.filter((a) => a.by.includes(step.waitingOn!)).map((a) => a.label);
  const who = step.waitingOn === 'applicant' ? applicant : WORKFLOW_ROLE_LABELS[step.waitingOn];
  return `等待${who}：${labels.join('、')}`;
}
