import { describe, expect, it } from 'vitest';
import { checkCreditCode } from '../../core/credit-code';
import { DEMO_APPLICANT_UNITS, DEMO_UNITS } from '../../server/demo/demo-units';
import { UnitKind } from '../enums';
import { INDUSTRY_DIVISIONS, INDUSTRY_SECTIONS, industryLabel } from './industries';
import { JURISDICTIONS } from './jurisdictions';

describe('jurisdictions', () => {
  it('are unique six-digit codes with each parent listed before its children', () => {
    const seen = new Set<string>();
    for (const j of JURISDICTIONS) {
      expect(j.code).toMatch(/^\d{6}$/);
      expect(seen.has(j.code)).toBe(false);
      if (j.parentCode) expect(seen.has(j.parentCode), `${j.name}'s parent`).toBe(true);
      seen.add(j.code);
    }
  });

  it('cover every place the seeds name', () => {
    const names = new Map(JURISDICTIONS.map((j) => [j.code, j.name]));
    expect(names.get('310107')).toBe('普陀区');
    expect(names.get('110107')).toBe('石景山区');
    expect(names.get('420104')).toBe('硚口区');
    for (const code of ['330602', '330603', '330604', '330624', '330681', '330683']) expect(names.has(code)).toBe(true);
    const zones = JURISDICTIONS.filter((j) => j.level === 'functional_zone').map((j) => j.name);
    expect(zones).toEqual(expect.arrayContaining(['东湖新技术开发区', '武汉经济技术开发区', '东湖生态旅游风景区']));
  });
});

describe('industries (GB/T 4754-2017)', () => {
  it('has 20 sections and 97 divisions, each in a section', () => {
    expect(INDUSTRY_SECTIONS).toHaveLength(20);
    expect(INDUSTRY_DIVISIONS).toHaveLength(97);
    const sections = new Set(INDUSTRY_SECTIONS.map((s) => s.code));
    expect(new Set(INDUSTRY_DIVISIONS.map((d) => d.code)).size).toBe(97);
    for (const d of INDUSTRY_DIVISIONS) expect(sections.has(d.section)).toBe(true);
    expect(industryLabel('39')).toBe('C39 计算机、通信和其他电子设备制造业');
    expect(industryLabel('C')).toBe('C 制造业');
    expect(industryLabel('99')).toBeNull();
  });
});

describe('demo units', () => {
  const byKey = new Map(DEMO_UNITS.map((u) => [u.key, u]));
  const jurisdictions = new Set(JURISDICTIONS.map((j) => j.code));
  const divisions = new Set(INDUSTRY_DIVISIONS.map((d) => d.code));

  it('are about thirty, of every kind, with valid unique credit codes and known references', () => {
    expect(DEMO_UNITS.length).toBeGreaterThanOrEqual(28);
    expect(new Set(DEMO_UNITS.map((u) => u.kind))).toEqual(new Set(UnitKind.values));
    expect(new Set(DEMO_UNITS.map((u) => u.creditCode)).size).toBe(DEMO_UNITS.length);
    for (const u of DEMO_UNITS) {
      expect(checkCreditCode(u.creditCode).valid, u.name).toBe(true);
      expect(jurisdictions.has(u.jurisdictionCode)).toBe(true);
      expect(divisions.has(u.industryCode)).toBe(true);
      expect(u.postcode).toMatch(/^\d{6}$/);
      expect(u.contacts.map((c) => c.role).sort()).toEqual(['confidentiality_officer', 'liaison']);
      if (u.parkKey) {
        expect(byKey.get(u.parkKey)?.kind).toBe('park');
        expect(byKey.get(u.parkKey)?.jurisdictionCode).toBe(u.jurisdictionCode);
      }
      for (const m of u.memberKeys ?? []) expect(byKey.has(m)).toBe(true);
      if (u.memberKeys) expect(u.kind).toBe('association');
    }
  });

  it('bind the demo applicants as the README says', () => {
    expect(byKey.get(DEMO_APPLICANT_UNITS.applicant1)).toMatchObject({
      kind: 'enterprise',
      jurisdictionCode: '310107',
    });
    expect(byKey.get(DEMO_APPLICANT_UNITS.applicant2)).toMatchObject({
      kind: 'enterprise',
      jurisdictionCode: '330603',
    });
    expect(byKey.get(DEMO_APPLICANT_UNITS.applicant3)).toMatchObject({ kind: 'park', jurisdictionCode: '110107' });
  });
});
