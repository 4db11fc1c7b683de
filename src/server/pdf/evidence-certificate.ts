/**
 * The evidence certificate (存证证书): one A4 page in Chinese that names the unit, the firm's label, the digest, the
 * TSA time in Beijing time, and where in the log the entry sits, with a QR code to the public verification page.
 */
import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';
import type { PDFPage } from 'pdf-lib';
import { A4, ACCENT, createPdf, drawCentered, drawQr, INK, wrap } from './layout';

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

export async function renderEvidenceCertificate(data: EvidenceCertificateData): Promise<Uint8Array> {
  const pdf = await createPdf(`存证证书 ${data.certificateNo}`, JSON.stringify(data) + STATIC_TEXT);
  const { doc, font, bold } = pdf;
  const page: PDFPage = doc.addPage(A4);
  const { width, height } = page.getSize();
  const ink = INK;
  const accent = ACCENT;

  page.drawRectangle({ x: 28, y: 28, width: width - 56, height: height - 56, borderColor: accent, borderWidth: 2 });
  page.drawRectangle({ x: 34, y: 34, width: width - 68, height: height - 68, borderColor: accent, borderWidth: 0.6 });
  drawCentered(page, '商业秘密电子存证证书', height - 110, { size: 26, font: bold, color: accent });
  drawCentered(page, `证书编号：${data.certificateNo}`, height - 138, { size: 11, font });

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

  const qrSize = 110;
  await drawQr(pdf, page, data.verifyUrl, width - 70 - qrSize, 70, qrSize);
  page.drawText('扫码验证', { x: width - 70 - qrSize + 30, y: 56, size: 10, font, color: ink });
  for (const [i, line] of wrap(`验证地址：${data.verifyUrl}`, font, 9, width - 140 - qrSize - 20).entries()) {
    page.drawText(line, { x: labelX, y: 120 - i * 13, size: 9, font, color: ink });
  }
  page.drawText('商秘 · 商业秘密保护示范基地管理平台', { x: labelX, y: 70, size: 10, font: bold, color: accent });
  return doc.save();
}
