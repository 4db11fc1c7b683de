import { eq } from 'drizzle-orm';
import { kindById, rubricForKind } from '../../../core/programs/queries';
import type { Programme } from '../../../core/programs/schema';
import { evaluateRubric } from '../../../core/rubric/evaluate';
import type { Executor } from '../../db/client';
import { jurisdictions, programmes, selfAssessments, units } from '../../db/schema';
import { unitMetrics } from './unit-metrics';

export async function findSelfAssessment(db: Executor, id: string) {
  const [row] = await db
    .select({
      assessment: selfAssessments,
      unitPath: jurisdictions.path,
      unitName: units.name,
      definition: programmes.definition,
      programmeTitle: programmes.title,
    })
    .from(selfAssessments)
    .innerJoin(units, eq(units.id, selfAssessments.unitId))
    .innerJoin(jurisdictions, eq(jurisdictions.code, units.jurisdictionCode))
    .innerJoin(programmes, eq(programmes.id, selfAssessments.programmeId))
    .where(eq(selfAssessments.id, id));
  return row ?? null;
}

/** The assessment with its rubric, the metrics computed now, and the live evaluation (score, conditions, gaps). */
export async function selfAssessmentDetail(
  db: Executor,
  row: NonNullable<Awaited<ReturnType<typeof findSelfAssessment>>>,
  today: string,
) {
  const programme = row.definition as Programme;
  const rubric = rubricForKind(programme, row.assessment.baseKind)!;
  const metrics = await unitMetrics(db, row.assessment.unitId, {
    asOf: today,
    programme: { id: row.assessment.programmeId, definition: programme },
  });
  return {
    ...row.assessment,
    unitName: row.unitName,
    programmeTitle: row.programmeTitle,
    kind: kindById(programme, row.assessment.baseKind),
    rubric,
    metrics,
    evaluation: evaluateRubric(rubric, row.assessment.answers, metrics),
  };
}
