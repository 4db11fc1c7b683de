import { randomInt } from 'node:crypto';
import type { SelfRegistration } from '../../../shared/schemas/user';
import { recordAudit } from '../../audit';
import { hashPassword } from '../../auth/passwords';
import type { RequestContext } from '../../context';
import { type Executor, isUniqueViolation } from '../../db/client';
import { users } from '../../db/schema';
import { createUnit } from '../units/create-unit';

/** No look-alikes (0/o, 1/l/i): the assigned name is read off the screen and typed. */
const SUFFIX_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
export const LOGIN_NAME_SUFFIX_LENGTH = 4;

/** The login name the platform assigns: the chosen name, a hyphen and four random characters. */
export function assignLoginName(chosen: string): string {
  let suffix = '';
  for (let i = 0; i < LOGIN_NAME_SUFFIX_LENGTH; i++) suffix += SUFFIX_ALPHABET[randomInt(SUFFIX_ALPHABET.length)];
  return `${chosen}-${suffix}`;
}

/**
 * Public self-registration of an applicant unit and its first account. Both are created in one transaction: a
 * refused account leaves no orphan unit behind.
 *
 * The login name is always the chosen name plus a random suffix, shown in the answer: whether the chosen name (or
 * any name) is already taken never changes the answer, so registration cannot be used to find out which accounts
 * exist — not even by registering a name and trying to log in with it (see docs/ARCHITECTURE.md).
 */
export async function registerApplicant(db: Executor, ctx: RequestContext, input: SelfRegistration) {
  const passwordHash = await hashPassword(input.password);
  for (let attempt = 0; ; attempt++) {
    const username = assignLoginName(input.username);
    try {
      return await db.transaction(async (tx) => {
        const { unit, warnings } = await createUnit(tx, ctx, input.unit, { authorised: true });
        const [user] = await tx
          .insert(users)
          .values({
            username,
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
          after: { username, unit: unit.name },
        });
        return { userId: user!.id, username, unit, warnings };
      });
    } catch (error) {
      // 31^4 suffixes per name: a collision is rare, and a new draw resolves it.
      if (isUniqueViolation(error, 'users_username_idx') && attempt < 5) continue;
      throw error;
    }
  }
}
