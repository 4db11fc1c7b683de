/**
 * Keeps what a user types from being lost: every change is copied to localStorage at once (it survives a crash or
 * a closed tab), and saved to the server after a pause in typing. A successful save drops the local copy. One save
 * runs at a time; changes made while it runs are saved after it.
 */
import { useCallback, useEffect, useRef, useState } from 'react';

export type AutosaveStatus =
  | { state: 'idle' }
  | { state: 'pending' }
  | { state: 'saving' }
  | { state: 'saved'; at: Date }
  | { state: 'failed'; message: string };

interface AutosaveOptions<T> {
  /** The local copy's key; null while nothing is open. */
  storageKey: string | null;
  value: T;
  /** The value differs from what the server holds. */
  dirty: boolean;
  /** Saves `value` to the server; rejects with a message-bearing error on refusal. */
  save: (value: T) => Promise<void>;
  delayMs?: number;
}

const PREFIX = 'shangmi.draft.';

/** The local copy kept under `storageKey`, if any (e.g. after the page crashed before the server save). */
export function readLocalDraft<T>(storageKey: string): T | null {
  try {
    const text = localStorage.getItem(PREFIX + storageKey);
    return text ? (JSON.parse(text) as T) : null;
  } catch {
    return null;
  }
}

export function dropLocalDraft(storageKey: string): void {
  try {
    localStorage.removeItem(PREFIX + storageKey);
  } catch {
    // Storage unavailable (private mode): nothing was kept.
  }
}

export function useAutosave<T>({ storageKey, value, dirty, save, delayMs = 1500 }: AutosaveOptions<T>) {
  const [status, setStatus] = useState<AutosaveStatus>({ state: 'idle' });
  const inflight = useRef<Promise<string | null> | null>(null);
  // A value the server refused is not sent again until the user changes it.
  const refused = useRef<T | null>(null);
  const latest = useRef({ value, save, storageKey });
  latest.current = { value, save, storageKey };
  const [finished, setFinished] = useState(0);

  /** Saves the current value now (after a save under way); resolves to the refusal's message, or null. */
  const flush = useCallback(async (): Promise<string | null> => {
    while (inflight.current) await inflight.current;
    const run = async () => {
      const { value: sent, save: send, storageKey: key } = latest.current;
      setStatus({ state: 'saving' });
      try {
        await send(sent);
        if (key && latest.current.value === sent) dropLocalDraft(key);
        setStatus({ state: 'saved', at: new Date() });
        return null;
      } catch (error) {
        refused.current = sent;
        const message = error instanceof Error ? error.message : '保存失败';
        setStatus({ state: 'failed', message });
        return message;
      }
    };
    const running = run();
    inflight.current = running;
    try {
      return await running;
    } finally {
      inflight.current = null;
      // What changed during the save is saved next.
      setFinished((n) => n + 1);
    }
  }, []);

  useEffect(() => {
    if (!storageKey || !dirty) return;
    try {
      localStorage.setItem(PREFIX + storageKey, JSON.stringify(value));
    } catch {
      // Storage full or unavailable: the server save below still runs.
    }
  }, [storageKey, dirty, value]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `finished` re-arms the timer after a save
  useEffect(() => {
    if (!storageKey || !dirty || inflight.current || refused.current === value) return;
    setStatus({ state: 'pending' });
    const timer = setTimeout(() => void flush(), delayMs);
    return () => clearTimeout(timer);
  }, [storageKey, dirty, value, delayMs, flush, finished]);

  return { status, flush };
}

interface DraftOptions<T> {
  /** The local copy's key, e.g. `application.<id>`. */
  storageKey: string;
  /** Whether the record may be edited now; once it may not (submitted, decided), the local copy is dropped. */
  editable: boolean;
  /** What the server holds. */
  initial: T;
  /** Saves a value to the server (the record's draft endpoint). */
  save: (value: T) => Promise<void>;
}

/**
 * A form's draft on top of `useAutosave`: it starts from the local copy kept under `storageKey` when there is one
 * (typed, then the page was reloaded or closed before the server save) and says so, otherwise from the server's
 * value; while editable it is kept locally at once and saved to the server after a pause; once the record can no
 * longer be edited (submitted, decided) the local copy is dropped. `flush` saves now (the page's save button),
 * after any save under way, so the button and the autosave never send the same version twice.
 */
export function useDraft<T>({ storageKey, editable, initial, save }: DraftOptions<T>) {
  const [restored] = useState(() => (editable ? readLocalDraft<T>(storageKey) : null));
  const [value, setValue] = useState<T>(restored ?? initial);
  // The value the server holds, by identity: the draft is dirty until this very value has been saved.
  const [saved, setSaved] = useState<T | null>(restored ? null : value);
  const persist = useCallback(
    async (sent: T) => {
      await save(sent);
      setSaved(sent);
    },
    [save],
  );
  const autosave = useAutosave({
    storageKey: editable ? storageKey : null,
    value,
    dirty: value !== saved,
    save: persist,
  });
  useEffect(() => {
    if (!editable) dropLocalDraft(storageKey);
  }, [editable, storageKey]);
  return { value, setValue, restored: restored !== null, ...autosave };
}
