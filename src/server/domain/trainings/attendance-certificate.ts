import type { RequestContext } from '../../context';
import type { Executor } from '../../db/client';
import { AppError } from '../../errors';
import { renderTrainingCertificate } from '../../pdf/training-certificate';
import { readableRegistration } from './training-access';
import { loadTrainingDetail } from './training-queries';

/** The attendance certificate of a checked-in registration, for the unit, the host and the managers. */
export async function attendanceCertificate(db: Executor, ctx: RequestContext, id: string) {
  const found = await readableRegistration(db, ctx, id);
  const r = found.registration;
  if (!r.checkedInAt || r.cancelledAt) throw new AppError('conflict', '签到后才能出具参训证明');
  const detail = (await loadTrainingDetail(db, r.eventId))!;
  const e = detail.event;
  const certificateNo = `PX${e.startsOn.replaceAll('-', '')}-${r.id.slice(0, 8).toUpperCase()}`;
  const pdf = await renderTrainingCertificate({
    certificateNo,
    attendeeName: r.attendeeName,
    unitName: r.unitName,
    eventTitle: e.title,
    kind: e.kind,
    startsOn: e.startsOn,
    endsOn: e.endsOn,
    venueName: found.venueName,
    issuer: `${detail.ownerName}市场监督管理局`,
    sessions: detail.sessions.map((s) => ({ title: s.title, speakerName: s.speakerName })),
  });
  return { pdf, fileName: `参训证明-${r.attendeeName}-${certificateNo}.pdf` };
}
