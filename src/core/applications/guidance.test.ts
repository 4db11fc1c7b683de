import { describe, expect, it } from 'vitest';
import {
  applicationWindow,
  daysBetween,
  describeNextStep,
  lateness,
  nextStep,
  onlyPractice,
  stageOfAction,
  stageSchedule,
} from './guidance';
import { putuo, shaoxing, shijingshan } from './seed-programmes.fixture';
import { stagesOf } from './workflow';

describe('applicationWindow', () => {
  it('counts the days left on the business date, the closing day included', () => {
    expect(applicationWindow(putuo, '2022-03-15')).toEqual({
      state: 'open',
      opens: '2022-03-01',
      closes: '2022-03-31',
      daysLeft: 17,
      daysUntilOpen: null,
    });
    expect(applicationWindow(putuo, '2022-03-31').daysLeft).toBe(1);
  });
  it('says when a window has not opened yet and when it closed', () => {
    expect(applicationWindow(putuo, '2022-02-20')).toMatchObject({ state: 'not_open', daysUntilOpen: 9 });
    expect(applicationWindow(putuo, '2022-04-01')).toMatchObject({ state: 'closed', daysLeft: null });
  });
  it('allows only practice once the window closed, not before it opens', () => {
    expect(onlyPractice(putuo, '2022-04-01')).toBe(true);
    expect(onlyPractice(putuo, '2022-02-20')).toBe(false);
    expect(onlyPractice(putuo, '2022-03-15')).toBe(false);
  });
});

describe('nextStep', () => {
  it('names the party and the actions of the transition table', () => {
    const full = stagesOf(shaoxing);
    expect(nextStep('draft', full)).toEqual({
      waitingOn: 'applicant',
      actions: [{ action: 'submit', label: '提交申报', by: ['applicant'] }],
    });
    const submitted = nextStep('submitted', full);
    expect(submitted.waitingOn).toBe('district_officer');
    expect(submitted.actions.map((a) => a.action)).toEqual(['return', 'recommend', 'not_recommend']);
    expect(describeNextStep(submitted)).toBe('等待属地区县监管部门：退回补充材料、审核推荐、不予推荐');
    expect(describeNextStep(nextStep('returned', full))).toBe('等待本单位：重新提交');
  });
  it('skips stages the programme lacks (Putuo: no district review)', () => {
    const step = nextStep('submitted', stagesOf(putuo));
    expect(step.waitingOn).toBe('owner_officer');
    expect(step.actions.map((a) => a.action)).toEqual(['return', 'start_acceptance']);
  });
  it('has no next step once an application ended', () => {
    expect(nextStep('withdrawn', stagesOf(shaoxing))).toEqual({ waitingOn: null, actions: [] });
    expect(describeNextStep(nextStep('district_recommended', stagesOf(shijingshan)))).toBe('流程已结束');
  });
});

describe('schedule and lateness', () => {
  it('places each stage against the business date', () => {
    const schedule = stageSchedule(putuo, '2022-03-15');
    expect(schedule.map((s) => [s.id, s.timing])).toContainEqual(['apply', 'current']);
    expect(schedule.find((s) => s.id === 'cultivate')?.timing).toBe('past');
    expect(schedule.find((s) => s.id === 'evaluate')?.timing).toBe('upcoming');
  });
  it('finds the stage of an action', () => {
    expect(stageOfAction(putuo, 'start_acceptance')?.id).toBe('evaluate');
    expect(stageOfAction(putuo, 'withdraw')).toBeUndefined();
  });
  it('reports a pending officer step past its stage end, and an expired publicity', () => {
    expect(lateness(putuo, 'submitted', '2022-04-05')).toEqual([]);
    const late = lateness(putuo, 'under_acceptance', '2022-04-15');
    expect(late).toEqual([
      { reason: '“验收评定”阶段已于 2022-04-10 结束，尚待验收通过或验收不通过', due: '2022-04-10', daysLate: 5 },
    ]);
    expect(lateness(putuo, 'draft', '2023-01-01')).toEqual([]);
    const publicity = lateness(shaoxing, 'in_publicity', '2021-12-20', '2021-12-10');
    expect(publicity.at(-1)).toMatchObject({ due: '2021-12-10', daysLate: 10 });
  });
  it('counts calendar days', () => {
    expect(daysBetween('2022-02-28', '2022-03-01')).toBe(1);
    expect(daysBetween('2022-03-01', '2022-02-28')).toBe(-1);
  });
});
