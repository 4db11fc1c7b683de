/**
 * The publicity notice (公示) as a bureau posts it: title, the text, the proposed bases in a numbered table (unit,
 * kind, jurisdiction), the period with its working days, how objections are taken, and the issuing bureau with the
 * date. The same notice the public publicity page shows.
 */
import { chineseDate } from '../../core/applications/guards';
import { type Block, blocksPdf } from './layout';

export interface PublicityNoticeData {
  title: string;
  body: string;
  issuer: string;
  startsOn: string;
  endsOn: string;
  workingDays: number;
  acceptsObjections: boolean;
  noticeUrl: string;
  entries: { unitName: string; kindName: string; jurisdictionName: string }[];
}

export function renderPublicityNotice(data: PublicityNoticeData): Promise<Uint8Array> {
  const blocks: Block[] = [
    { type: 'text', text: data.title, size: 18, bold: true, align: 'center', after: 14 },
    ...data.body.split(/\r?\n/).map((p) => ({ type: 'text' as const, text: `　　${p}`, size: 12 })),
    {
      type: 'text',
      text: `　　公示期：${chineseDate(data.startsOn)}至${chineseDate(data.endsOn)}（${data.workingDays}个工作日）。`,
      size: 12,
    },
    ...(data.acceptsObjections
      ? [
          {
            type: 'text' as const,
            text: `　　公示期间，对公示对象有异议的，可在公示页面（${data.noticeUrl}）实名提出并说明理由。`,
            size: 12,
          },
        ]
      : []),
    { type: 'space', height: 6 },
    { type: 'text', text: '公示名单', size: 13, bold: true, align: 'center' },
    {
      type: 'table',
      columns: [0.1, 0.42, 0.28, 0.2],
      header: ['序号', '单位名称', '类别', '所在辖区'].map((text) => ({ text, bold: true, align: 'center' as const })),
      rows: data.entries.map((e, i) => [
        { text: String(i + 1), align: 'center' },
        e.unitName,
        e.kindName,
        e.jurisdictionName,
      ]),
    },
    { type: 'space', height: 24 },
    { type: 'text', text: data.issuer, size: 12, align: 'right' },
    { type: 'text', text: chineseDate(data.startsOn), size: 12, align: 'right' },
  ];
  return blocksPdf(data.title, blocks);
}
