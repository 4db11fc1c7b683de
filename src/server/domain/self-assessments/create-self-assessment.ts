import { eq } from 'drizzle-orm';
import { onlyPractice } from '../../../core/applications/guidance';
import { kindById, rubricForKind } from '../../../core/programs/queries';
import type { Programme } from '../../../core/programs/schema';
import { recordAudit } from '../../audit';
import type { RequestContext } from '../../context';
import type { Executor } from '../../db/client';
import { jurisdictions, selfAssessments, units } from '../../db/schema';
import { AppError, forbidden, unauthenticated } from '../../errors';
import { can } from '../../policies';
import { requireProgrammeOpenToUnit } from '../programmes/programme-eligibility';
import { findSelfAssessment, selfAssessmentDetail } from './self-assessment-queries';

const invalid = (path: string, message: string) =>
  new AppError('validation_failed', message, { fields: [{ path, message }] });

/**
 * An applicant starts a draft self-assessment against the newest published version of a programme of its own
 * jurisdiction (or above) and a kind of base open to its unit kind. Once the programme's application window has
 * closed (or when it takes no applications) the self-assessment is practice (练习) whatever was asked: it can be
 * answered and evaluated but never becomes an application. Asking for practice in an open window is allowed.
 */
export async function createSelfAssessment(
  db: Executor,
  ctx: RequestContext,
  input: { programmeId: string; kindId: string; practice?: boolean },
) {
  if (!ctx.actor) throw unauthenticated();
  const unitId = ctx.actor.unitId;
  const [unit] = unitId
    ? await db
        .select({ id: units.id, kind: units.kind, path: jurisdictions.path })
        .from(units)
        .innerJoin(jurisdictions, eq(jurisdictions.code, units.jurisdictionCode))
        .where(eq(units.id, unitId))
    : [];
  if (!unit || !can(ctx.actor, 'self_assessment.write', { type: 'unit', id: unit.id, jurisdictionPath: unit.path })) {
    throw forbidden('只有申报单位账号可以进行自评');
  }
  const programme = await requireProgrammeOpenToUnit(db, input.programmeId, unit.path, {
    field: 'programmeId',
    newStart: true,
  });
  const definition = programme.definition as Programme;
  const kind = kindById(definition, input.kindId);
  if (!kind || !rubricForKind(definition, input.kindId)) throw invalid('kindId', '该工作方案不含此类基地');
  if (!kind.applicantUnitKinds.includes(unit.kind)) throw invalid('kindId', `本单位类型不能申报${kind.name}`);
  const practice = input.practice === true || onlyPractice(definition, ctx.today);
  const id = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(selfAssessments)
      .values({
        unitId: unit.id,
        programmeId: programme.id,
        baseKind: kind.id,
        answers: {},
        practice,
        createdById: ctx.actor!.id,
      })
      .returning({ id: selfAssessments.id });
    await recordAudit(tx, ctx, {
      action: 'self_assessment.create',
      entityType: 'self_assessment',
      entityId: row!.id,
      unitId: unit.id,
      jurisdictionPath: unit.path,
      after: { programme: programme.code, version: programme.version, kind: kind.id, practice },
    });
    return row!.id;
  });
  return selfAssessmentDetail(db, (await findSelfAssessment(db, id))!, ctx.today);
}
