import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseProgrammeYaml } from './load';
import { applicationStage, formForKind, kindSummaries, kindsOpenTo, rubricForKind } from './queries';

const file = fileURLToPath(new URL('../../../programs/shijingshan-2023.yaml', import.meta.url));
const parsed = parseProgrammeYaml(readFileSync(file, 'utf8'));
if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
const programme = parsed.programme;

describe('programme queries', () => {
  it('finds the rubric, form and deadline of a kind', () => {
    expect(rubricForKind(programme, 'zone')?.title).toBe('石景山区商业秘密保护示范区建设参考标准');
    expect(formForKind(programme, 'point')?.title).toBe('北京市商业秘密保护示范基地（示范点）申报表');
    expect(rubricForKind(programme, 'station')).toBeUndefined();
    expect(applicationStage(programme)?.schedule.closes).toBe('2023-05-31');
  });

  it('lists the kinds open to a unit', () => {
    expect(kindsOpenTo(programme, 'park').map((k) => k.id)).toEqual(['zone']);
    expect(kindsOpenTo(programme, 'institution').map((k) => k.id)).toEqual(['point']);
    expect(kindsOpenTo(programme, 'association')).toEqual([]);
  });

  it('summarises each kind with its maximum, caps and pass mark', () => {
    expect(kindSummaries(programme).map((k) => [k.id, k.rubric])).toEqual([
      ['point', expect.objectContaining({ maxTotal: 100, bonusMax: 10, passMark: 80 })],
      ['zone', expect.objectContaining({ maxTotal: 100, bonusMax: 10, passMark: 80 })],
    ]);
  });
});
