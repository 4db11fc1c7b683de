import { and, desc, eq, like, type SQL } from 'drizzle-orm';
import { kindById } from '../../../core/programs/queries';
import type { Programme } from '../../../core/programs/schema';
import type { RequestContext } from '../../context';
import type { Executor } from '../../db/client';
import { jurisdictions, programmes, selfAssessments, units } from '../../db/schema';
import { notFound, unauthenticated } from '../../errors';
import { can, unitScope } from '../../policies';
import { findSelfAssessment, selfAssessmentDetail } from './self-assessment-queries';

export async function listSelfAssessments(db: Executor, ctx: RequestContext) {
  if (!ctx.actor) throw unauthenticated();
  const scope = unitScope(ctx.actor);
  const condition: SQL | undefined =
    scope.kind === 'all'
      ? undefined
      : scope.kind === 'subtree'
        ? like(jurisdictions.path, `${scope.path}%`)
        : scope.kind === 'unit'
          ? eq(selfAssessments.unitId, scope.unitId)
          : eq(selfAssessments.id, '00000000-0000-0000-0000-000000000000');
  const rows = await db
    .select({
      id: selfAssessments.id,
      unitId: selfAssessments.unitId,
      unitName: units.name,
      programmeId: selfAssessments.programmeId,
      programmeTitle: programmes.title,
      baseKind: selfAssessments.baseKind,
      practice: selfAssessments.practice,
      definition: programmes.definition,
      version: selfAssessments.version,
      updatedAt: selfAssessments.updatedAt,
    })
    .from(selfAssessments)
    .innerJoin(units, eq(units.id, selfAssessments.unitId))
    .innerJoin(jurisdictions, eq(jurisdictions.code, units.jurisdictionCode))
    .innerJoin(programmes, eq(programmes.id, selfAssessments.programmeId))
    .where(and(condition))
    .orderBy(desc(selfAssessments.updatedAt));
  return rows.map(({ definition, ...row }) => ({
    ...row,
    kindName: kindById(definition as Programme, row.baseKind)?.name ?? row.baseKind,
  }));
}

export async function getSelfAssessment(db: Executor, ctx: RequestContext, id: string) {
  const found = await findSelfAssessment(db, id);
  if (
    !found ||
    !can(ctx.actor, 'unit.read', { type: 'unit', id: found.assessment.unitId, jurisdictionPath: found.unitPath })
  ) {
    throw notFound('自评');
  }
  return selfAssessmentDetail(db, found, ctx.today);
}
