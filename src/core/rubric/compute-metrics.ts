/**
 * Computes the metric catalogue's values for one unit as of one day from plain data (its ledger entries, its
 * affiliated firms and the bases they hold, its contacts). Pure: the server loads the data, this decides what it
 * means. A metric whose data was not given stays undefined, which the engine reports as "暂无数据".
 */
import dayjs from 'dayjs';
import type { LedgerKind } from '../../shared/enums';
import type { MetricValues } from './metrics';

export interface MetricLedgerEntry {
  kind: LedgerKind;
  occurredOn: string;
  reachPercent: number | null;
  firmsCovered: number | null;
  guideId: string | null;
  attachmentCount: number;
}

export interface MetricInput {
  /** 'YYYY-MM-DD', the day of evaluation. */
  asOf: string;
  entries: readonly MetricLedgerEntry[];
  /** Parks: registered tenants; associations and other bodies: member units. Undefined for plain enterprises. */
  affiliatedFirms?: number;
  /** Affiliated firms with at least one ledger entry of their own in the window (ids). */
  affiliatedFirmsWithLedger?: readonly string[];
  /**
   * Affiliated firms with a training entry of their own in the window (ids): attendance at trainings and lectures
   * writes such an entry for each attending firm (server/domain/trainings/attendance-ledger.ts).
   */
  affiliatedFirmsTrained?: readonly string[];
  /** Current (not revoked) bases held by affiliated firms. */
  affiliatedBases?: readonly { unitId: string; category: 'point' | 'station' | 'zone'; level: string }[];
  /** Affiliated firms whose latest district score against the programme's point rubric reaches its pass mark. */
  affiliatedFirmsMeetingPointStandard?: number;
  contactRoles: readonly string[];
}

export function computeMetrics(input: MetricInput): MetricValues {
  const from = dayjs(input.asOf).subtract(12, 'month').add(1, 'day').format('YYYY-MM-DD');
  const half = dayjs(input.asOf).subtract(6, 'month').format('YYYY-MM-DD');
  const inWindow = input.entries.filter((e) => e.occurredOn >= from && e.occurredOn <= input.asOf);
  const count = (...kinds: LedgerKind[]) => inWindow.filter((e) => kinds.includes(e.kind)).length;
  const firms = input.affiliatedFirms;
  const coveredBy = (filter: (e: MetricLedgerEntry) => boolean) => {
    const sum = inWindow.filter(filter).reduce((a, e) => a + (e.firmsCovered ?? 0), 0);
    return firms === undefined ? sum : Math.min(sum, firms);
  };
  const pct = (n: number) => (firms ? Math.round((n / firms) * 1000) / 10 : undefined);
  const inspections = inWindow.filter((e) => e.kind === 'inspection');
  const reach = inWindow.filter((e) => e.kind === 'training' && e.reachPercent !== null).map((e) => e.reachPercent!);
  // Firms trained: what the park's own training entries declare, or the tenants that attended trainings themselves,
  // whichever is more (the two may count the same firms, so they are not added).
  const attended = new Set(input.affiliatedFirmsTrained ?? []).size;
  const declared = coveredBy((e) => e.kind === 'training');
  const trained = firms === undefined ? declared : Math.min(Math.max(declared, attended), firms);
  const bases = input.affiliatedBases;
  const holders = (categories: readonly string[], level: string) =>
    bases === undefined
      ? undefined
      : new Set(bases.filter((b) => categories.includes(b.category) && b.level === level).map((b) => b.unitId)).size;
  const protecting =
    firms === undefined
      ? undefined
      : new Set([...(input.affiliatedFirmsWithLedger ?? []), ...(bases ?? []).map((b) => b.unitId)]).size;
  return {
    'ledger.guidance_visits_12m': inWindow.filter((e) => e.kind === 'guidance_visit' && e.guideId !== null).length,
    'ledger.trainings_12m': count('training'),
    'ledger.publicity_12m': count('publicity'),
    'ledger.activities_12m': count('training', 'publicity', 'survey'),
    'ledger.services_12m': count('survey', 'risk_assessment', 'rights_help'),
    'ledger.inspection_halves_12m':
      Number(inspections.some((e) => e.occurredOn <= half)) + Number(inspections.some((e) => e.occurredOn > half)),
    'ledger.risk_assessment_reports_12m': inWindow.filter((e) => e.kind === 'risk_assessment' && e.attachmentCount > 0)
      .length,
    'ledger.rights_help_12m': count('rights_help'),
    'ledger.staff_training_reach_12m': reach.length > 0 ? Math.max(...reach) : undefined,
    'ledger.firms_trained_12m': firms === undefined ? undefined : trained,
    'ledger.firms_trained_pct_12m': pct(trained),
    'ledger.firms_visited_pct_12m': pct(coveredBy((e) => e.kind === 'survey')),
    'ledger.firms_guided_pct_12m': pct(coveredBy((e) => e.kind === 'guidance_visit' && e.guideId === null)),
    'ledger.firms_risk_assessed_pct_12m': pct(coveredBy((e) => e.kind === 'risk_assessment')),
    'registry.affiliated_firms': firms,
    'registry.firms_protecting': protecting,
    'registry.firms_protecting_pct': pct(protecting ?? 0),
    'registry.affiliated_points_stations_district': holders(['point', 'station'], 'district'),
    'registry.affiliated_points_stations_municipal': holders(['point', 'station'], 'municipal'),
    'registry.affiliated_points_stations_provincial': holders(['point', 'station'], 'provincial'),
    'registry.affiliated_points_district': holders(['point'], 'district'),
    'registry.affiliated_points_municipal': holders(['point'], 'municipal'),
    'registry.affiliated_points_provincial': holders(['point'], 'provincial'),
    'registry.affiliated_firms_meeting_point_standard': input.affiliatedFirmsMeetingPointStandard,
    'profile.secrecy_staff': input.contactRoles.filter((r) => r === 'confidentiality_officer').length,
    'profile.liaisons': input.contactRoles.filter((r) => r === 'liaison').length,
  };
}
