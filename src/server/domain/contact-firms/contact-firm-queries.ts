/**
 * Reads of contact firms (联系企业) and who may act on them: the bureaus over the firm's unit (its jurisdiction or
 * above) and administrators; anyone else gets a 404.
 */
import { and, desc, eq, like, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Actor } from '../../context';
import type { Executor } from '../../db/client';
import { contactFirms, contactLogs, jurisdictions, units, users } from '../../db/schema';
import { AppError, forbidden, notFound } from '../../errors';
import { inSubtree } from '../../policies';

const liaisons = alias(users, 'liaisons');
const designators = alias(jurisdictions, 'designators');

/** The ISO date `days` after `day`. */
export function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

const lastContact = sql<
  string | null
>`(select max(${contactLogs.contactedOn}) from ${contactLogs} where ${contactLogs.contactFirmId} = ${contactFirms.id})`;

function firmQuery(db: Executor) {
  return db
    .select({
      firm: contactFirms,
      unitName: units.name,
      unitIndustryCode: units.industryCode,
      unitJurisdictionCode: units.jurisdictionCode,
      unitJurisdictionName: jurisdictions.name,
      unitPath: jurisdictions.path,
      designatorName: designators.name,
      liaisonName: liaisons.displayName,
      lastContactOn: lastContact,
    })
    .from(contactFirms)
    .innerJoin(units, eq(units.id, contactFirms.unitId))
    .innerJoin(jurisdictions, eq(jurisdictions.code, units.jurisdictionCode))
    .innerJoin(designators, eq(designators.code, contactFirms.jurisdictionCode))
    .innerJoin(liaisons, eq(liaisons.id, contactFirms.liaisonOfficerId));
}

type FirmRow = Awaited<ReturnType<ReturnType<typeof firmQuery>['where']>>[number];

export function firmView(row: FirmRow, today: string) {
  const f = row.firm;
  const nextDueOn = addDays(row.lastContactOn ?? f.designatedOn, f.intervalDays);
  return {
    id: f.id,
    unitId: f.unitId,
    unitName: row.unitName,
    unitIndustryCode: row.unitIndustryCode,
    jurisdictionCode: row.unitJurisdictionCode,
    jurisdictionName: row.unitJurisdictionName,
    designatedByCode: f.jurisdictionCode,
    designatedByName: row.designatorName,
    liaisonOfficerId: f.liaisonOfficerId,
    liaisonName: row.liaisonName,
    contactName: f.contactName,
    contactPosition: f.contactPosition,
    contactPhone: f.contactPhone,
    intervalDays: f.intervalDays,
    designatedOn: f.designatedOn,
    note: f.note,
    active: f.active,
    lastContactOn: row.lastContactOn,
    nextDueOn,
    /** Active and due on or before the business date. */
    due: f.active && nextDueOn <= today,
    version: f.version,
  };
}
export type ContactFirmView = ReturnType<typeof firmView>;

export async function findFirm(db: Executor, id: string) {
  const [row] = await firmQuery(db).where(eq(contactFirms.id, id));
  return row ?? null;
}

/** Officers over the unit and administrators. */
export function mayManageFirm(actor: Actor, unitPath: string): boolean {
  return actor.role === 'admin' || (actor.role === 'officer' && inSubtree(actor, unitPath));
}

export function requireOfficer(actor: Actor): void {
  if (actor.role !== 'officer' && actor.role !== 'admin') throw forbidden('只有监管部门可以管理联系企业');
}

/** The firm, if the actor is a bureau over it; else 404 (403 for roles that never may). */
export async function requireFirm(db: Executor, actor: Actor, id: string) {
  requireOfficer(actor);
  const row = await findFirm(db, id);
  if (!row || !mayManageFirm(actor, row.unitPath)) throw notFound('联系企业');
  return row;
}

export async function queryFirms(db: Executor, actor: Actor, filter: { path?: string; due?: boolean }, today: string) {
  const scope: SQL | undefined =
    actor.role === 'admin' ? undefined : like(jurisdictions.path, `${actor.jurisdictionPath ?? '\u0000'}%`);
  const rows = await firmQuery(db)
    .where(and(scope, filter.path ? like(jurisdictions.path, `${filter.path}%`) : undefined))
    .orderBy(jurisdictions.path, units.name, contactFirms.id);
  const views = rows.map((r) => firmView(r, today));
  return filter.due === undefined ? views : views.filter((v) => v.due === filter.due);
}

/** The firm's contact log, newest first; `sharedOnly` keeps the entries meant for the firm. */
export async function logsOf(db: Executor, firmId: string, sharedOnly = false) {
  const recorders = alias(users, 'recorders');
  const rows = await db
    .select({ log: contactLogs, recordedByName: recorders.displayName })
    .from(contactLogs)
    .leftJoin(recorders, eq(recorders.id, contactLogs.recordedById))
    .where(and(eq(contactLogs.contactFirmId, firmId), sharedOnly ? eq(contactLogs.sharedWithFirm, true) : undefined))
    .orderBy(desc(contactLogs.contactedOn), desc(contactLogs.createdAt));
  return rows.map(({ log, recordedByName }) => ({
    id: log.id,
    contactedOn: log.contactedOn,
    way: log.way,
    content: log.content,
    sharedWithFirm: log.sharedWithFirm,
    recordedByName,
    createdAt: log.createdAt,
  }));
}

const invalid = (path: string, message: string) =>
  new AppError('validation_failed', message, { fields: [{ path, message }] });

interface LiaisonCandidate {
  role: Actor['role'];
  disabled: boolean;
  path: string | null;
}

/**
 * Who may be a unit's liaison officer, for this actor — the one rule behind both the check and the choices offered:
 * an enabled officer account of a bureau over the unit, within the actor's own subtree (a bureau assigns its own or
 * its lower bureaus' staff). The answer is what is wrong, or null.
 */
export function liaisonProblem(actor: Actor, candidate: LiaisonCandidate | undefined, unitPath: string): string | null {
  if (candidate?.role !== 'officer' || candidate.disabled || !candidate.path) return '联络员应为在用的监管部门账号';
  if (!unitPath.startsWith(candidate.path) || (actor.role !== 'admin' && !inSubtree(actor, candidate.path)))
    return '联络员应为本部门或下级部门中管辖该企业的工作人员';
  return null;
}

const liaisonQuery = (db: Executor) =>
  db
    .select({
      id: users.id,
      displayName: users.displayName,
      jurisdictionName: jurisdictions.name,
      role: users.role,
      disabled: users.disabled,
      path: jurisdictions.path,
    })
    .from(users)
    .leftJoin(jurisdictions, eq(jurisdictions.code, users.jurisdictionCode));

export async function checkLiaison(db: Executor, actor: Actor, liaisonId: string, unitPath: string): Promise<void> {
  const [row] = await liaisonQuery(db).where(eq(users.id, liaisonId));
  const problem = liaisonProblem(actor, row, unitPath);
  if (problem) throw invalid('liaisonOfficerId', problem);
}

/** The officers the actor may make the unit's liaison (what checkLiaison accepts), by name. */
export async function liaisonCandidates(db: Executor, actor: Actor, unitPath: string) {
  const rows = await liaisonQuery(db)
    .where(and(eq(users.role, 'officer'), eq(users.disabled, false)))
    .orderBy(jurisdictions.path, users.displayName);
  return rows
    .filter((r) => liaisonProblem(actor, r, unitPath) === null)
    .map((r) => ({ id: r.id, displayName: r.displayName, jurisdictionName: r.jurisdictionName ?? '' }));
}
