/**
 * The plaque of a demonstration base (牌匾), 60 × 40 cm landscape — the usual size of a bureau's plaque — drawn as
 * vectors so it prints sharp at full size: the programme title of the kind large in the middle (普陀区商业秘密保护
 * 示范点), the certifying bureau and year below, the unit above (or the bureau's own plaque text, when it gave one), and a QR code with the certificate number so that
 * anyone can check the plaque on the wall against the public registry.
 */
import { rgb } from 'pdf-lib';
import type { BaseDocumentData } from './base-certificate';
import { cm, createPdf, drawCentered, drawFrame, drawQr } from './layout';

const GOLD = rgb(0.93, 0.8, 0.45);
const RED = rgb(0.66, 0.07, 0.07);

export async function renderBasePlaque(data: BaseDocumentData): Promise<Uint8Array> {
  const awarded = `${data.issuer}　${data.year}年度授予`;
  const number = `证书编号：${data.certificateNo}`;
  const scan = '扫码查验';
  const pdf = await createPdf(
    `牌匾 ${data.certificateNo}`,
    [data.unitName, data.designation, data.customPlaqueText ?? '', awarded, number, scan].join(''),
  );
  const { font, bold } = pdf;
  const width = cm(60);
  const height = cm(40);
  const page = pdf.doc.addPage([width, height]);

  page.drawRectangle({ x: 0, y: 0, width, height, color: RED });
  drawFrame(page, cm(1.5), 6, GOLD);
  drawFrame(page, cm(2.1), 1.5, GOLD);

  const inner = width - cm(10);
  const sizeFor = (text: string, max: number) => Math.min(max, (inner / Math.max(text.length, 1)) * 0.95);
  if (data.customPlaqueText) {
    // The bureau's own wording (given at certification) replaces the unit and title lines.
    const text = data.customPlaqueText;
    drawCentered(page, text, height / 2 - cm(0.5), { size: sizeFor(text, cm(3.6)), font: bold, color: GOLD });
  } else {
    drawCentered(page, data.unitName, height - cm(10), {
      size: sizeFor(data.unitName, cm(2)),
      font: bold,
      color: GOLD,
    });
    const title = data.designation;
    drawCentered(page, title, height / 2 - cm(1.5), { size: sizeFor(title, cm(4.2)), font: bold, color: GOLD });
  }
  drawCentered(page, awarded, cm(8.5), { size: cm(1.4), font: bold, color: GOLD });

  // The QR code on a white ground so phones read it against the red plate.
  const qrSize = cm(5);
  const qrX = width - cm(3) - qrSize;
  const qrY = cm(3.2);
  page.drawRectangle({
    x: qrX - cm(0.3),
    y: qrY - cm(0.3),
    width: qrSize + cm(0.6),
    height: qrSize + cm(0.6),
    color: rgb(1, 1, 1),
  });
  await drawQr(pdf, page, data.registryUrl, qrX, qrY, qrSize);
  drawCentered(page, scan, qrY + qrSize + cm(0.8), { size: cm(0.7), font, color: GOLD }, qrX + qrSize / 2);
  page.drawText(number, { x: cm(3.2), y: cm(3.4), size: cm(0.7), font, color: GOLD });
  return pdf.doc.save();
}
