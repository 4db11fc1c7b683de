/**
 * A unit declares that it adopts the provincial standard 《商业秘密保护管理与服务规范》, with evidence it uploaded
 * itself; one live declaration per unit (a rejected one may be declared again).
 */
import { PROVINCIAL_STANDARD } from '../../../shared/enums-people';
import type { AdoptionInput } from '../../../shared/schemas/people';
import { recordAudit } from '../../audit';
import type { RequestContext } from '../../context';
import { type Db, isUniqueViolation } from '../../db/client';
import { standardAdoptions } from '../../db/schema';
import { AppError, forbidden, unauthenticated } from '../../errors';
import { filesAt, requireCitable, uploadHolder } from '../attachments/attachment-holders';
import { findUnitWithPath } from '../units/unit-queries';
import { adoptionView, findAdoption } from './adoption-queries';

export async function declareAdoption(db: Db, ctx: RequestContext, input: AdoptionInput) {
  const actor = ctx.actor;
  if (!actor) throw unauthenticated();
  if (actor.role !== 'applicant' || !actor.unitId) throw forbidden('只有申报单位可以为本单位申报贯标');
  if (input.adoptedOn > ctx.today) {
    throw new AppError('validation_failed', '贯标日期不能晚于今天', {
      fields: [{ path: 'adoptedOn', message: '贯标日期不能晚于今天' }],
    });
  }
  await requireCitable(db, filesAt(input.attachments, 'attachments'), { holder: uploadHolder(actor) });
  const unit = (await findUnitWithPath(db, actor.unitId))!;
  try {
    const id = await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(standardAdoptions)
        .values({
          unitId: actor.unitId!,
          standard: PROVINCIAL_STANDARD,
          adoptedOn: input.adoptedOn,
          statement: input.statement,
          attachments: input.attachments,
          declaredById: actor.id,
        })
        .returning({ id: standardAdoptions.id });
      await recordAudit(tx, ctx, {
        action: 'adoption.declare',
        entityType: 'standard_adoption',
        entityId: row!.id,
        unitId: actor.unitId,
        jurisdictionPath: unit.jurisdictionPath,
        after: input,
      });
      return row!.id;
    });
    return adoptionView((await findAdoption(db, id))!, actor);
  } catch (error) {
    if (isUniqueViolation(error, 'standard_adoptions_live_idx')) {
      throw new AppError('duplicate', '本单位已有待确认或已确认的贯标申报，不能重复申报');
    }
    throw error;
  }
}
