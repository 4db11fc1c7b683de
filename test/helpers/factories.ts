/** Realistic input factories for API tests. */
import { creditCodeCheckChar } from '../../src/core/credit-code';
import type { UnitInput } from '../../src/shared/schemas/unit';

let serial = 0;

/** A valid credit code for an enterprise registered in `region`, unique per call. */
export function makeCreditCode(region = '310107', prefix = '91'): string {
  serial += 1;
  const body =
    `${prefix}${region}MA${String(Date.now() % 1e5).padStart(5, '0')}${String(serial).padStart(2, '0')}`.slice(0, 17);
  return body + creditCodeCheckChar(body);
}

/** Same code with a wrong check character. */
export function withWrongCheckChar(code: string): string {
  const right = code[17];
  return code.slice(0, 17) + (right === '0' ? '1' : '0');
}

export function buildUnit(overrides: Partial<UnitInput> = {}): UnitInput {
  const jurisdictionCode = overrides.jurisdictionCode ?? '310107';
  return {
    kind: 'enterprise',
    name: `上海测试精工科技有限公司${serial + 1}`,
    creditCode: makeCreditCode(jurisdictionCode),
    legalRepresentative: '张建国',
    address: '上海市普陀区真北路 1 号',
    postcode: '200333',
    industryCode: '39',
    staffCount: 120,
    annualOutput: 5600.5,
    jurisdictionCode,
    contacts: [
      {
        role: 'liaison',
        name: '李晓红',
        department: '法务部',
        position: '经理',
        officePhone: '021-62001234',
        mobile: '13800138000',
      },
      {
        role: 'confidentiality_officer',
        name: '王强',
        department: '信息安全部',
        position: '保密员',
        mobile: '13900139000',
      },
    ],
    ...overrides,
  };
}
