import type { Actor } from '../../context';
import type { Executor } from '../../db/client';
import { notFound } from '../../errors';
import { findNotice, noticeEntries, noticeVisible, publicNotice } from './publicity-queries';

/** One notice as published (public from its first day). */
export async function getNotice(db: Executor, actor: Actor | null, id: string, today: string) {
  const found = await findNotice(db, id);
  if (!found || !noticeVisible(actor, found.notice, found.ownerPath, today)) throw notFound('公示');
  return publicNotice(found, await noticeEntries(db, [id]), today);
}
