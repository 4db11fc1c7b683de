/**
 * The attendance certificate (参训证明) of one checked-in attendee: who, from which unit, attended which event, where
 * and when, issued in the owner bureau's name. Data from the registration the check-in page shows.
 */
import { chineseDate } from '../../core/applications/guards';
import { TrainingKind } from '../../shared/enums-trainings';
import { A4, blocksPdf } from './layout';

export interface TrainingCertificateData {
  certificateNo: string;
  attendeeName: string;
  unitName: string;
  eventTitle: string;
  kind: keyof typeof TrainingKind.labels;
  startsOn: string;
  endsOn: string;
  venueName: string;
  issuer: string;
  sessions: { title: string; speakerName: string | null }[];
}

export async function renderTrainingCertificate(d: TrainingCertificateData): Promise<Uint8Array> {
  const dates =
    d.startsOn === d.endsOn ? chineseDate(d.startsOn) : `${chineseDate(d.startsOn)}至${chineseDate(d.endsOn)}`;
  return blocksPdf(
    `参训证明 ${d.certificateNo}`,
    [
      { type: 'text', text: '参 训 证 明', size: 26, bold: true, align: 'center', after: 8 },
      { type: 'text', text: `编号：${d.certificateNo}`, size: 10, align: 'right', after: 18 },
      {
        type: 'text',
        text: `　　兹证明${d.unitName}${d.attendeeName}同志于${dates}参加了${d.issuer}主办的${TrainingKind.labels[d.kind]}“${d.eventTitle}”（${d.venueName}），已完成签到。`,
        size: 14,
        after: 16,
      },
      ...(d.sessions.length > 0
        ? [
            {
              type: 'table' as const,
              columns: [0.65, 0.35],
              header: [
                { text: '课程', bold: true },
                { text: '主讲人', bold: true },
              ],
              rows: d.sessions.map((s) => [s.title, s.speakerName ?? '']),
              size: 11,
              after: 24,
            },
          ]
        : []),
      { type: 'text', text: '　　特此证明。', size: 14, after: 40 },
      { type: 'text', text: d.issuer, size: 14, align: 'right', after: 6 },
      { type: 'text', text: chineseDate(d.endsOn), size: 14, align: 'right' },
    ],
    A4,
  );
}
