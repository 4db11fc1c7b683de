import { describe, expect, it } from 'vitest';
import { scheduleFinding } from './schedule';
import { putuo, shijingshan } from './seed-programmes.fixture';

describe('stage schedules', () => {
  it('warns, without refusing, when an action falls outside a stage’s published dates (000 acceptance)', () => {
    expect(scheduleFinding(putuo, 'pass', '2022-04-05')).toBeNull();
    expect(scheduleFinding(putuo, 'pass', '2022-03-15')).toEqual({
      code: 'before_schedule',
      stageId: 'evaluate',
      enforced: false,
      message:
        '“验收评定”阶段的时间为2022年4月上旬（2022年4月1日起，2022年4月10日止），今天（2022年3月15日）尚未开始：已超出方案公布的时间，请确认后办理',
    });
    expect(scheduleFinding(putuo, 'approve', '2022-05-01')).toMatchObject({ code: 'after_schedule', enforced: false });
    // The applicant's own actions keep to the application window (guards.ts), not to this.
    expect(scheduleFinding(putuo, 'submit', '2022-05-01')).toBeNull();
    // Returning for more material without district review has no schedule of its own.
    expect(scheduleFinding(putuo, 'return', '2022-05-01')).toBeNull();
  });

  it('refuses when the programme enforces the stage’s dates (004: recommended by mid-August)', () => {
    expect(scheduleFinding(shijingshan, 'recommend', '2023-08-20')).toBeNull();
    expect(scheduleFinding(shijingshan, 'recommend', '2023-08-21')).toEqual({
      code: 'after_schedule',
      stageId: 'recommend',
      enforced: true,
      message:
        '“审核推荐”阶段的时间为2023 年 7 月-8 月中旬（2023年8月20日止），今天（2023年8月21日）已过截止日期：本方案规定按期执行，不能办理',
    });
    expect(scheduleFinding(shijingshan, 'not_recommend', '2023-09-01')?.enforced).toBe(true);
  });
});
