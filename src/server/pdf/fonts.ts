/**
 * The CJK font embedded in generated PDFs: Noto Sans (Simplified Chinese) from an npm package, subset per document
 * to the characters it uses so a one-page certificate stays small (see subset-font.ts for why HarfBuzz does it).
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { subsetFont } from './subset-font';

const require = createRequire(import.meta.url);
let regular: Promise<Uint8Array> | undefined;
let bold: Promise<Uint8Array> | undefined;

// The package exports only its JS entry; the font files sit beside it in the installed package folder.
const fontDir = path.join(path.dirname(require.resolve('@embedpdf/fonts-sc')), '..', 'fonts');
const load = (file: string) => readFile(path.join(fontDir, file)).then((b) => new Uint8Array(b));

export const cjkRegular = () => (regular ??= load('NotoSansHans-Regular.otf'));
export const cjkBold = () => (bold ??= load('NotoSansHans-Bold.otf'));

/** The font reduced to the glyphs of `text` (plus ASCII), as an OpenType file to embed without further subsetting. */
export async function subsetFor(font: Uint8Array, text: string): Promise<Uint8Array> {
  const ascii = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)).join('');
  return subsetFont(font, ascii + text);
}
