/**
 * The publicity notice as a PDF, fed by the notice the public page reads (getNotice: public from its first day,
 * before that only to its managers; 404 otherwise).
 */
import type { Actor } from '../../context';
import type { Executor } from '../../db/client';
import { publicUrl } from '../../pdf/layout';
import type { PublicityNoticeData } from '../../pdf/publicity-notice';
import { getNotice } from '../publicity/get-notice';

export async function publicityNoticeData(
  db: Executor,
  actor: Actor | null,
  id: string,
  today: string,
  baseUrl: string,
): Promise<PublicityNoticeData> {
  const notice = await getNotice(db, actor, id, today);
  return {
    title: notice.title,
    body: notice.body,
    issuer: notice.issuer,
    startsOn: notice.startsOn,
    endsOn: notice.endsOn,
    workingDays: notice.workingDays,
    acceptsObjections: notice.acceptsObjections,
    noticeUrl: publicUrl(baseUrl, `/publicity/${notice.id}`),
    entries: notice.entries,
  };
}
