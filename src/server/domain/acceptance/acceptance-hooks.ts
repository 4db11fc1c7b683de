/**
 * Hooks of the acceptance decision (see ../applications/action-hooks.ts), run in the transition's transaction with
 * the application locked. Passing needs a complete panel result that passes and a comprehensive opinion (see
 * `passProblems`); failing needs a reason — the comment or the opinion already written. A comment given with the
 * decision becomes the opinion when none was written.
 */
import { AppError } from '../../errors';
import type { ActionHook, ActionHookContext } from '../applications/action-hooks';
import { panelState, passProblems } from './panel-state';

const opinionOf = ({ found, input }: ActionHookContext) =>
  found.application.acceptanceOpinion?.trim() ? found.application.acceptanceOpinion : (input.comment ?? null);

export const passHook: ActionHook = {
  async check(hook) {
    const problems = passProblems(await panelState(hook.tx, hook.found, hook.today), opinionOf(hook));
    if (problems.length === 0) return;
    throw new AppError('invalid_transition', `尚不能验收通过：${problems.map((p) => p.message).join('；')}`, {
      details: { reason: problems[0]!.code, problems },
    });
  },
  columns: (hook) => ({ acceptanceOpinion: opinionOf(hook) }),
};

export const failHook: ActionHook = {
  async check(hook) {
    if (opinionOf(hook)?.trim()) return;
    const message = '请填写验收不通过的意见';
    throw new AppError('validation_failed', message, { fields: [{ path: 'comment', message }] });
  },
  columns: (hook) => ({ acceptanceOpinion: opinionOf(hook) }),
};
