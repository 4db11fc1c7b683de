/**
 * The business date (the day the platform's rules are applied on, src/server/clock.ts) for every "today" the web
 * app shows or defaults to: date pickers open on it and their "today" button picks it, the home page greets with
 * it. It is not the computer's date: a demonstration deployment runs a past programme on a past day. Before it is
 * known (or for a visitor who is not logged in) it falls back to today in China.
 */
import dayjs, { type Dayjs } from 'dayjs';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { api } from './api';
import { useAuth } from './auth';

interface BusinessDateState {
  /** YYYY-MM-DD. */
  date: string;
  /** The same day as a dayjs value, for pickers and formatting. */
  today: Dayjs;
  /** Whether an administrator may move it (BUSINESS_DATE_ADJUSTABLE). */
  adjustable: boolean;
  /** True until the server has answered. */
  loading: boolean;
  /** Moves it (administrators of a demonstration deployment); resolves to the new date. */
  setDate(date: string): Promise<string>;
}

interface BusinessDateAnswer {
  date: string;
  adjustable: boolean;
}

const CHINA_DAY = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' });

const BusinessDateContext = createContext<BusinessDateState | null>(null);

export function BusinessDateProvider({ children }: { children: ReactNode }) {
  const { user } = useAuth();
  const [answer, setAnswer] = useState<BusinessDateAnswer | null>(null);

  useEffect(() => {
    if (!user) {
      setAnswer(null);
      return;
    }
    let cancelled = false;
    api.get<BusinessDateAnswer>('/system/business-date').then(
      (a) => {
        if (!cancelled) setAnswer(a);
      },
      () => undefined, // the fallback date stands; pages report their own request errors
    );
    return () => {
      cancelled = true;
    };
  }, [user]);

  const setDate = useCallback(async (date: string) => {
    const moved = await api.put<BusinessDateAnswer>('/system/business-date', { date });
    setAnswer(moved);
    return moved.date;
  }, []);

  const value = useMemo<BusinessDateState>(() => {
    const date = answer?.date ?? CHINA_DAY.format(new Date());
    return { date, today: dayjs(date), adjustable: answer?.adjustable ?? false, loading: !answer, setDate };
  }, [answer, setDate]);
  return <BusinessDateContext.Provider value={value}>{children}</BusinessDateContext.Provider>;
}

export function useBusinessDate(): BusinessDateState {
  const state = useContext(BusinessDateContext);
  if (!state) throw new Error('useBusinessDate called outside BusinessDateProvider');
  return state;
}
