/** Test helper: the shipped programmes under programs/, loaded with the real loader (as seeds.test.ts does). */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseProgrammeYaml } from '../programs/load';
import type { Programme } from '../programs/schema';

const PROGRAMS_DIR = fileURLToPath(new URL('../../../programs/', import.meta.url));

export function loadSeedProgramme(file: string): Programme {
  const result = parseProgrammeYaml(readFileSync(`${PROGRAMS_DIR}${file}`, 'utf8'));
  if (!result.ok) throw new Error(`${file}: ${JSON.stringify(result.problems, null, 2)}`);
  return result.programme;
}

export const putuo = loadSeedProgramme('putuo-2022.yaml');
export const shijingshan = loadSeedProgramme('shijingshan-2023.yaml');
export const shaoxing = loadSeedProgramme('shaoxing-2021.yaml');
export const wuhan = loadSeedProgramme('wuhan-2022.yaml');
export const shanghai = loadSeedProgramme('shanghai-2022.yaml');
