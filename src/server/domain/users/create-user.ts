import type { UserCreate } from '../../../shared/schemas/user';
import { recordAudit } from '../../audit';
import { hashPassword } from '../../auth/passwords';
import type { RequestContext } from '../../context';
import { type Executor, isUniqueViolation } from '../../db/client';
import { users } from '../../db/schema';
import { forbidden } from '../../errors';
import { can } from '../../policies';
import { checkUserBindings, duplicateUsername } from './user-bindings';
import { findUserView } from './user-queries';

export async function createUser(db: Executor, ctx: RequestContext, input: UserCreate) {
  if (!can(ctx.actor, 'user.manage')) throw forbidden();
  await checkUserBindings(db, input.unitId, input.jurisdictionCode);
  const { password, ...fields } = input;
  const passwordHash = await hashPassword(password);
  try {
    const id = await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(users)
        .values({
          ...fields,
          // A binding only means something for its role.
          unitId: input.role === 'applicant' ? input.unitId : null,
          jurisdictionCode: input.role === 'officer' ? input.jurisdictionCode : null,
          passwordHash,
        })
        .returning({ id: users.id });
      await recordAudit(tx, ctx, {
        action: 'user.create',
        entityType: 'user',
        entityId: row!.id,
        unitId: input.unitId ?? null,
        after: {
          username: input.username,
          role: input.role,
          unitId: input.unitId,
          jurisdictionCode: input.jurisdictionCode,
        },
      });
      return row!.id;
    });
    return (await findUserView(db, id))!;
  } catch (error) {
    if (isUniqueViolation(error, 'users_username_idx')) throw duplicateUsername();
    throw error;
  }
}
