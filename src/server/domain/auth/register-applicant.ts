import type { SelfRegistration } from '../../../shared/schemas/user';
import { recordAudit } from '../../audit';
import { hashPassword } from '../../auth/passwords';
import type { RequestContext } from '../../context';
import { type Executor, isUniqueViolation } from '../../db/client';
import { users } from '../../db/schema';
import { createUnit } from '../units/create-unit';
import { duplicateUsername } from '../users/user-bindings';

/**
 * Public self-registration of an applicant unit and its first account. Both are created in one transaction: a
 * refused account leaves no orphan unit behind.
 */
export async function registerApplicant(db: Executor, ctx: RequestContext, input: SelfRegistration) {
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.transaction(async (tx) => {
      const { unit, warnings } = await createUnit(tx, ctx, input.unit, { authorised: true });
      const [user] = await tx
        .insert(users)
        .values({
          username: input.username,
          displayName: input.displayName,
          phone: input.phone,
          role: 'applicant',
          unitId: unit.id,
          passwordHash,
        })
        .returning({ id: users.id });
      await recordAudit(tx, ctx, {
        action: 'auth.register',
        entityType: 'user',
        entityId: user!.id,
        unitId: unit.id,
        jurisdictionPath: unit.jurisdictionPath,
        after: { username: input.username, unit: unit.name },
      });
      return { userId: user!.id, unit, warnings };
    });
  } catch (error) {
    if (isUniqueViolation(error, 'users_username_idx')) throw duplicateUsername();
    throw error;
  }
}
