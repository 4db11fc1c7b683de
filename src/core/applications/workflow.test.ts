import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { StageKind } from '../programs/enums';
import type { Programme } from '../programs/schema';
import { putuo, shanghai, shaoxing, shijingshan, wuhan } from './seed-programmes.fixture';
import {
  ApplicationAction as Actions,
  type ApplicationAction,
  ApplicationStatus,
  allowedActions,
  isActiveStatus,
  isFinalStatus,
  isTransitionError,
  nextStatus,
  roleMayPerform,
  stagesOf,
  statusesOnlyThrough,
  transitionTable,
  WorkflowRole,
} from './workflow';

const FULL = stagesOf(shaoxing); // cultivation, application, district_review, acceptance, publicity, certification

/** The full path (002 Shaoxing), written out by hand rather than derived from the table. */
const FULL_PATH: [ApplicationStatus, ApplicationAction, ApplicationStatus][] = [
  ['draft', 'submit', 'submitted'],
  ['draft', 'withdraw', 'withdrawn'],
  ['submitted', 'withdraw', 'withdrawn'],
  ['returned', 'withdraw', 'withdrawn'],
  ['district_recommended', 'withdraw', 'withdrawn'],
  ['under_acceptance', 'withdraw', 'withdrawn'],
  ['submitted', 'return', 'returned'],
  ['returned', 'resubmit', 'submitted'],
  ['submitted', 'recommend', 'district_recommended'],
  ['submitted', 'not_recommend', 'district_not_recommended'],
  ['district_recommended', 'start_acceptance', 'under_acceptance'],
  ['under_acceptance', 'pass', 'acceptance_passed'],
  ['under_acceptance', 'fail', 'acceptance_failed'],
  ['acceptance_passed', 'start_publicity', 'in_publicity'],
  ['in_publicity', 'approve', 'approved'],
  ['in_publicity', 'reject', 'not_approved'],
  ['approved', 'certify', 'certified'],
  ['certified', 'revoke', 'revoked'],
];

const legalFrom = (status: ApplicationStatus) =>
  FULL_PATH.filter(([from]) => from === status).map(([, action]) => action);

function reachable(stages: ReadonlySet<StageKind>): Set<ApplicationStatus> {
  const seen = new Set<ApplicationStatus>(['draft']);
  const queue: ApplicationStatus[] = ['draft'];
  for (let status = queue.shift(); status; status = queue.shift()) {
    for (const action of allowedActions(status, stages)) {
      const to = nextStatus(status, action, stages);
      if (isTransitionError(to)) throw new Error(`${status} ${action}: ${to.message}`);
      if (!seen.has(to)) {
        seen.add(to);
        queue.push(to);
      }
    }
  }
  return seen;
}

const without = (p: Programme, ...kinds: StageKind[]) => new Set([...stagesOf(p)].filter((k) => !kinds.includes(k)));

describe('enums and table', () => {
  it('labels every status, action and role in Chinese', () => {
    for (const labels of [ApplicationStatus.labels, Actions.labels, WorkflowRole.labels]) {
      for (const label of Object.values(labels)) expect(label).toMatch(/\p{Script=Han}/u);
    }
    expect(ApplicationStatus.values).toHaveLength(14);
    expect(Actions.values).toHaveLength(14);
  });

  it('has one row per action, each naming who performs it', () => {
    expect(Object.keys(transitionTable).sort()).toEqual([...Actions.values].sort());
    for (const row of Object.values(transitionTable)) expect(row.by.length).toBeGreaterThan(0);
  });

  it('leaves applicant actions to the applicant and officer actions to officers (and admins)', () => {
    for (const action of ['submit', 'withdraw', 'resubmit'] as const) {
      expect(transitionTable[action].by).toEqual(['applicant']);
    }
    for (const action of ['return', 'recommend', 'not_recommend'] as const) {
      expect(transitionTable[action].by).toEqual(['district_officer', 'admin']);
    }
    for (const action of [
      'start_acceptance',
      'pass',
      'fail',
      'start_publicity',
      'approve',
      'reject',
      'certify',
      'revoke',
    ] as const) {
      expect(transitionTable[action].by).toEqual(['owner_officer', 'admin']);
    }
    expect(roleMayPerform('submit', 'admin')).toBe(false);
    expect(roleMayPerform('revoke', 'admin')).toBe(true);
  });

  it('counts withdrawn, not recommended, failed and revoked applications as ended', () => {
    expect(ApplicationStatus.values.filter((s) => !isActiveStatus(s))).toEqual([
      'district_not_recommended',
      'acceptance_failed',
      'not_approved',
      'withdrawn',
      'revoked',
    ]);
  });
});

describe('the full path (002 Shaoxing)', () => {
  it.each(FULL_PATH)('%s —%s→ %s', (from, action, to) => {
    expect(nextStatus(from, action, FULL)).toBe(to);
  });

  it('refuses every other status × action pair and lists what is allowed', () => {
    let refused = 0;
    for (const status of ApplicationStatus.values) {
      const allowed = legalFrom(status);
      expect(allowedActions(status, FULL)).toEqual(allowed);
      for (const action of Actions.values) {
        if (allowed.includes(action)) continue;
        const result = nextStatus(status, action, FULL);
        expect(result).toMatchObject({ code: 'illegal_transition', allowed });
        expect(isTransitionError(result) && result.message).toContain(
          `当前状态为“${ApplicationStatus.labels[status]}”`,
        );
        refused++;
      }
    }
    expect(refused).toBe(14 * 14 - FULL_PATH.length);
  });

  it('explains a refusal in Chinese', () => {
    expect(nextStatus('draft', 'certify', FULL)).toEqual({
      code: 'illegal_transition',
      message: '当前状态为“草稿”，不能“认定”。可以进行的操作：提交申报、撤回申报。',
      allowed: ['submit', 'withdraw'],
    });
    expect(nextStatus('revoked', 'revoke', FULL)).toEqual({
      code: 'illegal_transition',
      message: '当前状态为“已撤销认定”，不能“撤销认定”。当前状态下没有可以进行的操作。',
      allowed: [],
    });
  });

  it('given the caller’s roles, a refusal lists only what the caller may do, or says it may do nothing', () => {
    expect(nextStatus('submitted', 'certify', FULL, { roles: ['applicant'] })).toEqual({
      code: 'illegal_transition',
      message: '当前状态为“已提交”，不能“认定”。您可以进行的操作：撤回申报。',
      allowed: ['withdraw'],
    });
    expect(nextStatus('submitted', 'certify', FULL, { roles: ['district_officer', 'owner_officer'] })).toMatchObject({
      allowed: ['return', 'recommend', 'not_recommend'],
    });
    expect(nextStatus('draft', 'certify', FULL, { roles: ['admin'] })).toEqual({
      code: 'illegal_transition',
      message: '当前状态为“草稿”，不能“认定”。当前状态下您没有可以进行的操作。',
      allowed: [],
    });
    expect(
      nextStatus('in_publicity', 'approve', FULL, { unresolvedObjections: 1, roles: ['applicant'] }),
    ).toMatchObject({ code: 'objections_unresolved', allowed: [] });
  });

  it('approves only when every objection is resolved', () => {
    expect(nextStatus('in_publicity', 'approve', FULL, { unresolvedObjections: 2 })).toEqual({
      code: 'objections_unresolved',
      message: '公示期间收到的异议尚有 2 件未处理完毕，处理完毕后方可批准。',
      allowed: ['reject'],
    });
    expect(nextStatus('in_publicity', 'approve', FULL, { unresolvedObjections: 0 })).toBe('approved');
    // The objection guard never makes an illegal action legal.
    expect(nextStatus('approved', 'approve', FULL, { unresolvedObjections: 0 })).toMatchObject({
      code: 'illegal_transition',
    });
  });

  it('reaches every status', () => {
    expect(reachable(FULL)).toEqual(new Set(ApplicationStatus.values));
  });

  it('filters by role', () => {
    expect(allowedActions('submitted', FULL, 'applicant')).toEqual(['withdraw']);
    expect(allowedActions('submitted', FULL, 'district_officer')).toEqual(['return', 'recommend', 'not_recommend']);
    expect(allowedActions('submitted', FULL, 'owner_officer')).toEqual([]);
    expect(allowedActions('submitted', FULL, 'admin')).toEqual(['return', 'recommend', 'not_recommend']);
    expect(allowedActions('district_recommended', FULL, 'owner_officer')).toEqual(['start_acceptance']);
    expect(allowedActions('returned', FULL, 'applicant')).toEqual(['withdraw', 'resubmit']);
    // Several parts of one actor (a district bureau that also owns the programme): the union, in table order.
    expect(allowedActions('submitted', FULL, ['owner_officer', 'district_officer'])).toEqual([
      'return',
      'recommend',
      'not_recommend',
    ]);
    expect(allowedActions('submitted', FULL, [])).toEqual([]);
  });

  it('knows which statuses only a recommended application can be in', () => {
    expect(statusesOnlyThrough('district_recommended')).toEqual([
      'district_recommended',
      'under_acceptance',
      'acceptance_passed',
      'acceptance_failed',
      'in_publicity',
      'approved',
      'not_approved',
      'certified',
      'revoked',
    ]);
    // Withdrawal also happens before recommendation: `withdrawn` tells nothing.
    expect(statusesOnlyThrough('district_recommended')).not.toContain('withdrawn');
    expect(statusesOnlyThrough('certified')).toEqual(['certified', 'revoked']);
  });
});

describe('stage-skipping, from the shipped programmes', () => {
  it('000 Putuo (no district review, no publicity): acceptance starts from submitted, approve follows passing', () => {
    const stages = stagesOf(putuo);
    expect(allowedActions('draft', stages)).toEqual(['submit', 'withdraw']);
    expect(allowedActions('submitted', stages)).toEqual(['withdraw', 'return', 'start_acceptance']);
    // Without district review the owning bureau returns an application for more material; the unit resubmits.
    expect(allowedActions('submitted', stages, 'owner_officer')).toEqual(['return', 'start_acceptance']);
    expect(allowedActions('submitted', stages, 'district_officer')).toEqual([]);
    expect(nextStatus('submitted', 'return', stages)).toBe('returned');
    expect(allowedActions('returned', stages, 'applicant')).toEqual(['withdraw', 'resubmit']);
    expect(roleMayPerform('return', 'owner_officer', stages)).toBe(true);
    expect(roleMayPerform('return', 'owner_officer', stagesOf(shaoxing))).toBe(false);
    expect(allowedActions('under_acceptance', stages)).toEqual(['withdraw', 'pass', 'fail']);
    expect(allowedActions('acceptance_passed', stages)).toEqual(['approve', 'reject']);
    expect(allowedActions('approved', stages)).toEqual(['certify']);
    expect(nextStatus('submitted', 'start_acceptance', stages)).toBe('under_acceptance');
    expect(nextStatus('acceptance_passed', 'approve', stages)).toBe('approved');
    expect(nextStatus('submitted', 'recommend', stages)).toEqual({
      code: 'illegal_transition',
      message:
        '本方案没有相应阶段，不能“审核推荐”（当前状态为“已提交”）。可以进行的操作：撤回申报、退回补充材料、启动验收。',
      allowed: ['withdraw', 'return', 'start_acceptance'],
    });
    expect(nextStatus('acceptance_passed', 'start_publicity', stages)).toMatchObject({
      allowed: ['approve', 'reject'],
    });
    expect(reachable(stages)).toEqual(
      new Set([
        'draft',
        'submitted',
        'returned',
        'under_acceptance',
        'acceptance_passed',
        'acceptance_failed',
        'approved',
        'not_approved',
        'certified',
        'withdrawn',
        'revoked',
      ]),
    );
  });

  it('003 Wuhan (no publicity): approve follows passing; everything else as the full path', () => {
    const stages = stagesOf(wuhan);
    expect(allowedActions('acceptance_passed', stages)).toEqual(['approve', 'reject']);
    expect(nextStatus('acceptance_passed', 'approve', stages)).toBe('approved');
    expect(allowedActions('submitted', stages)).toEqual(['withdraw', 'return', 'recommend', 'not_recommend']);
    const all = new Set(ApplicationStatus.values);
    all.delete('in_publicity');
    expect(reachable(stages)).toEqual(all);
  });

  it('004 Shijingshan (review and recommend only): the recommendation is the outcome', () => {
    const stages = stagesOf(shijingshan);
    expect(allowedActions('submitted', stages)).toEqual(['withdraw', 'return', 'recommend', 'not_recommend']);
    expect(allowedActions('district_recommended', stages)).toEqual(['withdraw']);
    expect(isFinalStatus('district_not_recommended', stages)).toBe(true);
    expect(nextStatus('district_recommended', 'approve', stages)).toMatchObject({
      code: 'illegal_transition',
      allowed: ['withdraw'],
    });
    expect(reachable(stages)).toEqual(
      new Set(['draft', 'submitted', 'returned', 'district_recommended', 'district_not_recommended', 'withdrawn']),
    );
  });

  it('a district-level programme without acceptance: the district reviews, then the bureau approves', () => {
    // 003 without its city acceptance: review → approval → certification.
    const stages = without(wuhan, 'acceptance');
    expect(allowedActions('district_recommended', stages)).toEqual(['withdraw', 'approve', 'reject']);
    expect(nextStatus('district_recommended', 'approve', stages)).toBe('approved');
    expect(nextStatus('district_recommended', 'start_acceptance', stages)).toMatchObject({
      code: 'illegal_transition',
    });
    // 002 without acceptance: the recommended list goes to publicity.
    const withPublicity = without(shaoxing, 'acceptance');
    expect(allowedActions('district_recommended', withPublicity)).toEqual(['withdraw', 'start_publicity']);
    expect(nextStatus('district_recommended', 'start_publicity', withPublicity)).toBe('in_publicity');
    expect(reachable(withPublicity).has('under_acceptance')).toBe(false);
  });

  it('an application-and-certification programme approves straight after submission', () => {
    const stages = new Set<StageKind>(['application', 'certification']);
    expect(allowedActions('submitted', stages)).toEqual(['withdraw', 'return', 'approve', 'reject']);
  });

  it('without a certification stage, approved is final', () => {
    const stages = without(wuhan, 'certification');
    expect(isFinalStatus('approved', stages)).toBe(true);
    expect(reachable(stages).has('certified')).toBe(false);
  });

  it('001 Shanghai (no stages) takes no applications', () => {
    expect(allowedActions('draft', stagesOf(shanghai))).toEqual(['withdraw']);
  });

  it('accepts the stages as a list as well as a set', () => {
    expect(allowedActions('submitted', ['application', 'acceptance'])).toEqual([
      'withdraw',
      'return',
      'start_acceptance',
    ]);
  });
});

describe('properties', () => {
  const programmes = [shaoxing, putuo, wuhan, shijingshan].map(stagesOf);

  it('a random walk only moves along the table, and a refusal lists exactly the allowed actions', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...programmes),
        fc.array(fc.constantFrom(...Actions.values), { maxLength: 30 }),
        (stages, actions) => {
          let status: ApplicationStatus = 'draft';
          for (const action of actions) {
            const result = nextStatus(status, action, stages);
            if (isTransitionError(result)) {
              expect(result.allowed).toEqual(allowedActions(status, stages));
              expect(result.allowed).not.toContain(action);
            } else {
              expect(result).toBe(transitionTable[action].to);
              status = result;
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
