// @postgresql-only: the signing key folder against the stored key, no concurrency or raw SQL.
/**
 * Signing-key continuity (src/server/evidence/evidence-log.ts): an instance whose key folder is missing, or holds
 * another key, refuses to start once the database has checkpoints, naming the folder and the key expected; a new
 * database still makes its key.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateNoteKey } from '../src/core/evidence/note';
import { openEvidenceLog } from '../src/server/evidence/evidence-log';
import { buildTestApp, type TestApp } from './helpers/app';

let t: TestApp;
const dirs: string[] = [];
const scratchDir = () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'shangmi-keys-'));
  dirs.push(dir);
  return dir;
};

beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.close();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('evidence signing key continuity', () => {
  it('a new database makes its key; once checkpoints exist, a missing or different key refuses to start', async () => {
    expect(existsSync(path.join(t.config.evidenceKeyDir, 'log-signer.key'))).toBe(true);
    const firm = await t.login('applicant1');
    const digest = createHash('sha256').update('密钥连续性').digest('hex');
    const sealed = await firm.post('/api/v1/evidence/entries', { algorithm: 'sha256', digest, label: '连续性' });
    expect(sealed.statusCode, sealed.body).toBe(200);
    const verifierKey: string = (await t.anonymous.get('/api/v1/evidence/keys')).json().verifierKey;
    const expectedKey = verifierKey.split('+').slice(0, 2).join('+'); // name+keyid

    const missing = path.join(scratchDir(), 'gone');
    const refusal = await openEvidenceLog(t.database.db, { ...t.config, evidenceKeyDir: missing }).then(
      () => null,
      (error: Error) => error.message,
    );
    expect(refusal).toContain(path.join(missing, 'log-signer.key'));
    expect(refusal).toContain(expectedKey);
    expect(existsSync(path.join(missing, 'log-signer.key'))).toBe(false);

    const other = scratchDir();
    writeFileSync(path.join(other, 'log-signer.key'), generateNoteKey(t.config.EVIDENCE_ORIGIN).signerKey);
    await expect(openEvidenceLog(t.database.db, { ...t.config, evidenceKeyDir: other })).rejects.toThrow(
      /签名密钥不符.*拒绝启动/,
    );

    const same = await openEvidenceLog(t.database.db, t.config);
    expect(same.verifierKey).toBe(verifierKey);
  });
});
