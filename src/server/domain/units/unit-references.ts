/**
 * Checks a unit's references (jurisdiction, park, member units) before they are written, with field-level errors.
 */
import { eq } from 'drizzle-orm';
import { checkCreditCode } from '../../../core/credit-code';
import type { Executor } from '../../db/client';
import { jurisdictions } from '../../db/schema';
import { AppError, type FieldError } from '../../errors';
import { findUnitsWithPaths } from './unit-queries';

export async function findJurisdiction(db: Executor, code: string) {
  const rows = await db.select().from(jurisdictions).where(eq(jurisdictions.code, code)).limit(1);
  return rows[0] ?? null;
}

export async function requireJurisdiction(db: Executor, code: string) {
  const found = await findJurisdiction(db, code);
  if (!found) {
    throw new AppError('validation_failed', '所属辖区不存在', {
      fields: [{ path: 'jurisdictionCode', message: '所属辖区不存在' }],
    });
  }
  return found;
}

/** The park must be a unit of kind park; members must exist; only associations have members. */
export async function checkUnitReferences(
  db: Executor,
  kind: string,
  unitId: string | null,
  parkId: string | null | undefined,
  memberIds: string[] | undefined,
): Promise<void> {
  const fields: FieldError[] = [];
  const ids = [...(parkId ? [parkId] : []), ...(memberIds ?? [])];
  const found = new Map((await findUnitsWithPaths(db, ids)).map((u) => [u.id, u]));
  if (parkId) {
    const park = found.get(parkId);
    if (park?.kind !== 'park') fields.push({ path: 'parkId', message: '所在园区不存在' });
    else if (parkId === unitId) fields.push({ path: 'parkId', message: '园区不能位于自身之内' });
  }
  if (memberIds && memberIds.length > 0) {
    if (kind !== 'association') fields.push({ path: 'memberIds', message: '只有行业协会/商会可以登记会员单位' });
    const missing = memberIds.filter((id) => !found.has(id) || id === unitId);
    if (missing.length > 0) fields.push({ path: 'memberIds', message: `会员单位不存在：${missing.length} 个` });
  }
  if (fields.length > 0) throw new AppError('validation_failed', fields[0]!.message, { fields });
}

/** Warnings that do not block saving: the credit code's region part is not a known jurisdiction. */
export async function creditCodeWarnings(db: Executor, creditCode: string): Promise<FieldError[]> {
  const region = checkCreditCode(creditCode).regionCode;
  if (!region) return [];
  if (await findJurisdiction(db, region)) return [];
  // Codes issued before a district was renamed or merged are common; only warn.
  return [{ path: 'creditCode', message: `信用代码中的行政区划代码 ${region} 不在辖区库中，请核实` }];
}
