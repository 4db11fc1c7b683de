/**
 * The evidence certificate (存证证书): one A4 page in Chinese that names the unit, the firm's label, the digest, the
 * TSA time in Beijing time, and where in the log the entry sits, with a QR code to the public verification page.
 */
import fontkit from '@pdf-lib/fontkit';
import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';
import { PDFDocument, type PDFFont, type PDFPage, rgb } from 'pdf-lib';
import QRCode from 'qrcode';
import { cjkBold, cjkRegular, subsetFor } from './fonts';

dayjs.extend(utc);
dayjs.extend(timezone);

export interface EvidenceCertificateData {
  certificateNo: string;
  unitName: string;
  creditCode: string;
  label: string;
  algorithm: string;
  digest: string;
  timestampTime: Date;
  origin: string;
  leafIndex: number;
  treeSize: number;
  rootHash: string;
  /** The checkpoint signature key: `name+keyid`. */
  keyId: string;
  verifyUrl: string;
}

const STATEMENT =
  '兹证明：上述单位于所载可信时间之前已持有摘要为上述值的电子文件。本平台仅接收文件摘要，原文件未上传。' +
  '该摘要已写入只可追加的默克尔树日志（RFC 6962），其检查点经 Ed25519 签名并附 RFC 3161 可信时间戳，' +
  '任何人均可凭原文件与离线验证包独立核验。';
const LABELS =
  '商业秘密电子存证证书证书编号：存证单位统一社会信用代码存证名称摘要算法文件摘要可信时间（北京时间）年月日日志标识序号检查点树大小根哈希签名密钥扫码验证地址商秘·保护示范基地管理平台';
const STATIC_TEXT = STATEMENT + LABELS;

const ALGORITHM_LABEL: Record<string, string> = { sha256: 'SHA-256', sm3: 'SM3' };

/** Splits text into lines no wider than `width` at `size`, breaking anywhere (digests and CJK have no spaces). */
function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const ch of text) {
    if (font.widthOfTextAtSize(line + ch, size) > width && line) {
      lines.push(line);
      line = ch;
    } else line += ch;
  }
  if (line) lines.push(line);
  return lines;
}

export async function renderEvidenceCertificate(data: EvidenceCertificateData): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  doc.setTitle(`存证证书 ${data.certificateNo}`);
  doc.setCreator('商秘 Shangmi');
  const allText = JSON.stringify(data) + STATIC_TEXT;
  const font = await doc.embedFont(await subsetFor(await cjkRegular(), allText));
  const bold = await doc.embedFont(await subsetFor(await cjkBold(), allText));
  const page: PDFPage = doc.addPage([595.28, 841.89]);
  const { width, height } = page.getSize();
  const ink = rgb(0.12, 0.12, 0.14);
  const accent = rgb(0.62, 0.09, 0.09);

  page.drawRectangle({ x: 28, y: 28, width: width - 56, height: height - 56, borderColor: accent, borderWidth: 2 });
  page.drawRectangle({ x: 34, y: 34, width: width - 68, height: height - 68, borderColor: accent, borderWidth: 0.6 });
  const title = '商业秘密电子存证证书';
  page.drawText(title, {
    x: (width - bold.widthOfTextAtSize(title, 26)) / 2,
    y: height - 110,
    size: 26,
    font: bold,
    color: accent,
  });
  const no = `证书编号：${data.certificateNo}`;
  page.drawText(no, { x: (width - font.widthOfTextAtSize(no, 11)) / 2, y: height - 138, size: 11, font, color: ink });

  const beijing = dayjs(data.timestampTime).tz('Asia/Shanghai').format('YYYY年MM月DD日 HH:mm:ss');
  const rows: [string, string][] = [
    ['存证单位', data.unitName],
    ['统一社会信用代码', data.creditCode],
    ['存证名称', data.label],
    ['摘要算法', ALGORITHM_LABEL[data.algorithm] ?? data.algorithm],
    ['文件摘要', data.digest],
    ['可信时间（北京时间）', beijing],
    ['日志标识', data.origin],
    ['日志序号', String(data.leafIndex)],
    ['检查点树大小', String(data.treeSize)],
    ['检查点根哈希', data.rootHash],
    ['检查点签名密钥', data.keyId],
  ];
  const labelX = 70;
  const valueX = 200;
  const valueWidth = width - valueX - 70;
  let y = height - 190;
  for (const [label, value] of rows) {
    page.drawText(label, { x: labelX, y, size: 11, font: bold, color: ink });
    for (const line of wrap(value, font, 11, valueWidth)) {
      page.drawText(line, { x: valueX, y, size: 11, font, color: ink });
      y -= 17;
    }
    y -= 9;
  }

  const statement = STATEMENT;
  y -= 6;
  for (const line of wrap(statement, font, 10.5, width - 140)) {
    page.drawText(line, { x: labelX, y, size: 10.5, font, color: ink });
    y -= 16;
  }

  const qr = await QRCode.toBuffer(data.verifyUrl, { margin: 1, width: 300, errorCorrectionLevel: 'M' });
  const qrImage = await doc.embedPng(qr);
  const qrSize = 110;
  page.drawImage(qrImage, { x: width - 70 - qrSize, y: 70, width: qrSize, height: qrSize });
  page.drawText('扫码验证', { x: width - 70 - qrSize + 30, y: 56, size: 10, font, color: ink });
  for (const [i, line] of wrap(`验证地址：${data.verifyUrl}`, font, 9, width - 140 - qrSize - 20).entries()) {
    page.drawText(line, { x: labelX, y: 120 - i * 13, size: 9, font, color: ink });
  }
  page.drawText('商秘 · 商业秘密保护示范基地管理平台', { x: labelX, y: 70, size: 10, font: bold, color: accent });
  return doc.save();
}
