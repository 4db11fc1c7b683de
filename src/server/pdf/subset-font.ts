/**
 * Subsets an OpenType font to the characters a document uses, with HarfBuzz's subsetter (harfbuzzjs WASM).
 *
 * Why our own wrapper: pdf-lib's built-in subsetting (fontkit) writes CFF fonts PDF readers reject, and the
 * `subset-font` package renumbers glyphs, which breaks CID-keyed CFF fonts such as Noto Sans CJK in a PDF (pdf-lib
 * addresses glyphs by id). HarfBuzz's RETAIN_GIDS flag keeps every glyph id, emptying the unused ones, so the
 * subset embeds correctly and stays small.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

const HB_MEMORY_MODE_WRITABLE = 2;
const HB_SUBSET_FLAGS_RETAIN_GIDS = 0x2;

interface HarfBuzzSubset {
  memory: WebAssembly.Memory;
  _initialize(): void;
  malloc(size: number): number;
  free(ptr: number): void;
  hb_blob_create(data: number, length: number, mode: number, userData: number, destroy: number): number;
  hb_blob_destroy(blob: number): void;
  hb_blob_get_data(blob: number, length: number): number;
  hb_blob_get_length(blob: number): number;
  hb_face_create(blob: number, index: number): number;
  hb_face_destroy(face: number): void;
  hb_face_reference_blob(face: number): number;
  hb_set_add(set: number, value: number): void;
  hb_subset_input_create_or_fail(): number;
  hb_subset_input_destroy(input: number): void;
  hb_subset_input_get_flags(input: number): number;
  hb_subset_input_set_flags(input: number, flags: number): void;
  hb_subset_input_unicode_set(input: number): number;
  hb_subset_or_fail(face: number, input: number): number;
}

let harfbuzz: Promise<HarfBuzzSubset> | undefined;

function loadHarfBuzz(): Promise<HarfBuzzSubset> {
  harfbuzz ??= (async () => {
    const wasm = await readFile(require.resolve('harfbuzzjs/dist/harfbuzz-subset.wasm'));
    const { instance } = await WebAssembly.instantiate(wasm);
    const exports = instance.exports as unknown as HarfBuzzSubset;
    exports._initialize();
    return exports;
  })();
  return harfbuzz;
}

/** The font reduced to the glyphs of `text`; glyph ids are kept. One call at a time (HarfBuzz's heap is shared). */
let queue: Promise<unknown> = Promise.resolve();
export function subsetFont(font: Uint8Array, text: string): Promise<Uint8Array> {
  const run = queue.then(() => subsetNow(font, text));
  queue = run.catch(() => undefined);
  return run;
}

/**
 * One HarfBuzz face per font file, kept for the life of the process: copying an 8 MB font into the WASM heap and
 * parsing its tables took as long as the subsetting itself, for every document. (Two fonts: bounded.)
 */
const faces = new WeakMap<Uint8Array, number>();

function faceOf(hb: HarfBuzzSubset, font: Uint8Array): number {
  let face = faces.get(font);
  if (face === undefined) {
    const fontPtr = hb.malloc(font.byteLength);
    new Uint8Array(hb.memory.buffer).set(font, fontPtr);
    // The blob is never freed: the face reads from it for as long as the process keeps the face.
    const blob = hb.hb_blob_create(fontPtr, font.byteLength, HB_MEMORY_MODE_WRITABLE, 0, 0);
    face = hb.hb_face_create(blob, 0);
    hb.hb_blob_destroy(blob);
    faces.set(font, face);
  }
  return face;
}

async function subsetNow(font: Uint8Array, text: string): Promise<Uint8Array> {
  const hb = await loadHarfBuzz();
  const face = faceOf(hb, font);
  const input = hb.hb_subset_input_create_or_fail();
  try {
    if (input === 0) throw new Error('harfbuzz could not create a subset input');
    hb.hb_subset_input_set_flags(input, hb.hb_subset_input_get_flags(input) | HB_SUBSET_FLAGS_RETAIN_GIDS);
    const unicodes = hb.hb_subset_input_unicode_set(input);
    for (const ch of new Set(text)) hb.hb_set_add(unicodes, ch.codePointAt(0)!);
    const subset = hb.hb_subset_or_fail(face, input);
    if (subset === 0) throw new Error('harfbuzz could not subset the font');
    const result = hb.hb_face_reference_blob(subset);
    const offset = hb.hb_blob_get_data(result, 0);
    const length = hb.hb_blob_get_length(result);
    const bytes = new Uint8Array(hb.memory.buffer).slice(offset, offset + length);
    hb.hb_blob_destroy(result);
    hb.hb_face_destroy(subset);
    if (length === 0) throw new Error('harfbuzz produced an empty font');
    return bytes;
  } finally {
    if (input !== 0) hb.hb_subset_input_destroy(input);
  }
}
