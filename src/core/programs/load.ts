/**
 * Programme files as text: YAML (or JSON, which is YAML) in, a validated programme or every problem out; and back
 * to YAML for export. Pure: the caller reads and writes the files.
 */
import { isMap, isSeq, LineCounter, parseDocument, stringify } from 'yaml';
import type { Problem } from '../rubric/problems';
import { type ParseProgrammeResult, type Programme, parseProgramme } from './schema';

const MAX_TEXT = 2_000_000;

/** Reads a YAML document whose top level is an object; syntax errors are reported with line and column. */
export function readYamlObject(text: string): { ok: true; value: unknown } | { ok: false; problems: Problem[] } {
  if (text.length > MAX_TEXT) return { ok: false, problems: [{ path: '', message: '文件过大（超过 2MB）' }] };
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const problems: Problem[] = doc.errors.map((e) => {
      const at = lineCounter.linePos(e.pos[0]);
      return { path: '', message: `YAML 语法错误（第 ${at.line} 行第 ${at.col} 列）：${e.message.split('\n')[0]}` };
    });
    return { ok: false, problems };
  }
  if (!isMap(doc.contents)) {
    return {
      ok: false,
      problems: [
        { path: '', message: isSeq(doc.contents) ? '文件顶层应为对象，而不是列表' : '文件为空或顶层不是对象' },
      ],
    };
  }
  return { ok: true, value: doc.toJS({ maxAliasCount: 100 }) };
}

/** Parses YAML text into a validated programme. */
export function parseProgrammeYaml(text: string): ParseProgrammeResult {
  const read = readYamlObject(text);
  return read.ok ? parseProgramme(read.value) : read;
}

/** Serialises a programme for export; the output parses back to an equal programme. */
export function stringifyProgrammeYaml(programme: Programme): string {
  return stringify(programme, { lineWidth: 0, defaultStringType: 'PLAIN', defaultKeyType: 'PLAIN' });
}
