import { describe, expect, test } from 'vitest';
import { RightsStatus } from '../../../shared/enums-rights';
import { type Clock, clockTag, contentOf, STATUS_COLOR } from './rights-data';

const clock = (patch: Partial<Clock>): Clock => ({
  code: 'decision',
  name: '立案审查期限',
  source: '',
  deadline: '2022-04-06',
  metOn: null,
  left: 10,
  overdue: false,
  label: '剩余 10 个工作日',
  ...patch,
});

describe('the rights pages’ shared data (workbench and public pages, issue 15)', () => {
  test('every status has a colour', () => {
    expect(Object.keys(STATUS_COLOR)).toEqual(RightsStatus.values);
  });

  test('the running clock: overdue in red, three days or fewer in orange, all met said so', () => {
    expect(clockTag([clock({})])).toEqual({ color: 'default', text: '立案审查期限：剩余 10 个工作日' });
    expect(clockTag([clock({ left: 3 })]).color).toBe('warning');
    expect(clockTag([clock({ overdue: true, left: -1 })]).color).toBe('error');
    expect(clockTag([clock({ metOn: '2022-03-20' })])).toEqual({ color: 'default', text: '期限已完成' });
  });

  test('form values → request body: empty optional fields are null, defaults filled in', () => {
    const body = contentOf(
      {
        holder: { name: '某公司', creditCode: '' },
        infringers: [{ name: '张某', creditCode: '', relation: '前员工' }],
        secretDescription: '配方',
        facts: '带走配方',
        leakDescription: '',
      },
      [{ sha256: 'a'.repeat(64), fileName: '证据.pdf' }],
    );
    expect(body).toMatchObject({
      holder: { name: '某公司', creditCode: null },
      infringers: [{ kind: 'unit', name: '张某', creditCode: null, relation: '前员工' }],
      secretKinds: [],
      leakDescription: null,
      estimatedLossYuan: null,
      urgency: 'normal',
      requestedRoute: 'undecided',
      attachments: [{ sha256: 'a'.repeat(64), fileName: '证据.pdf' }],
      contact: null,
    });
  });
});
