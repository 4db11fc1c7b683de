/**
 * Which programmes a unit may assess itself against and apply under. A bureau's programme is for the units of its
 * own jurisdiction (a Putuo enterprise applies under Putuo's or Shanghai's programme, not Shijingshan's), and a new
 * self-assessment uses the newest published version of a programme: the older version stays for whatever already
 * used it, but is closed to new starts.
 */
import { and, eq, gt, notExists, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Actor } from '../../context';
import type { Executor } from '../../db/client';
import { jurisdictions, programmes } from '../../db/schema';
import { AppError } from '../../errors';
import { findUnitWithPath } from '../units/unit-queries';

const newer = alias(programmes, 'newer_programme');

/** SQL condition on `programmes` joined with its owner's `jurisdictions` row: open to a unit at `unitPath`. */
export function openToUnitCondition(db: Executor, unitPath: string): SQL {
  return and(
    eq(programmes.status, 'published'),
    sql`${unitPath} LIKE ${jurisdictions.path} || '%'`,
    notExists(
      db
        .select({ id: newer.id })
        .from(newer)
        .where(
          and(eq(newer.code, programmes.code), eq(newer.status, 'published'), gt(newer.version, programmes.version)),
        ),
    ),
  ) as SQL;
}

const refused = (field: string, message: string, reason: string) =>
  new AppError('validation_failed', message, { fields: [{ path: field, message }], details: { reason } });

/**
 * The published programme `programmeId`, if a unit at `unitPath` may use it; otherwise a 400 on `field` saying why.
 * `newStart` (a new self-assessment) also requires the newest published version.
 */
export async function requireProgrammeOpenToUnit(
  db: Executor,
  programmeId: string,
  unitPath: string,
  options: { field: string; newStart: boolean },
) {
  const [row] = await db
    .select({ programme: programmes, ownerPath: jurisdictions.path, ownerName: jurisdictions.name })
    .from(programmes)
    .innerJoin(jurisdictions, eq(jurisdictions.code, programmes.ownerJurisdictionCode))
    .where(and(eq(programmes.id, programmeId), eq(programmes.status, 'published')));
  if (!row) throw refused(options.field, '工作方案不存在或尚未发布', 'programme_not_published');
  if (!unitPath.startsWith(row.ownerPath)) {
    throw refused(
      options.field,
      `本单位不在该工作方案的适用范围内（${row.ownerName}的工作方案仅面向其辖区内的单位）`,
      'outside_programme_jurisdiction',
    );
  }
  if (options.newStart) {
    const [latest] = await db
      .select({ version: newer.version })
      .from(newer)
      .where(
        and(
          eq(newer.code, row.programme.code),
          eq(newer.status, 'published'),
          gt(newer.version, row.programme.version),
        ),
      )
      .limit(1);
    if (latest) {
      throw refused(
        options.field,
        `该工作方案已发布新版本（第 ${latest.version} 版），请按新版本自评`,
        'programme_superseded',
      );
    }
  }
  return row.programme;
}

/** The jurisdiction path of the applicant's own unit, for `GET /programs?openToMyUnit=true`. */
export async function unitJurisdictionPath(db: Executor, actor: Actor): Promise<string> {
  const found = actor.unitId ? await findUnitWithPath(db, actor.unitId) : null;
  if (!found) throw refused('openToMyUnit', '只有申报单位账号可以按本单位筛选工作方案', 'not_an_applicant');
  return found.jurisdictionPath;
}
