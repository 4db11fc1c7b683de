import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { jurisdictions, units } from '../../db/schema';
import { AppError } from '../../errors';

/** The unit and jurisdiction a user is bound to must exist. */
export async function checkUserBindings(db: Executor, unitId?: string | null, jurisdictionCode?: string | null) {
  if (unitId) {
    const [u] = await db.select({ id: units.id }).from(units).where(eq(units.id, unitId)).limit(1);
    if (!u)
      throw new AppError('validation_failed', '绑定的单位不存在', {
        fields: [{ path: 'unitId', message: '绑定的单位不存在' }],
      });
  }
  if (jurisdictionCode) {
    const [j] = await db
      .select({ code: jurisdictions.code })
      .from(jurisdictions)
      .where(eq(jurisdictions.code, jurisdictionCode))
      .limit(1);
    if (!j) {
      throw new AppError('validation_failed', '绑定的辖区不存在', {
        fields: [{ path: 'jurisdictionCode', message: '绑定的辖区不存在' }],
      });
    }
  }
}

export const duplicateUsername = () =>
  new AppError('duplicate', '用户名已被使用', { fields: [{ path: 'username', message: '用户名已被使用' }] });
