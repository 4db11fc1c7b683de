/**
 * The certification list (认定名单), the annex of a certification decision: the bureau, the decision (document
 * number or meeting) and its date, and the bases it certified — certificate number, unit, programme title of the
 * kind, jurisdiction — with any later revocation noted, as the public registry lists them.
 */
import { chineseDate } from '../../core/applications/guards';
import { A4_LANDSCAPE, type Block, blocksPdf } from './layout';

export interface CertificationListData {
  issuer: string;
  programmeTitle: string;
  year: number;
  decisionNumber: string | null;
  decidedOn: string;
  bases: {
    certificateNo: string;
    unitName: string;
    designation: string;
    jurisdictionName: string;
    revokedOn: string | null;
  }[];
}

export function renderCertificationList(data: CertificationListData): Promise<Uint8Array> {
  const title = `${data.year}年度商业秘密保护示范基地认定名单`;
  const decision = data.decisionNumber
    ? `认定文号：${data.decisionNumber}　　认定日期：${chineseDate(data.decidedOn)}`
    : `认定方式：会议研究　　认定日期：${chineseDate(data.decidedOn)}`;
  const blocks: Block[] = [
    { type: 'text', text: '附件', size: 12 },
    { type: 'text', text: title, size: 18, bold: true, align: 'center', after: 6 },
    { type: 'text', text: `认定机关：${data.issuer}　　依据：${data.programmeTitle}`, size: 11, align: 'center' },
    { type: 'text', text: decision, size: 11, align: 'center', after: 10 },
    {
      type: 'table',
      columns: [0.06, 0.2, 0.3, 0.22, 0.1, 0.12],
      header: ['序号', '证书编号', '单位名称', '认定类别', '所在辖区', '状态'].map((text) => ({
        text,
        bold: true,
        align: 'center' as const,
      })),
      rows: data.bases.map((b, i) => [
        { text: String(i + 1), align: 'center' },
        b.certificateNo,
        b.unitName,
        b.designation,
        b.jurisdictionName,
        b.revokedOn ? `已于${chineseDate(b.revokedOn)}撤销认定` : '有效',
      ]),
    },
    { type: 'text', text: `共${data.bases.length}家。`, size: 11 },
  ];
  return blocksPdf(title, blocks, A4_LANDSCAPE);
}
