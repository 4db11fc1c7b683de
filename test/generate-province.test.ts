/**
 * The province generator (`npm run cli -- demo generate`, src/server/demo/generate/) at a small size: credit codes
 * with the right check character, applications in every status, bases in the public registry, generated evidence
 * sealed into a log whose checkpoints, inclusion and consistency proofs verify, a second run that adds nothing and a
 * larger one that appends only the missing evidence, consistently with what was sealed before.
 */
import { asc, eq, inArray, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApplicationStatus } from '../src/core/applications/workflow';
import { checkCreditCode } from '../src/core/credit-code';
import { openCheckpoint } from '../src/core/evidence/checkpoint';
import { fromBase64 } from '../src/core/evidence/encoding';
import { hashLeaf, verifyConsistency, verifyInclusion } from '../src/core/evidence/merkle';
import { parseVerifierKey } from '../src/core/evidence/note';
import {
  applications,
  evidenceCheckpoints,
  evidenceLeaves,
  evidenceQueue,
  evidenceSubmissions,
  units,
} from '../src/server/db/schema';
import { countRows, generateProvince } from '../src/server/demo/generate/generate-province';
import { openEvidenceLog } from '../src/server/evidence/evidence-log';
import { buildTestApp, type TestApp } from './helpers/app';

// Evidence sealed 200 leaves per checkpoint, so the log has several checkpoints (200, 400, 500) to prove consistent.
const SIZES = { bases: 40, units: 120, ledger: 300, evidence: 500, clues: 12, trainings: 6, evidenceBatch: 200 };

describe('demo generate', () => {
  let t: TestApp;
  let first: Awaited<ReturnType<typeof generateProvince>>;

  beforeAll(async () => {
    t = await buildTestApp();
    const log = await openEvidenceLog(t.database.db, t.config);
    first = await generateProvince(t.database.db, log.identity, SIZES);
  }, 120_000);
  afterAll(async () => {
    await t.close();
  });

  it('creates units whose credit codes carry the GB 32100 check character and their region', async () => {
    const generated = await t.database.db
      .select({ creditCode: units.creditCode, jurisdictionCode: units.jurisdictionCode })
      .from(units)
      .where(like(units.name, '%号）'));
    expect(generated).toHaveLength(SIZES.units);
    for (const unit of generated) {
      const check = checkCreditCode(unit.creditCode);
      expect(check.valid, unit.creditCode).toBe(true);
      expect(check.regionCode).toBe(unit.jurisdictionCode);
    }
  });

  it('puts applications in every status, across several programmes', async () => {
    const rows = await t.database.db
      .select({ status: applications.status, programmeId: applications.programmeId })
      .from(applications);
    expect(new Set(rows.map((r) => r.status))).toEqual(new Set(ApplicationStatus.values));
    expect(new Set(rows.map((r) => r.programmeId)).size).toBeGreaterThanOrEqual(3);
  });

  it('lists the certified bases in the public registry, revoked ones marked', async () => {
    const all = (await t.anonymous.get('/api/v1/registry?pageSize=50')).json();
    expect(all.total).toBeGreaterThanOrEqual(SIZES.bases);
    const revoked = (await t.anonymous.get('/api/v1/registry?status=revoked&pageSize=50')).json();
    expect(revoked.total).toBeGreaterThanOrEqual(2);
    const detail = await t.anonymous.get(`/api/v1/registry/${encodeURIComponent(all.items[0].certificateNo)}`);
    expect(detail.statusCode).toBe(200);
  });

  it('seals the generated evidence under a signed checkpoint, with inclusion proofs that verify', async () => {
    const keys = (await t.anonymous.get('/api/v1/evidence/keys')).json();
    const note = (await t.anonymous.get('/api/v1/evidence/checkpoint')).body;
    const { checkpoint } = openCheckpoint(note, parseVerifierKey(keys.verifierKey));
    expect(checkpoint.size).toBeGreaterThanOrEqual(SIZES.evidence);
    const [leaf] = await t.database.db
      .select({ index: evidenceLeaves.leafIndex, entry: evidenceSubmissions.entry })
      .from(evidenceLeaves)
      .innerJoin(evidenceSubmissions, eq(evidenceSubmissions.id, evidenceLeaves.submissionId))
      .where(eq(evidenceLeaves.leafIndex, Math.floor(checkpoint.size / 2)));
    const proof = (
      await t.anonymous.get(`/api/v1/evidence/proofs/inclusion?index=${leaf!.index}&size=${checkpoint.size}`)
    ).json();
    const path = (proof.hashes as string[]).map((h) => fromBase64(h)!);
    expect(
      verifyInclusion(hashLeaf(new Uint8Array(leaf!.entry)), leaf!.index, checkpoint.size, path, checkpoint.rootHash),
    ).toBe(true);
  });

  it('signs checkpoints along the generated log that consistency proofs link, and queues nothing', async () => {
    const verifier = parseVerifierKey((await t.anonymous.get('/api/v1/evidence/keys')).json().verifierKey);
    const checkpoints = (
      await t.database.db.select().from(evidenceCheckpoints).orderBy(asc(evidenceCheckpoints.treeSize))
    ).map((row) => openCheckpoint(row.signedNote, verifier).checkpoint);
    expect(checkpoints.map((c) => c.size)).toEqual([200, 400, 500]);
    await expectConsistent(checkpoints[0]!, checkpoints[2]!);
    await expectConsistent(checkpoints[1]!, checkpoints[2]!);
    expect(await t.database.db.select().from(evidenceQueue)).toEqual([]);
  });

  it('officers see the generated applications of their subtree only', async () => {
    const keqiao = await t.login('keqiao');
    const listed = (await keqiao.get('/api/v1/applications?pageSize=100')).json();
    expect(listed.total).toBeGreaterThan(0);
    const ids = listed.items.map((a: { unitId: string }) => a.unitId);
    const places = await t.database.db
      .select({ code: units.jurisdictionCode })
      .from(units)
      .where(inArray(units.id, ids));
    expect(new Set(places.map((p) => p.code))).toEqual(new Set(['330603']));
  });

  it('adds nothing when run again', async () => {
    expect(first.filter((s) => s.stage !== 'vacuum analyze').every((s) => s.inserted > 0)).toBe(true);
    const before = await countRows(t.database.db);
    const log = await openEvidenceLog(t.database.db, t.config);
    const again = await generateProvince(t.database.db, log.identity, SIZES);
    expect(again.map((s) => s.inserted)).toEqual(again.map(() => 0));
    expect(await countRows(t.database.db)).toEqual(before);
  });

  it('a larger run appends only the missing evidence, consistent with the log sealed before', async () => {
    const verifier = parseVerifierKey((await t.anonymous.get('/api/v1/evidence/keys')).json().verifierKey);
    const before = openCheckpoint((await t.anonymous.get('/api/v1/evidence/checkpoint')).body, verifier).checkpoint;
    const log = await openEvidenceLog(t.database.db, t.config);
    const more = await generateProvince(t.database.db, log.identity, { ...SIZES, evidence: 650 });
    expect(more.find((s) => s.stage === 'evidence')!.inserted).toBe(150);
    const after = openCheckpoint((await t.anonymous.get('/api/v1/evidence/checkpoint')).body, verifier).checkpoint;
    expect(after.size).toBe(before.size + 150);
    await expectConsistent(before, after);
  });

  async function expectConsistent(
    older: { size: number; rootHash: Uint8Array },
    newer: { size: number; rootHash: Uint8Array },
  ): Promise<void> {
    const response = await t.anonymous.get(`/api/v1/evidence/proofs/consistency?from=${older.size}&to=${newer.size}`);
    expect(response.statusCode).toBe(200);
    const proof = (response.json().hashes as string[]).map((h) => fromBase64(h)!);
    expect(verifyConsistency(older.size, newer.size, proof, older.rootHash, newer.rootHash)).toBe(true);
  }
});
