/**
 * "What to do next", derived from the programme and the transition table (never a hand-written copy of either): the
 * state of a programme's application window on the business date, who an application waits on and with which
 * actions, each stage's schedule, and whether an application's pending step is past its stage's published end.
 * Pure.
 */
import type { z } from 'zod';
import { enumOf } from '../../shared/enums';
import { applicationStage } from '../programs/queries';
import type { Programme } from '../programs/schema';
import type { Stage } from '../programs/sections';
import { windowOpen } from './guards';
import {
  ApplicationAction,
  type ApplicationStatus,
  allowedActions,
  performers,
  stagesOf,
  transitionTable,
  WorkflowRole,
} from './workflow';

export const WindowState = enumOf({
  open: '申报中',
  not_open: '尚未开始',
  closed: '已截止',
  none: '不接受申报',
});
export type WindowState = z.infer<typeof WindowState.schema>;

export const StageTiming = enumOf({
  upcoming: '未开始',
  current: '进行中',
  past: '已结束',
  unscheduled: '未定日期',
});
export type StageTiming = z.infer<typeof StageTiming.schema>;

const DAY_MS = 86_400_000;

/** Calendar days from `from` to `to` (ISO dates; negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

export interface ApplicationWindow {
  state: WindowState;
  opens: string | null;
  closes: string | null;
  /** Open: days left including today (the closing day counts); not yet open: days until it opens; else null. */
  daysLeft: number | null;
  daysUntilOpen: number | null;
}

/** The application window on `today`, judged by the same guard that refuses an application outside it. */
export function applicationWindow(programme: Programme, today: string): ApplicationWindow {
  const stage = applicationStage(programme);
  const problem = windowOpen(programme, today);
  const opens = stage?.schedule.opens ?? null;
  const closes = stage?.schedule.closes ?? null;
  const state: WindowState =
    problem?.code === 'no_application_stage'
      ? 'none'
      : problem?.code === 'window_not_open'
        ? 'not_open'
        : problem?.code === 'window_closed'
          ? 'closed'
          : 'open';
  return {
    state,
    opens,
    closes,
    daysLeft: state === 'open' && closes ? daysBetween(today, closes) + 1 : null,
    daysUntilOpen: state === 'not_open' && opens ? daysBetween(today, opens) : null,
  };
}

/** A self-assessment started now can only be practice: the programme takes no application any more (or ever). */
export function onlyPractice(programme: Programme, today: string): boolean {
  const { state } = applicationWindow(programme, today);
  return state === 'closed' || state === 'none';
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
      label: ApplicationAction.labels[action],
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
  const who = step.waitingOn === 'applicant' ? applicant : WorkflowRole.labels[step.waitingOn];
  return `等待${who}：${labels.join('、')}`;
}

/** The programme's stage an action belongs to: the first of the programme's stages whose kind the action needs. */
export function stageOfAction(programme: Programme, action: ApplicationAction): Stage | undefined {
  const needs = transitionTable[action].needs;
  if (!needs) return undefined;
  return programme.stages.find((stage) => needs.includes(stage.kind));
}

export interface ScheduledStage {
  id: string;
  name: string;
  kind: Stage['kind'];
  label: string | null;
  opens: string | null;
  closes: string | null;
  timing: StageTiming;
}

/** Every stage of the programme with its published dates and where `today` falls. */
export function stageSchedule(programme: Programme, today: string): ScheduledStage[] {
  return programme.stages.map((stage) => {
    const opens = stage.schedule?.opens ?? null;
    const closes = stage.schedule?.closes ?? null;
    const timing: StageTiming =
      !opens && !closes
        ? 'unscheduled'
        : opens && today < opens
          ? 'upcoming'
          : closes && today > closes
            ? 'past'
            : 'current';
    return {
      id: stage.id,
      name: stage.name,
      kind: stage.kind,
      label: stage.schedule?.label ?? null,
      opens,
      closes,
      timing,
    };
  });
}

export interface Lateness {
  /** What is late, in Chinese, with the date it was due. */
  reason: string;
  due: string;
  daysLate: number;
}

/**
 * Why an application's pending officer step is late on `today`: the stage of that step ended on its published date,
 * or (in publicity) the publicity period of `publicityEndsOn` has run out and the decision is still to be taken.
 */
export function lateness(
  programme: Programme,
  status: ApplicationStatus,
  today: string,
  publicityEndsOn?: string | null,
): Lateness[] {
  const step = nextStep(status, stagesOf(programme));
  if (!step.waitingOn || step.waitingOn === 'applicant') return [];
  const late: Lateness[] = [];
  const seen = new Set<string>();
  for (const { action } of step.actions) {
    const stage = stageOfAction(programme, action);
    const closes = stage?.schedule?.closes;
    if (!stage || !closes || today <= closes || seen.has(stage.id)) continue;
    seen.add(stage.id);
    late.push({
      reason: `“${stage.name}”阶段已于 ${closes} 结束，尚待${step.actions.map((a) => a.label).join('或')}`,
      due: closes,
      daysLate: daysBetween(closes, today),
    });
  }
  if (status === 'in_publicity' && publicityEndsOn && today > publicityEndsOn) {
    late.push({
      reason: `公示期已于 ${publicityEndsOn} 届满，尚待${step.actions.map((a) => a.label).join('或')}`,
      due: publicityEndsOn,
      daysLate: daysBetween(publicityEndsOn, today),
    });
  }
  return late;
}
