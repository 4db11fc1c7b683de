/** Checks of an expert's references before they are written, with field-level errors. */
import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { users } from '../../db/schema';
import { AppError } from '../../errors';

const invalid = (path: string, message: string) =>
  new AppError('validation_failed', message, { fields: [{ path, message }] });

/** The linked login must exist, have the role expert and not be disabled. */
export async function checkExpertUser(db: Executor, userId: string): Promise<void> {
  const [user] = await db
    .select({ role: users.role, disabled: users.disabled })
    .from(users)
    .where(eq(users.id, userId))
    .limit(1);
  if (!user) throw invalid('userId', '关联的账号不存在');
  if (user.role !== 'expert') throw invalid('userId', '只能关联角色为“专家”的账号');
  if (user.disabled) throw invalid('userId', '关联的账号已停用');
}

export const duplicateExpertUser = () =>
  new AppError('duplicate', '该专家账号已关联其他专家', {
    fields: [{ path: 'userId', message: '该专家账号已关联其他专家' }],
  });
