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
import { nextStep } from './transitions';
import { type ApplicationAction, type ApplicationStatus, stagesOf, transitionTable } from './workflow';

export { describeNextStep, type NextStep, nextStep } from './transitions';

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
