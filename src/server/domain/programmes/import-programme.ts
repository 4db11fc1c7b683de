import { parseProgramme } from '../../../core/programs/schema';
import { recordAudit } from '../../audit';
import type { RequestContext } from '../../context';
import { type Executor, isUniqueViolation } from '../../db/client';
import { programmes } from '../../db/schema';
import { AppError } from '../../errors';
import { authoriseProgrammeOwner, requireValidProgramme } from './programme-guards';
import { findProgramme, latestVersion, programmeDetail } from './programme-queries';

/**
 * Imports a programme document as a new draft version of its code. Validation comes first and lists every problem;
 * nothing is written unless the whole document is valid.
 */
export async function importProgramme(
  db: Executor,
  ctx: RequestContext,
  input: unknown,
  options: { authorised?: boolean } = {},
) {
  const programme = requireValidProgramme(parseProgramme(input));
  const owner = options.authorised
    ? null
    : await authoriseProgrammeOwner(db, ctx, programme.ownerJurisdiction, programme);
  try {
    const id = await db.transaction(async (tx) => {
      const version = (await latestVersion(tx, programme.code)) + 1;
      const [row] = await tx
        .insert(programmes)
        .values({
          code: programme.code,
          version,
          ownerJurisdictionCode: programme.ownerJurisdiction,
          year: programme.year,
          title: programme.title,
          definition: programme,
          createdById: ctx.actor?.id ?? null,
        })
        .returning({ id: programmes.id });
      await recordAudit(tx, ctx, {
        action: 'programme.import',
        entityType: 'programme',
        entityId: row!.id,
        jurisdictionPath: owner?.path ?? null,
        after: { code: programme.code, version, title: programme.title },
      });
      return row!.id;
    });
    return programmeDetail((await findProgramme(db, id))!);
  } catch (error) {
    if (isUniqueViolation(error, 'programmes_code_version_idx'))
      throw new AppError('conflict', '同时有另一版本正在导入，请重试');
    throw error;
  }
}
