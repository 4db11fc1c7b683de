/**
 * An officer (or an administrator) enters an expert in a registry of its jurisdiction or below, optionally linked to
 * a login with the role expert (one expert per login).
 */

import { isCityOrAbove } from '../../../shared/enums';
import type { ExpertInput } from '../../../shared/schemas/acceptance';
import { recordAudit } from '../../audit';
import type { RequestContext } from '../../context';
import { type Db, isUniqueViolation } from '../../db/client';
import { experts } from '../../db/schema';
import { forbidden, unauthenticated } from '../../errors';
import { requireJurisdiction } from '../units/unit-references';
import { checkExpertUser, duplicateExpertUser } from './expert-bindings';
import {
  allFields,
  checkLocalIndustries,
  expertView,
  findExpert,
  registryManageable,
  requireRegistryReader,
} from './expert-queries';

export async function createExpert(db: Db, ctx: RequestContext, input: ExpertInput) {
  const actor = ctx.actor;
  if (!actor) throw unauthenticated();
  requireRegistryReader(actor);
  const jurisdiction = await requireJurisdiction(db, input.jurisdictionCode);
  if (!registryManageable(actor, jurisdiction.path)) throw forbidden('只能在本辖区或下级辖区的专家库中登记专家');
  if (input.userId) await checkExpertUser(db, input.userId);
  checkLocalIndustries(input.localIndustries, jurisdiction.path);
  const person = {
    roles: input.roles,
    profession: input.profession ?? null,
    fields: allFields(input.field, input.fields),
    localIndustries: input.localIndustries,
    level: input.level ?? (isCityOrAbove(jurisdiction.level) ? ('city' as const) : ('district' as const)),
    availability: input.availability,
    availabilityNote: input.availabilityNote ?? null,
  };
  try {
    const id = await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(experts)
        .values({
          name: input.name,
          affiliation: input.affiliation,
          field: input.field,
          industries: input.industries,
          phone: input.phone ?? null,
          email: input.email ?? null,
          background: input.background ?? null,
          jurisdictionCode: input.jurisdictionCode,
          userId: input.userId ?? null,
          ...person,
        })
        .returning({ id: experts.id });
      await recordAudit(tx, ctx, {
        action: 'expert.create',
        entityType: 'expert',
        entityId: row!.id,
        jurisdictionPath: jurisdiction.path,
        after: {
          name: input.name,
          affiliation: input.affiliation,
          field: input.field,
          industries: input.industries,
          jurisdictionCode: input.jurisdictionCode,
          userId: input.userId ?? null,
          ...person,
        },
      });
      return row!.id;
    });
    return expertView((await findExpert(db, id))!, true);
  } catch (error) {
    if (isUniqueViolation(error, 'experts_user_idx')) throw duplicateExpertUser();
    throw error;
  }
}
