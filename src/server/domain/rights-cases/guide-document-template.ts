/**
 * A document template of the case-handling guide as an Excel file: the document's title, the issuing bureau and one
 * row per field with room to fill it in, ready to print. Built from the guide version, so the template and the guide
 * never differ.
 */
import ExcelJS from 'exceljs';
import { guideDocuments } from '../../../core/case-guides/schema';
import { GuideFieldType } from '../../../shared/enums-rights-cases';
import type { RequestContext } from '../../context';
import type { Executor } from '../../db/client';
import { notFound, unauthenticated } from '../../errors';
import { findGuide } from './guide-queries';

export async function guideDocumentTemplate(db: Executor, ctx: RequestContext, guideId: string, documentKey: string) {
  if (!ctx.actor) throw unauthenticated();
  if (ctx.actor.role !== 'officer' && ctx.actor.role !== 'admin') throw notFound('办案指南');
  const guide = await findGuide(db, guideId);
  const entry = guide && guideDocuments(guide.definition).find((d) => d.document.key === documentKey);
  if (!guide || !entry) throw notFound('文书模板');
  const { step, document } = entry;
  const workbook = new ExcelJS.Workbook();
  workbook.creator = guide.definition.issuer;
  const sheet = workbook.addWorksheet(document.title.slice(0, 31), {
    pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  sheet.columns = [{ width: 22 }, { width: 62 }];
  const border: Partial<ExcelJS.Borders> = {
    top: { style: 'thin' },
    left: { style: 'thin' },
    bottom: { style: 'thin' },
    right: { style: 'thin' },
  };
  sheet.mergeCells('A1:B1');
  sheet.getCell('A1').value = guide.definition.issuer;
  sheet.getCell('A1').alignment = { horizontal: 'center' };
  sheet.getCell('A1').font = { size: 12 };
  sheet.mergeCells('A2:B2');
  sheet.getCell('A2').value = document.title;
  sheet.getCell('A2').alignment = { horizontal: 'center', vertical: 'middle' };
  sheet.getCell('A2').font = { size: 18, bold: true };
  sheet.getRow(2).height = 32;
  sheet.mergeCells('A3:B3');
  sheet.getCell('A3').value = `办案环节：${step.name}　　案件编号：＿＿＿＿＿＿＿＿`;
  for (const field of document.fields) {
    const row = sheet.addRow([
      field.label,
      field.type === 'date' ? '    年    月    日' : field.type === 'amount' ? '        元' : '',
    ]);
    row.height = field.type === 'textarea' ? 90 : 26;
    row.getCell(1).font = { bold: true };
    row.eachCell((cell) => {
      cell.border = border;
      cell.alignment = { vertical: 'middle', wrapText: true };
    });
    if (field.help) row.getCell(2).note = field.help;
  }
  sheet.addRow([]);
  const basis = sheet.addRow([`依据：${guide.definition.title}（第 ${guide.version} 版）`]);
  sheet.mergeCells(`A${basis.number}:B${basis.number}`);
  basis.getCell(1).font = { size: 9, color: { argb: 'FF595959' } };
  const legend = sheet.addRow([
    `栏目类型：${document.fields.map((f) => `${f.label}（${GuideFieldType.labels[f.type]}）`).join('、')}`,
  ]);
  sheet.mergeCells(`A${legend.number}:B${legend.number}`);
  legend.getCell(1).font = { size: 9, color: { argb: 'FF595959' } };
  legend.getCell(1).alignment = { wrapText: true };
  legend.height = 30;
  const content = Buffer.from(await workbook.xlsx.writeBuffer());
  return { fileName: `${document.title}.xlsx`, content };
}
