/** Checks of an event's parts before it is written: venues inside the owner's area, speakers, cited files. */
import { and, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { TrainingSessionInputSchema, TrainingVenueInputSchema } from '../../../shared/schemas/trainings';
import type { Actor } from '../../context';
import type { Executor } from '../../db/client';
import { experts, jurisdictions, trainingMaterials } from '../../db/schema';
import { AppError, type FieldError } from '../../errors';
import { filesAt, requireCitable, uploadHolder } from '../attachments/attachment-holders';
import { registryVisible } from '../experts/expert-queries';

type VenueInput = z.infer<typeof TrainingVenueInputSchema>;
type SessionInput = z.infer<typeof TrainingSessionInputSchema>;

const invalid = (fields: FieldError[]) => new AppError('validation_failed', fields[0]!.message, { fields });

/** One main venue; every host bureau is the owner or a bureau below it (the city's counties). */
export async function checkVenues(db: Executor, ownerPath: string, venues: readonly VenueInput[]) {
  const fields: FieldError[] = [];
  const mains = venues.filter((v) => v.role === 'main').length;
  if (mains !== 1) fields.push({ path: 'venues', message: '应设且只设一个主会场' });
  const codes = [...new Set(venues.map((v) => v.hostJurisdictionCode))];
  const rows = await db
    .select({ code: jurisdictions.code, path: jurisdictions.path })
    .from(jurisdictions)
    .where(inArray(jurisdictions.code, codes));
  const paths = new Map(rows.map((r) => [r.code, r.path]));
  venues.forEach((v, i) => {
    const path = paths.get(v.hostJurisdictionCode);
    if (!path?.startsWith(ownerPath)) {
      fields.push({ path: `venues.${i}.hostJurisdictionCode`, message: '承办单位须为主办单位或其下级监管部门' });
    }
  });
  if (fields.length > 0) throw invalid(fields);
}

/**
 * Each session names a speaker: an active person of a register the organiser sees (its own, above or below — the same
 * rule as the register's list), or an outside speaker by name.
 */
export async function checkSessions(db: Executor, actor: Actor, sessions: readonly SessionInput[]) {
  const fields: FieldError[] = [];
  const ids = [...new Set(sessions.flatMap((s) => (s.speakerExpertId ? [s.speakerExpertId] : [])))];
  const found =
    ids.length === 0
      ? []
      : await db
          .select({ id: experts.id, path: jurisdictions.path })
          .from(experts)
          .innerJoin(jurisdictions, eq(jurisdictions.code, experts.jurisdictionCode))
          .where(and(inArray(experts.id, ids), eq(experts.active, true)));
  const known = new Set(found.filter((r) => registryVisible(actor, r.path)).map((r) => r.id));
  sessions.forEach((s, i) => {
    if (s.speakerExpertId && !known.has(s.speakerExpertId)) {
      fields.push({ path: `sessions.${i}.speakerExpertId`, message: '主讲人不在人才库中或已停用' });
    } else if (!s.speakerExpertId && !s.speakerName) {
      fields.push({ path: `sessions.${i}.speakerName`, message: '请从人才库选择主讲人或填写主讲人姓名' });
    }
  });
  if (fields.length > 0) throw invalid(fields);
}

/** Materials: files the officer uploaded, or files the event already hands out. */
export async function checkMaterials(
  db: Executor,
  actor: Actor,
  materials: readonly { sha256: string }[] | undefined,
  eventId?: string,
) {
  if (!materials || materials.length === 0) return;
  const onRecord = eventId
    ? await db
        .select({ sha256: trainingMaterials.sha256 })
        .from(trainingMaterials)
        .where(eq(trainingMaterials.eventId, eventId))
    : [];
  await requireCitable(db, filesAt(materials, 'materials'), {
    holder: uploadHolder(actor),
    onRecord: filesAt(onRecord, 'materials'),
  });
}

/** Materials named once each (the same file twice is one material). */
export function distinctMaterials<T extends { sha256: string }>(materials: readonly T[]): T[] {
  return [...new Map(materials.map((m) => [m.sha256, m])).values()];
}
