/**
 * What some workflow actions check and do beyond the status change, keyed by action. The transition service
 * (transition-application.ts) calls `check` before the guarded update and `apply` after it, in the same
 * transaction; a thrown AppError rolls everything back. Each stage's module supplies its hooks; ./hooks.ts lists
 * them per action in one table.
 */
import type { TransitionInput } from '../../../shared/schemas/application';
import type { RequestContext } from '../../context';
import type { Executor } from '../../db/client';
import type { LoadedApplication } from './application-queries';

export interface ActionHookContext {
  tx: Executor;
  ctx: RequestContext;
  found: LoadedApplication;
  input: TransitionInput;
  /** The business date (src/server/clock.ts). */
  today: string;
}

export interface ActionHook {
  /** Refuse the action (throw AppError) before anything changes. */
  check?(hook: ActionHookContext): Promise<void>;
  /** Columns of the application to set along with the status. */
  columns?(hook: ActionHookContext): Record<string, unknown>;
  /** Further writes after the status changed (e.g. the registry entry on certify). */
  apply?(hook: ActionHookContext): Promise<void>;
}
