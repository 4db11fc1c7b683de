/**
 * Reads of the expert registry and who may see or manage an expert. A registry belongs to a bureau (the expert's
 * jurisdiction): officers see the experts of their own registry, of the registries above them (a district may draw
 * on its city's think tank, 001) and of those below them; they manage (create, edit) only their own and those below.
 * Administrators see and manage all; applicants and experts do not browse the registry.
 */
import { and, asc, eq, ilike, or, type SQL, sql } from 'drizzle-orm';
import { bureauIndustriesFor } from '../../../shared/data/bureau-industries';
import type { ExpertField } from '../../../shared/enums';
import type { ExpertListQuery } from '../../../shared/schemas/acceptance';
import type { Actor } from '../../context';
import type { Executor } from '../../db/client';
import { experts, jurisdictions, users } from '../../db/schema';
import { AppError, forbidden, notFound } from '../../errors';
import { inSubtree } from '../../policies';

export type ExpertRow = typeof experts.$inferSelect;

const expertColumns = {
  expert: experts,
  jurisdictionName: jurisdictions.name,
  jurisdictionPath: jurisdictions.path,
  username: users.username,
};

function expertQuery(db: Executor) {
  return db
    .select(expertColumns)
    .from(experts)
    .innerJoin(jurisdictions, eq(jurisdictions.code, experts.jurisdictionCode))
    .leftJoin(users, eq(users.id, experts.userId));
}

export type LoadedExpert = NonNullable<Awaited<ReturnType<typeof findExpert>>>;

export async function findExpert(db: Executor, id: string) {
  const [row] = await expertQuery(db).where(eq(experts.id, id));
  return row ?? null;
}

/** The expert record linked to a login, if any. */
export async function findExpertByUser(db: Executor, userId: string) {
  const [row] = await expertQuery(db).where(eq(experts.userId, userId));
  return row ?? null;
}

/** Whether an officer's registry view includes a registry at `path`: its own, above it or below it. */
export function registryVisible(actor: Actor, path: string): boolean {
  if (actor.role === 'admin') return true;
  if (actor.role !== 'officer' || !actor.jurisdictionPath) return false;
  return inSubtree(actor, path) || actor.jurisdictionPath.startsWith(path);
}

/** Whether the actor may create or edit experts of the registry at `path`: its own or below. */
export function registryManageable(actor: Actor, path: string): boolean {
  if (actor.role === 'admin') return true;
  return actor.role === 'officer' && inSubtree(actor, path);
}

/** The expert, if the actor may see it in the registry (or it is the actor's own record); else 404. */
export async function requireVisibleExpert(db: Executor, actor: Actor, id: string): Promise<LoadedExpert> {
  const found = await findExpert(db, id);
  if (!found) throw notFound('专家');
  const own = actor.role === 'expert' && found.expert.userId === actor.id;
  if (!own && !registryVisible(actor, found.jurisdictionPath)) throw notFound('专家');
  return found;
}

/** The main field first, then the others, each once. */
export function allFields(field: ExpertField, fields: readonly ExpertField[] = []): ExpertField[] {
  return [...new Set([field, ...fields])];
}

/** Local industries must come from the lists of the registry's bureau or those above it. */
export function checkLocalIndustries(codes: readonly string[] | undefined, registryPath: string): void {
  if (!codes?.length) return;
  const allowed = new Set(bureauIndustriesFor(registryPath).map((i) => i.code));
  if (codes.some((c) => !allowed.has(c))) {
    const message = '本地产业应从所属专家库监管部门（或其上级）的产业目录中选择';
    throw new AppError('validation_failed', message, { fields: [{ path: 'localIndustries', message }] });
  }
}

export function requireRegistryReader(actor: Actor): void {
  if (actor.role !== 'officer' && actor.role !== 'admin') throw forbidden('只有监管部门可以查看专家库');
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

function visibility(actor: Actor): SQL | undefined {
  if (actor.role === 'admin') return undefined;
  if (actor.role !== 'officer' || !actor.jurisdictionPath) return sql`false`;
  const own = actor.jurisdictionPath;
  return sql`(${jurisdictions.path} LIKE ${`${own}%`} OR ${own} LIKE ${jurisdictions.path} || '%')`;
}

export async function queryExperts(
  db: Executor,
  actor: Actor,
  filter: ExpertListQuery,
  paging?: { page: number; pageSize: number },
) {
  const pattern = filter.q ? `%${escapeLike(filter.q)}%` : null;
  const query = expertQuery(db)
    .where(
      and(
        visibility(actor),
        filter.field ? sql`${experts.fields} @> ${JSON.stringify([filter.field])}::jsonb` : undefined,
        filter.industry ? sql`${experts.industries} @> ${JSON.stringify([filter.industry])}::jsonb` : undefined,
        pattern
          ? or(ilike(experts.name, pattern), ilike(experts.affiliation, pattern), ilike(experts.background, pattern))
          : undefined,
        filter.active ? eq(experts.active, filter.active === 'true') : undefined,
        filter.role ? sql`${experts.roles} @> ${JSON.stringify([filter.role])}::jsonb` : undefined,
        filter.profession ? eq(experts.profession, filter.profession) : undefined,
        filter.level ? eq(experts.level, filter.level) : undefined,
        filter.availability ? eq(experts.availability, filter.availability) : undefined,
        filter.localIndustry
          ? sql`${experts.localIndustries} @> ${JSON.stringify([filter.localIndustry])}::jsonb`
          : undefined,
      ),
    )
    .orderBy(asc(jurisdictions.path), asc(experts.name), asc(experts.id));
  const rows = paging ? await query.limit(paging.pageSize).offset((paging.page - 1) * paging.pageSize) : await query;
  return rows.map((row) => expertView(row, registryManageable(actor, row.jurisdictionPath)));
}

export function expertView(row: LoadedExpert, manageable: boolean) {
  const e = row.expert;
  return {
    id: e.id,
    name: e.name,
    affiliation: e.affiliation,
    field: e.field,
    industries: e.industries as string[],
    roles: e.roles,
    profession: e.profession,
    fields: e.fields,
    localIndustries: e.localIndustries,
    level: e.level,
    availability: e.availability,
    availabilityNote: e.availabilityNote,
    phone: e.phone,
    email: e.email,
    background: e.background,
    jurisdictionCode: e.jurisdictionCode,
    jurisdictionName: row.jurisdictionName,
    userId: e.userId,
    username: row.username,
    active: e.active,
    version: e.version,
    createdAt: e.createdAt,
    updatedAt: e.updatedAt,
    /** Whether the reader may edit this expert. */
    manageable,
  };
}
export type ExpertView = ReturnType<typeof expertView>;
