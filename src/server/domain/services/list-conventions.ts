import { asc, desc, eq, inArray, like, or, type SQL } from 'drizzle-orm';
import type { RequestContext } from '../../context';
import type { Executor } from '../../db/client';
import { jurisdictions, serviceConventionSignatories, serviceConventions, units } from '../../db/schema';
import { unauthenticated } from '../../errors';
import { unitScope } from '../../policies';

async function query(db: Executor, where: SQL | undefined) {
  const rows = await db
    .select({
      id: serviceConventions.id,
      associationId: serviceConventions.associationId,
      associationName: units.name,
      jurisdictionCode: units.jurisdictionCode,
      jurisdictionName: jurisdictions.name,
      title: serviceConventions.title,
      signedOn: serviceConventions.signedOn,
      content: serviceConventions.content,
    })
    .from(serviceConventions)
    .innerJoin(units, eq(units.id, serviceConventions.associationId))
    .innerJoin(jurisdictions, eq(jurisdictions.code, units.jurisdictionCode))
    .where(where)
    .orderBy(desc(serviceConventions.signedOn), asc(serviceConventions.id));
  const ids = rows.map((r) => r.id);
  const signatories =
    ids.length === 0
      ? []
      : await db
          .select({ conventionId: serviceConventionSignatories.conventionId, id: units.id, name: units.name })
          .from(serviceConventionSignatories)
          .innerJoin(units, eq(units.id, serviceConventionSignatories.memberId))
          .where(inArray(serviceConventionSignatories.conventionId, ids))
          .orderBy(asc(units.name));
  return rows.map((r) => ({
    ...r,
    signatories: signatories.filter((s) => s.conventionId === r.id).map(({ id, name }) => ({ id, name })),
  }));
}

/** Conventions of associations in the officer's subtree; for an applicant, its association's or those it signed. */
export async function listConventions(db: Executor, ctx: RequestContext) {
  if (!ctx.actor) throw unauthenticated();
  const scope = unitScope(ctx.actor);
  let where: SQL | undefined;
  if (scope.kind === 'subtree') where = like(jurisdictions.path, `${scope.path}%`);
  else if (scope.kind === 'unit')
    where = or(
      eq(serviceConventions.associationId, scope.unitId),
      inArray(
        serviceConventions.id,
        db
          .select({ id: serviceConventionSignatories.conventionId })
          .from(serviceConventionSignatories)
          .where(eq(serviceConventionSignatories.memberId, scope.unitId)),
      ),
    );
  else if (scope.kind === 'none') where = eq(serviceConventions.id, '00000000-0000-0000-0000-000000000000');
  const items = await query(db, where);
  return { items, total: items.length };
}

export async function loadConvention(db: Executor, id: string) {
  const [row] = await query(db, eq(serviceConventions.id, id));
  return row ?? null;
}
