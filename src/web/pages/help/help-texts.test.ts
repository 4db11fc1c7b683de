import { describe, expect, test } from 'vitest';
import { describeNextStep, nextStep } from '../../../core/applications/guidance';
import { ApplicationStatus, WorkflowRole } from '../../../core/applications/workflow';
import { StageKind } from '../../../core/programs/enums';
import { STAGE_ROWS, STATUS_ROWS } from './help-texts';

describe('the help pages’ words without zod (issue 15)', () => {
  test('every stage and every status, in their enumerations’ order and words', () => {
    expect(STAGE_ROWS.map((row) => [row.kind, row.title])).toEqual(
      StageKind.values.map((kind) => [kind, StageKind.labels[kind]]),
    );
    expect(STATUS_ROWS.map((row) => row.status)).toEqual(ApplicationStatus.values);
  });

  test('"what comes next" is guidance’s, for a programme with every stage', () => {
    for (const row of STATUS_ROWS) {
      expect(row.next).toBe(describeNextStep(nextStep(row.status, StageKind.values), WorkflowRole.labels.applicant));
    }
    expect(STATUS_ROWS.find((row) => row.status === 'submitted')?.next).toBe(
      '等待属地区县监管部门：退回补充材料、审核推荐、不予推荐',
    );
  });
});
