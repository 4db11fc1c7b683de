/**
 * The case file of an opened clue: created on first use with the guide that governs the competent bureau, and the
 * close clock (rule `close_case` of rights-core's rules, one place for every clock) computed from the opening date.
 */
import { eq } from 'drizzle-orm';
import { dateClock, periodEnd } from '../../../core/rights/clocks';
import type { Executor } from '../../db/client';
import { rightsCaseFiles, rightsClues } from '../../db/schema';
import { AppError } from '../../errors';
import { loadWorkdayCalendar } from '../calendar/calendar-overrides';
import type { LoadedClue } from '../rights/rights-access';
import { loadRightsRules } from '../rights/rights-rules';
import { caseFileOf } from './case-access';
import { guideForPath } from './guide-queries';

export type CaseFile = typeof rightsCaseFiles.$inferSelect;

/** The case file, created (with the governing guide version) if the case has none yet. */
export async function ensureCaseFile(tx: Executor, clue: LoadedClue['clue']): Promise<CaseFile> {
  const existing = await caseFileOf(tx, clue.id);
  if (existing) return existing;
  const guide = await guideForPath(tx, clue.jurisdictionPath);
  if (!guide) throw new AppError('conflict', '本辖区尚无办案指南，请先由市级部门制定办案指南');
  await tx.insert(rightsCaseFiles).values({ clueId: clue.id, guideId: guide.id }).onConflictDoNothing();
  return (await caseFileOf(tx, clue.id))!;
}

/** The close deadline of an opened case with `extensions` approved extensions. */
export async function closeDeadline(db: Executor, openedOn: string, extensions: number) {
  const rules = await loadRightsRules(db);
  const rule = rules.clocks.close_case;
  const isWorkday = await loadWorkdayCalendar(db);
  return { rule, isWorkday, deadline: periodEnd(rule, openedOn, isWorkday, extensions) };
}

/** The close clock as shown on the case (days left, overdue, met on closing). */
export async function closeClock(db: Executor, clue: LoadedClue['clue'], file: CaseFile, today: string) {
  const { rule, isWorkday, deadline } = await closeDeadline(db, clue.openedOn!, file.extensions);
  const state = dateClock(rule, clue.openedOn!, deadline, clue.closedOn, today, isWorkday);
  return {
    ...state,
    extensions: file.extensions,
    maxExtensions: rule.maxExtensions,
    extensionPeriod: rule.extensionPeriod,
  };
}

/** Keeps the clue's `caseDeadline` (read by rights-core's lists and overdue notices) in step with the case file. */
export async function syncCaseDeadline(tx: Executor, clue: LoadedClue['clue'], extensions: number) {
  const { deadline } = await closeDeadline(tx, clue.openedOn!, extensions);
  if (clue.caseDeadline !== deadline)
    await tx.update(rightsClues).set({ caseDeadline: deadline }).where(eq(rightsClues.id, clue.id));
  return deadline;
}
