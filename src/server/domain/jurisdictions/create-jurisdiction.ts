import { JurisdictionLevel } from '../../../shared/enums';
import { recordAudit } from '../../audit';
import type { RequestContext } from '../../context';
import { type Executor, isUniqueViolation } from '../../db/client';
import { jurisdictions } from '../../db/schema';
import { AppError, forbidden } from '../../errors';
import { can } from '../../policies';
import { findJurisdiction } from '../units/unit-references';

export interface JurisdictionInput {
  code: string;
  name: string;
  level: JurisdictionLevel;
  parentCode: string;
}

/** A child must sit below its parent in the order national → provincial → municipal → district/functional zone. */
const LEVEL_RANK: Record<JurisdictionLevel, number> = {
  national: 0,
  provincial: 1,
  municipal: 2,
  district: 3,
  functional_zone: 3,
};

export async function createJurisdiction(db: Executor, ctx: RequestContext, input: JurisdictionInput) {
  if (!can(ctx.actor, 'jurisdiction.create')) throw forbidden();
  const parent = await findJurisdiction(db, input.parentCode);
  if (!parent) {
    throw new AppError('validation_failed', '上级辖区不存在', {
      fields: [{ path: 'parentCode', message: '上级辖区不存在' }],
    });
  }
  if (LEVEL_RANK[input.level] <= LEVEL_RANK[parent.level]) {
    const message = `${JurisdictionLevel.labels[input.level]}辖区不能设在${JurisdictionLevel.labels[parent.level]}辖区之下`;
    throw new AppError('validation_failed', message, { fields: [{ path: 'level', message }] });
  }
  const row = { ...input, path: `${parent.path}${input.code}.` };
  try {
    await db.transaction(async (tx) => {
      await tx.insert(jurisdictions).values(row);
      await recordAudit(tx, ctx, {
        action: 'jurisdiction.create',
        entityType: 'jurisdiction',
        entityId: input.code,
        jurisdictionPath: row.path,
        after: input,
      });
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError('duplicate', '辖区代码已存在', { fields: [{ path: 'code', message: '辖区代码已存在' }] });
    }
    throw error;
  }
  return row;
}
