import { describe, expect, it } from 'vitest';
import type { Actor } from '../context';
import { can, unitScope } from './index';

const actor = (overrides: Partial<Actor>): Actor => ({
  id: 'u1',
  username: 'x',
  displayName: 'x',
  role: 'officer',
  unitId: null,
  jurisdictionCode: null,
  jurisdictionPath: null,
  jurisdictionLevel: null,
  ...overrides,
});

const putuo = actor({
  jurisdictionCode: '310107',
  jurisdictionPath: '000000.310000.310107.',
  jurisdictionLevel: 'district',
});
const shanghai = actor({
  jurisdictionCode: '310000',
  jurisdictionPath: '000000.310000.',
  jurisdictionLevel: 'provincial',
});
const applicant = actor({ role: 'applicant', unitId: 'unit-a' });
const expert = actor({ role: 'expert' });
const admin = actor({ role: 'admin' });

const putuoUnit = { type: 'unit', id: 'unit-a', jurisdictionPath: '000000.310000.310107.' } as const;
const keqiaoUnit = { type: 'unit', id: 'unit-b', jurisdictionPath: '000000.330000.330600.330603.' } as const;

describe('policies', () => {
  it('officers act within their subtree only', () => {
    expect(can(putuo, 'unit.read', putuoUnit)).toBe(true);
    expect(can(putuo, 'unit.read', keqiaoUnit)).toBe(false);
    expect(can(shanghai, 'unit.update', putuoUnit)).toBe(true);
    expect(can(putuo, 'unit.create', { type: 'jurisdiction', path: '000000.330000.330600.330603.' })).toBe(false);
    expect(can(putuo, 'unit.create', { type: 'jurisdiction', path: '000000.310000.310107.' })).toBe(true);
  });

  it('a sibling code that merely starts alike is not in the subtree', () => {
    const p = actor({ jurisdictionPath: '000000.310000.310107.' });
    expect(can(p, 'unit.read', { type: 'unit', id: 'z', jurisdictionPath: '000000.310000.3101070.' })).toBe(false);
  });

  it('applicants see only their unit and create none', () => {
    expect(can(applicant, 'unit.read', putuoUnit)).toBe(true);
    expect(can(applicant, 'unit.read', keqiaoUnit)).toBe(false);
    expect(can(applicant, 'unit.create', { type: 'jurisdiction', path: '000000.' })).toBe(false);
    expect(can(applicant, 'audit.read')).toBe(false);
    expect(unitScope(applicant)).toEqual({ kind: 'unit', unitId: 'unit-a' });
  });

  it('experts see nothing yet; anonymous nothing at all; admins everything', () => {
    expect(can(expert, 'unit.read', putuoUnit)).toBe(false);
    expect(unitScope(expert)).toEqual({ kind: 'none' });
    expect(can(null, 'unit.read', putuoUnit)).toBe(false);
    expect(can(admin, 'user.manage')).toBe(true);
    expect(can(putuo, 'user.manage')).toBe(false);
  });

  it('programmes are managed by a bureau for its own jurisdiction; self-assessments by the unit itself', () => {
    expect(can(shanghai, 'programme.manage')).toBe(true);
    expect(can(putuo, 'programme.manage')).toBe(true);
    expect(can(putuo, 'programme.manage', { type: 'jurisdiction', path: '000000.310000.310107.' })).toBe(true);
    expect(can(putuo, 'programme.manage', { type: 'jurisdiction', path: '000000.310000.' })).toBe(false);
    expect(can(shanghai, 'programme.manage', { type: 'jurisdiction', path: '000000.310000.310107.' })).toBe(true);
    expect(can(applicant, 'programme.manage')).toBe(false);
    expect(can(applicant, 'self_assessment.write', putuoUnit)).toBe(true);
    expect(can(applicant, 'self_assessment.write', keqiaoUnit)).toBe(false);
    expect(can(putuo, 'guide.assign', putuoUnit)).toBe(true);
    expect(can(putuo, 'guide.assign', keqiaoUnit)).toBe(false);
  });
});
