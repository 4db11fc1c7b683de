import { describe, expect, it } from 'vitest';
import { computeMetrics, type MetricLedgerEntry } from './compute-metrics';

const entry = (over: Partial<MetricLedgerEntry>): MetricLedgerEntry => ({
  kind: 'training',
  occurredOn: '2026-06-01',
  reachPercent: null,
  firmsCovered: null,
  guideId: null,
  attachmentCount: 0,
  ...over,
});

describe('computeMetrics', () => {
  it('counts ledger entries of the last 12 months only', () => {
    const m = computeMetrics({
      asOf: '2026-11-22',
      entries: [
        entry({ kind: 'guidance_visit', guideId: 'g1', occurredOn: '2026-03-01' }),
        entry({ kind: 'guidance_visit', guideId: 'g1', occurredOn: '2025-11-22' }), // 12 months and a day ago: out
        entry({ kind: 'training', reachPercent: 72 }),
        entry({ kind: 'training', reachPercent: 100, occurredOn: '2026-09-01' }),
        entry({ kind: 'inspection', occurredOn: '2026-02-01' }),
        entry({ kind: 'risk_assessment', attachmentCount: 1 }),
        entry({ kind: 'risk_assessment', attachmentCount: 0 }),
      ],
      contactRoles: ['liaison', 'confidentiality_officer', 'confidentiality_officer'],
    });
    expect(m['ledger.guidance_visits_12m']).toBe(1);
    expect(m['ledger.trainings_12m']).toBe(2);
    expect(m['ledger.staff_training_reach_12m']).toBe(100);
    expect(m['ledger.inspection_halves_12m']).toBe(1);
    expect(m['ledger.risk_assessment_reports_12m']).toBe(1);
    expect(m['profile.secrecy_staff']).toBe(2);
    expect(m['registry.affiliated_firms']).toBeUndefined();
    expect(m['ledger.firms_trained_pct_12m']).toBeUndefined();
  });

  it('computes shares of affiliated firms, capped at their number', () => {
    const m = computeMetrics({
      asOf: '2026-11-22',
      entries: [entry({ firmsCovered: 30 }), entry({ firmsCovered: 30 }), entry({ kind: 'survey', firmsCovered: 8 })],
      affiliatedFirms: 40,
      affiliatedFirmsWithLedger: Array.from({ length: 12 }, (_, i) => `firm-${i}`),
      contactRoles: [],
    });
    expect(m['ledger.firms_trained_12m']).toBe(40);
    expect(m['ledger.firms_trained_pct_12m']).toBe(100);
    expect(m['ledger.firms_visited_pct_12m']).toBe(20);
    expect(m['registry.firms_protecting_pct']).toBe(30);
  });

  it('counts tenants that attended trainings themselves, or the park declared coverage, whichever is more', () => {
    const base = { asOf: '2026-11-22', affiliatedFirms: 4, contactRoles: [] };
    const attended = computeMetrics({ ...base, entries: [], affiliatedFirmsTrained: ['a', 'b', 'b'] });
    expect(attended['ledger.firms_trained_12m']).toBe(2);
    expect(attended['ledger.firms_trained_pct_12m']).toBe(50);
    const declared = computeMetrics({ ...base, entries: [entry({ firmsCovered: 3 })], affiliatedFirmsTrained: ['a'] });
    expect(declared['ledger.firms_trained_pct_12m']).toBe(75);
  });

  it('counts the certified bases of affiliated firms by kind and level, each firm once', () => {
    const m = computeMetrics({
      asOf: '2026-11-22',
      entries: [],
      affiliatedFirms: 10,
      affiliatedFirmsWithLedger: ['a', 'b'],
      affiliatedBases: [
        { unitId: 'a', category: 'point', level: 'district' },
        { unitId: 'c', category: 'station', level: 'district' },
        { unitId: 'c', category: 'point', level: 'district' },
        { unitId: 'd', category: 'point', level: 'municipal' },
      ],
      affiliatedFirmsMeetingPointStandard: 2,
      contactRoles: [],
    });
    expect(m['registry.affiliated_points_stations_district']).toBe(2);
    expect(m['registry.affiliated_points_district']).toBe(2);
    expect(m['registry.affiliated_points_municipal']).toBe(1);
    expect(m['registry.affiliated_points_stations_provincial']).toBe(0);
    // a and b keep a ledger; c and d hold bases: four firms protect their secrets.
    expect(m['registry.firms_protecting']).toBe(4);
    expect(m['registry.firms_protecting_pct']).toBe(40);
    expect(m['registry.affiliated_firms_meeting_point_standard']).toBe(2);
  });
});
