import type { UnitDetail } from '../../../app/types';
import { useRecord } from '../../../hooks/useRecord';

/** GET /units/:id, with its error kept for the page to show (404 means "not there or not yours"). */
export function useUnitDetail(id: string | null) {
  const { data: unit, error, reload } = useRecord<UnitDetail>(id ? `/units/${id}` : null);
  return { unit, error, reload };
}
