import type { RequestContext } from '../../context';
import type { Executor } from '../../db/client';
import { notFound } from '../../errors';
import { importProgramme } from './import-programme';
import { findProgramme } from './programme-queries';

/** Editing a published programme: copy any version into a new draft version of the same code. */
export async function cloneProgramme(db: Executor, ctx: RequestContext, id: string) {
  const found = await findProgramme(db, id);
  if (!found) throw notFound('工作方案');
  return importProgramme(db, ctx, found.programme.definition);
}
