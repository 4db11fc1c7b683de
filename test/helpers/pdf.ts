/**
 * Reading generated PDFs back in tests: their text (pdf.js, legacy build for Node) and the QR codes of their images
 * (the image streams pdf-lib wrote, inflated and decoded with jsQR).
 */
import { inflateSync } from 'node:zlib';
import jsQR from 'jsqr';
import { PDFDocument, PDFName, type PDFNumber, PDFRawStream } from 'pdf-lib';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** Every page's text, pages joined by a form feed; the pieces of a page concatenated in drawing order. */
export async function pdfText(bytes: Uint8Array | Buffer): Promise<{ pages: string[]; text: string; count: number }> {
  const doc = await getDocument({ data: new Uint8Array(bytes), disableFontFace: true, useSystemFonts: false }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(''));
  }
  await doc.destroy();
  return { pages, text: pages.join('\f'), count: pages.length };
}

/** The text of QR codes found in the PDF's images. */
export async function pdfQrCodes(bytes: Uint8Array | Buffer): Promise<string[]> {
  const doc = await PDFDocument.load(bytes);
  const found: string[] = [];
  for (const [, object] of doc.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFRawStream)) continue;
    const dict = object.dict;
    if (dict.get(PDFName.of('Subtype')) !== PDFName.of('Image')) continue;
    const width = (dict.get(PDFName.of('Width')) as PDFNumber).asNumber();
    const height = (dict.get(PDFName.of('Height')) as PDFNumber).asNumber();
    const colorSpace = dict.get(PDFName.of('ColorSpace'));
    const components = colorSpace === PDFName.of('DeviceGray') ? 1 : colorSpace === PDFName.of('DeviceRGB') ? 3 : 0;
    if (components === 0) continue; // soft masks and other colour spaces
    const raw = inflateSync(object.contents);
    const rgba = new Uint8ClampedArray(width * height * 4);
    for (let p = 0; p < width * height; p++) {
      for (let c = 0; c < 3; c++) rgba[p * 4 + c] = raw[p * components + (components === 1 ? 0 : c)]!;
      rgba[p * 4 + 3] = 255;
    }
    const code = jsQR(rgba, width, height);
    if (code) found.push(code.data);
  }
  return found;
}
