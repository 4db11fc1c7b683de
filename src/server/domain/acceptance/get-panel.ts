/**
 * The acceptance panel of an application, as its reader may see it:
 * - the programme's owning bureau (or an administrator): every expert with its sheet, the aggregate and what still
 *   stands in the way of passing;
 * - an expert on the panel: its own sheet; the other experts' sheets and the aggregate only once its own sheet is
 *   complete, so that it scores independently;
 * - the applicant and the applicant's district bureau: who sits on the panel (so that a conflict can be raised), no
 *   scores.
 */
import type { RequestContext } from '../../context';
import type { Executor } from '../../db/client';
import { unauthenticated } from '../../errors';
import { describeConflict } from '../experts/conflict-check';
import { acceptanceStage, loadForAcceptance } from './panel-access';
import { type PanelMember, panelState, passProblems } from './panel-state';

export type PanelView = 'full' | 'expert' | 'members';

export async function getPanel(db: Executor, ctx: RequestContext, id: string) {
  const actor = ctx.actor;
  if (!actor) throw unauthenticated();
  const { found, manages, onPanel } = await loadForAcceptance(db, actor, id);
  const state = await panelState(db, found, ctx.today);
  const view: PanelView = manages ? 'full' : onPanel ? 'expert' : 'members';
  const mine = state.members.find((m) => m.userId === actor.id && m.sheetStatus !== 'recused');
  const seesScores = view === 'full' || (view === 'expert' && mine?.sheetStatus === 'complete');
  const opinion = found.application.acceptanceOpinion;
  const member = (m: PanelMember) => {
    const own = m === mine;
    const sheet = own || seesScores;
    return {
      expertId: m.assignment.expertId,
      name: m.name,
      affiliation: m.affiliation,
      field: m.field,
      assignedAt: m.assignment.assignedAt,
      recusedAt: m.assignment.recusedAt,
      recusalReason: view === 'members' ? null : m.assignment.recusalReason,
      sheetStatus: view === 'members' ? null : m.sheetStatus,
      scoredAt: view === 'members' ? null : m.assignment.scoredAt,
      mine: own,
      answers: sheet ? m.assignment.answers : null,
      comment: sheet ? m.assignment.comment : null,
      /** What the sheet still lacks: to the expert itself and the owning bureau. */
      missing: own || view === 'full' ? m.missing : null,
      version: own || view === 'full' ? m.assignment.version : null,
      conflicts:
        view === 'full'
          ? m.conflicts.map((c) => ({
              kind: c.kind,
              status: c.status,
              unitName: c.unitName,
              message: describeConflict(c),
            }))
          : [],
    };
  };
  const problems = view === 'full' ? passProblems(state, opinion) : null;
  return {
    applicationId: found.application.id,
    status: found.application.status,
    version: found.application.version,
    view,
    methods: acceptanceStage(found.programme)?.methods ?? [],
    rules: state.rules,
    recordedMethods: view === 'members' ? [] : state.recordedMethods,
    rubric: view === 'members' ? null : state.rubric,
    acceptanceOpinion: view === 'members' ? null : opinion,
    members: state.members.map(member),
    aggregate: seesScores ? state.aggregate : null,
    passCheck: problems && { ready: problems.length === 0, problems },
  };
}
