/**
 * Reads of standard-adoption declarations (贯标企业) and who may see and decide them: the unit's own accounts see
 * theirs; bureaus over the unit see them; only the unit's county/district bureau (its own jurisdiction, or a
 * district-level bureau above it) confirms or rejects; administrators do everything.
 */
import { and, desc, eq, like, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { isCityOrAbove } from '../../../shared/enums';
import type { AdoptionStatus } from '../../../shared/enums-people';
import type { Actor } from '../../context';
import type { Executor } from '../../db/client';
import { jurisdictions, standardAdoptions, units, users } from '../../db/schema';
import { forbidden, notFound } from '../../errors';
import { inSubtree } from '../../policies';

const deciders = alias(users, 'deciders');

function adoptionQuery(db: Executor) {
  return db
    .select({
      adoption: standardAdoptions,
      unitName: units.name,
      unitJurisdictionCode: units.jurisdictionCode,
      jurisdictionName: jurisdictions.name,
      unitPath: jurisdictions.path,
      decidedByName: deciders.displayName,
    })
    .from(standardAdoptions)
    .innerJoin(units, eq(units.id, standardAdoptions.unitId))
    .innerJoin(jurisdictions, eq(jurisdictions.code, units.jurisdictionCode))
    .leftJoin(deciders, eq(deciders.id, standardAdoptions.decidedById));
}

type AdoptionRow = Awaited<ReturnType<ReturnType<typeof adoptionQuery>['where']>>[number];

export function adoptionView(row: AdoptionRow, actor: Actor) {
  const a = row.adoption;
  return {
    id: a.id,
    unitId: a.unitId,
    unitName: row.unitName,
    jurisdictionName: row.jurisdictionName,
    standard: a.standard,
    adoptedOn: a.adoptedOn,
    statement: a.statement,
    attachments: a.attachments,
    status: a.status,
    decidedByName: row.decidedByName,
    decidedOn: a.decidedOn,
    decisionNote: a.decisionNote,
    version: a.version,
    createdAt: a.createdAt,
    /** Whether the reader may confirm or reject it now. */
    decidable: a.status === 'declared' && mayDecide(actor, row),
  };
}
export type AdoptionView = ReturnType<typeof adoptionView>;

export async function findAdoption(db: Executor, id: string) {
  const [row] = await adoptionQuery(db).where(eq(standardAdoptions.id, id));
  return row ?? null;
}

export function mayRead(actor: Actor, row: { adoption: { unitId: string }; unitPath: string }): boolean {
  if (actor.role === 'admin') return true;
  if (actor.role === 'applicant') return actor.unitId === row.adoption.unitId;
  return actor.role === 'officer' && inSubtree(actor, row.unitPath);
}

/** The unit's own county/district bureau: its jurisdiction, or a bureau below city level above it. */
export function mayDecide(actor: Actor, row: { unitJurisdictionCode: string; unitPath: string }): boolean {
  if (actor.role === 'admin') return true;
  if (actor.role !== 'officer' || !inSubtree(actor, row.unitPath)) return false;
  return actor.jurisdictionCode === row.unitJurisdictionCode || !isCityOrAbove(actor.jurisdictionLevel);
}

export async function requireReadable(db: Executor, actor: Actor, id: string) {
  const row = await findAdoption(db, id);
  if (!row || !mayRead(actor, row)) {
    if (actor.role === 'expert') throw forbidden('无权查看贯标申报');
    throw notFound('贯标申报');
  }
  return row;
}

export async function queryAdoptions(db: Executor, actor: Actor, status?: AdoptionStatus) {
  let scope: SQL | undefined;
  if (actor.role === 'applicant')
    scope = eq(standardAdoptions.unitId, actor.unitId ?? '00000000-0000-0000-0000-000000000000');
  else if (actor.role === 'officer') scope = like(jurisdictions.path, `${actor.jurisdictionPath}%`);
  const rows = await adoptionQuery(db)
    .where(and(scope, status ? eq(standardAdoptions.status, status) : undefined))
    .orderBy(desc(standardAdoptions.createdAt), standardAdoptions.id);
  return rows.map((r) => adoptionView(r, actor));
}
