/**
 * Reading generated PDFs back in tests: their text (pdf.js, legacy build for Node) and the QR codes of their images
 * (the image streams pdf-lib wrote, inflated and decoded with jsQR), and pictures of their pages as test artefacts.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
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

/** Where tests keep pictures of the documents they generated. */
export const DOCUMENT_ARTIFACTS = fileURLToPath(new URL('../../test-artifacts/documents', import.meta.url));

interface RenderCanvas {
  toBuffer(type: 'image/png'): Buffer;
}

/**
 * Renders each page to test-artifacts/documents/<name>[-<page>].png with pdf.js (its Node canvas), so a reviewer can
 * look at the documents; returns the files written.
 */
export async function savePdfPictures(bytes: Uint8Array | Buffer, name: string, scale = 1.5): Promise<string[]> {
  mkdirSync(DOCUMENT_ARTIFACTS, { recursive: true });
  const doc = await getDocument({ data: new Uint8Array(bytes), disableFontFace: true, useSystemFonts: false }).promise;
  const files: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const viewport = page.getViewport({ scale });
    // pdf.js's own canvas factory: in Node it draws on @napi-rs/canvas, which pdfjs-dist installs with itself.
    const factory = doc.canvasFactory as {
      create(w: number, h: number): { canvas: RenderCanvas & HTMLCanvasElement; context: CanvasRenderingContext2D };
    };
    const { canvas, context } = factory.create(viewport.width, viewport.height);
    await page.render({ canvas, canvasContext: context, viewport }).promise;
    const file = path.join(DOCUMENT_ARTIFACTS, doc.numPages > 1 ? `${name}-${i}.png` : `${name}.png`);
    writeFileSync(file, canvas.toBuffer('image/png'));
    files.push(file);
  }
  await doc.destroy();
  return files;
}
