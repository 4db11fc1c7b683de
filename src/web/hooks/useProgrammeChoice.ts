/**
 * The published programme a per-programme page works on (验收结果, 动态管理): the list with the user's own bureau's
 * programmes first (a new user should not land on another city's), then the newest; the choice lives in the
 * address bar (`?programmeId=`), defaulting to the first.
 */
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { api, useApiErrorHandler } from '../app/api';
import { useCurrentUser } from '../app/auth';
import type { ProgrammeSummary } from '../pages/programmes/programme-types';

export function useProgrammeChoice() {
  const handleError = useApiErrorHandler();
  const user = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const [programmes, setProgrammes] = useState<ProgrammeSummary[] | null>(null);
  const requested = params.get('programmeId');
  const programmeId =
    programmes && requested && programmes.some((p) => p.id === requested) ? requested : (programmes?.[0]?.id ?? null);

  useEffect(() => {
    api
      .get<{ items: ProgrammeSummary[] }>('/programs', { status: 'published' })
      .then((r) =>
        setProgrammes(
          [...r.items].sort(
            (a, b) =>
              Number(b.ownerJurisdictionCode === user.jurisdictionCode) -
                Number(a.ownerJurisdictionCode === user.jurisdictionCode) || b.year - a.year,
          ),
        ),
      )
      .catch((error: unknown) => {
        handleError(error);
        setProgrammes([]);
      });
  }, [handleError, user.jurisdictionCode]);

  const options = (programmes ?? []).map((p) => ({ value: p.id, label: `${p.year} ${p.title}` }));
  return { programmes, programmeId, options, params, setParams };
}
