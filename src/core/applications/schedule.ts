/**
 * Whether an officer's action falls within its stage's published dates (the programme's `schedule`). A stage whose
 * schedule is `enforced` refuses an action outside its dates; otherwise the action goes ahead and the officer is
 * warned (the warning is answered and recorded). The applicant's own window (submit) is the application stage's
 * and always binding (guards.ts `windowOpen`). Pure.
 */
import type { StageKind } from '../programs/enums';
import type { Programme, Stage } from '../programs/schema';
import { chineseDate } from './guards';
import type { ApplicationAction } from './workflow';

/** The stage whose schedule each officer action keeps to, in order of preference. */
const ACTION_STAGES: Partial<Record<ApplicationAction, readonly StageKind[]>> = {
  return: ['district_review'],
  recommend: ['district_review'],
  not_recommend: ['district_review'],
  start_acceptance: ['acceptance'],
  pass: ['acceptance'],
  fail: ['acceptance'],
  start_publicity: ['publicity'],
  approve: ['approval', 'certification'],
  reject: ['approval', 'certification'],
  certify: ['certification'],
};

export interface ScheduleFinding {
  code: 'before_schedule' | 'after_schedule';
  stageId: string;
  enforced: boolean;
  message: string;
}

export function scheduleStage(programme: Programme, action: ApplicationAction): Stage | undefined {
  for (const kind of ACTION_STAGES[action] ?? []) {
    const stage = programme.stages.find((s) => s.kind === kind);
    if (stage) return stage;
  }
  return undefined;
}

/** Null when the action is within its stage's dates (or the stage has none). */
export function scheduleFinding(
  programme: Programme,
  action: ApplicationAction,
  today: string,
): ScheduleFinding | null {
  const stage = scheduleStage(programme, action);
  const schedule = stage?.schedule;
  if (!stage || !schedule) return null;
  const { opens, closes, label } = schedule;
  const enforced = schedule.enforced === true;
  const published = [opens && `${chineseDate(opens)}起`, closes && `${chineseDate(closes)}止`]
    .filter(Boolean)
    .join('，');
  const dates = `“${stage.name}”阶段的时间为${label ? `${label}（${published}）` : published}`;
  const consequence = enforced ? '本方案规定按期执行，不能办理' : '已超出方案公布的时间，请确认后办理';
  if (opens && today < opens) {
    return {
      code: 'before_schedule',
      stageId: stage.id,
      enforced,
      message: `${dates}，今天（${chineseDate(today)}）尚未开始：${consequence}`,
    };
  }
  if (closes && today > closes) {
    return {
      code: 'after_schedule',
      stageId: stage.id,
      enforced,
      message: `${dates}，今天（${chineseDate(today)}）已过截止日期：${consequence}`,
    };
  }
  return null;
}
