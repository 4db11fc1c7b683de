/**
 * The maintenance conditions of a base as the platform's data shows them on a day (the annual review's first
 * column): the programme that certified it says what to check (management.maintenance), the unit's metrics
 * (ledger, profile, registry — the rubric engine's catalogue) decide what they can.
 */
import { eq } from 'drizzle-orm';
import { judgeMaintenance } from '../../../core/programs/maintenance';
import type { Programme } from '../../../core/programs/schema';
import type { Executor } from '../../db/client';
import { programmes } from '../../db/schema';
import type { RegistryRow } from '../registry/registry-queries';
import { unitMetrics } from '../self-assessments/unit-metrics';

export async function programmeOfBase(db: Executor, row: RegistryRow) {
  const [programme] = await db
    .select({ id: programmes.id, definition: programmes.definition })
    .from(programmes)
    .where(eq(programmes.id, row.base.programmeId));
  return { id: programme!.id, definition: programme!.definition as Programme };
}

/** The review year's conditions judged on `asOf` (the business date, or the year's last day for a past year). */
export async function checkMaintenance(db: Executor, row: RegistryRow, asOf: string) {
  const programme = await programmeOfBase(db, row);
  const values = await unitMetrics(db, row.base.unitId, { asOf, programme });
  return { programme, conditions: judgeMaintenance(programme.definition, row.base.kindId, values) };
}

/** A review of year Y looks at the data as of Y-12-31, or today while Y is the current year. */
export function reviewAsOf(year: number, today: string): string {
  const end = `${year}-12-31`;
  return end < today ? end : today;
}
