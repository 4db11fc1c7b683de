/**
 * Joint handling (联合办案) and consultations (会商会办). A supervising city bureau brings another bureau of its
 * subtree into a case with a task; handlers or supervisors record consultations with other departments (police,
 * procuratorate, courts, IP office, industry departments) with participants and conclusions.
 */
import type { ConsultationInput, JointBureauInput } from '../../../shared/schemas/rights-cases';
import type { RequestContext } from '../../context';
import { type Db, isUniqueViolation } from '../../db/client';
import { rightsCaseJointBureaus, rightsConsultations } from '../../db/schema';
import { AppError, forbidden } from '../../errors';
import { notifyUsers } from '../notifications/notify';
import { isCityOfficer, isSupervisorOf } from '../rights/rights-access';
import { officersOf } from '../rights/rights-events';
import { loadCase, requireOpenCase } from './case-access';
import { auditCase } from './case-audit';
import { getCase } from './get-case';
import { jurisdictionByCode } from './guide-queries';

export async function addJointBureau(db: Db, ctx: RequestContext, clueId: string, input: JointBureauInput) {
  const loaded = await loadCase(db, ctx, clueId);
  const actor = ctx.actor!;
  if (actor.role !== 'officer' || !isCityOfficer(actor) || !isSupervisorOf(actor, loaded.clue.jurisdictionPath))
    throw forbidden('联合办案由上级市级市场监管部门组织');
  requireOpenCase(loaded);
  const bureau = await jurisdictionByCode(db, input.jurisdictionCode);
  const field = (message: string) =>
    new AppError('validation_failed', message, { fields: [{ path: 'jurisdictionCode', message }] });
  if (!bureau?.path.startsWith(actor.jurisdictionPath!)) throw field('协办部门应为本辖区内的市场监管部门');
  if (bureau.code === loaded.clue.jurisdictionCode) throw field('协办部门不能是本案的管辖部门');
  try {
    await db.transaction(async (tx) => {
      await tx.insert(rightsCaseJointBureaus).values({ clueId, ...input, addedById: actor.id });
      await notifyUsers(tx, await officersOf(tx, [bureau.code]), {
        title: `请协办案件 ${loaded.clue.clueNo}`,
        body: `${actor.displayName}组织联合办案：${input.task}`,
        link: '/rights-cases',
      });
      await auditCase(tx, ctx, loaded.clue, 'rights_case.joint', { ...input });
    });
  } catch (error) {
    if (isUniqueViolation(error, 'rights_case_joint_bureaus_clue_id_jurisdiction_code_pk'))
      throw new AppError('conflict', '该部门已参与联合办案');
    throw error;
  }
  return getCase(db, ctx, clueId);
}

export async function recordConsultation(db: Db, ctx: RequestContext, clueId: string, input: ConsultationInput) {
  const loaded = await loadCase(db, ctx, clueId);
  const actor = ctx.actor!;
  const allowed =
    actor.role === 'officer' &&
    (loaded.handlerIds.includes(actor.id) || isSupervisorOf(actor, loaded.clue.jurisdictionPath));
  if (!allowed) throw forbidden('只有本案承办人或上级监管部门可以记录会商会办');
  if (input.heldOn > ctx.today)
    throw new AppError('validation_failed', '会商日期不能晚于今天', {
      fields: [{ path: 'heldOn', message: '会商日期不能晚于今天' }],
    });
  await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(rightsConsultations)
      .values({ clueId, ...input, departments: [...new Set(input.departments)], recordedById: actor.id })
      .returning({ id: rightsConsultations.id });
    await auditCase(tx, ctx, loaded.clue, 'rights_case.consultation', { consultationId: row!.id, topic: input.topic });
  });
  return getCase(db, ctx, clueId);
}
