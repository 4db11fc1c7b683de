/**
 * The certificate of a demonstration base (认定证书): one A4 landscape page naming the unit, the programme title of
 * its kind (e.g. 普陀区商业秘密保护示范点), the certifying bureau, the decision (document number or meeting) and its
 * date, the certificate number, and a QR code to the base's public registry page, where anyone can see whether the
 * certification still stands.
 */
import type { PDFPage } from 'pdf-lib';
import { chineseDate } from '../../core/applications/guards';
import { A4_LANDSCAPE, ACCENT, createPdf, drawCentered, drawFrame, drawQr, drawRight, INK, wrap } from './layout';

export interface BaseDocumentData {
  certificateNo: string;
  unitName: string;
  /** The programme title of the kind, as printed: 普陀区商业秘密保护示范点. */
  designation: string;
  issuer: string;
  decisionForm: 'meeting' | 'document';
  decisionNumber: string | null;
  decidedOn: string;
  year: number;
  /** The plaque's wording when the bureau gave its own at certification; null: unit and title as designed. */
  customPlaqueText: string | null;
  registryUrl: string;
}

export async function renderBaseCertificate(data: BaseDocumentData): Promise<Uint8Array> {
  const decided = chineseDate(data.decidedOn);
  const salutation = `${data.unitName}：`;
  const sentence = `　　经审核，你单位被${data.issuer}认定为`;
  const closing = '　　特发此证。';
  const number = `证书编号：${data.certificateNo}`;
  const lines = [
    data.decisionNumber ? `认定文号：${data.decisionNumber}` : '认定方式：会议研究',
    `认定日期：${decided}`,
    '扫码查验：',
    data.registryUrl,
  ];
  const heading = '认 定 证 书';
  const printed = [heading, number, salutation, sentence, data.designation, closing, data.issuer, ...lines].join('');
  const pdf = await createPdf(`认定证书 ${data.certificateNo}`, printed);
  const { font, bold } = pdf;
  const page: PDFPage = pdf.doc.addPage(A4_LANDSCAPE);
  const { width, height } = page.getSize();

  drawFrame(page, 22, 3, ACCENT);
  drawFrame(page, 30, 0.8, ACCENT);
  drawCentered(page, heading, height - 110, { size: 40, font: bold, color: ACCENT });
  drawRight(page, number, width - 70, height - 62, { size: 11, font });

  page.drawText(salutation, { x: 90, y: height - 190, size: 20, font: bold, color: INK });
  let y = height - 232;
  for (const line of wrap(sentence, font, 17, width - 180)) {
    page.drawText(line, { x: 90, y, size: 17, font, color: INK });
    y -= 28;
  }
  y -= 22;
  const titleSize = Math.min(34, ((width - 180) / Math.max(data.designation.length, 1)) * 0.95);
  drawCentered(page, data.designation, y, { size: titleSize, font: bold, color: ACCENT });
  y -= 54;
  page.drawText(closing, { x: 90, y, size: 17, font, color: INK });

  drawCentered(page, data.issuer, 132, { size: 16, font: bold }, width - 210);
  drawCentered(page, decided, 106, { size: 14, font }, width - 210);

  const qrSize = 96;
  await drawQr(pdf, page, data.registryUrl, 70, 62, qrSize);
  const infoX = 70 + qrSize + 16;
  lines.forEach((line, i) => {
    page.drawText(line, { x: infoX, y: 140 - i * 17, size: 10, font, color: INK });
  });
  return pdf.doc.save();
}
