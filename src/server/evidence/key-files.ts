/**
 * Keys live in files outside the database (a database dump must not carry the log's signing key). The first instance
 * to start creates them; instances starting at the same time race on an exclusive create and all read the winner's.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

export async function loadOrCreateKeyFile(
  dir: string,
  name: string,
  create: () => Promise<string> | string,
): Promise<string> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const file = path.join(dir, name);
  try {
    return (await readFile(file, 'utf8')).trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const content = (await create()).trim();
  try {
    await writeFile(file, `${content}\n`, { flag: 'wx', mode: 0o600 });
    return content;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return (await readFile(file, 'utf8')).trim();
  }
}
