/** Loads one of the home summaries (GET /guidance/applicant or /guidance/officer); null until it arrives. */
import { useEffect, useState } from 'react';
import { api, useApiErrorHandler } from '../../../app/api';

export function useGuidance<T>(path: '/guidance/applicant' | '/guidance/officer'): T | null {
  const handleError = useApiErrorHandler();
  const [guidance, setGuidance] = useState<T | null>(null);
  useEffect(() => {
    let cancelled = false;
    api.get<T>(path).then(
      (answer) => {
        if (!cancelled) setGuidance(answer);
      },
      (error: unknown) => {
        if (!cancelled) handleError(error);
      },
    );
    return () => {
      cancelled = true;
    };
  }, [path, handleError]);
  return guidance;
}
