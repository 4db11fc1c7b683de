/**
 * The evidence log service of one app instance: its identity (origin, signing key, TSA) loaded from key files, and
 * its sequencer. Every instance of a deployment reads the same key files and may seal batches.
 */
import { signCheckpoint } from '../../core/evidence/checkpoint';
import { emptyRoot } from '../../core/evidence/merkle';
import { generateNoteKey, parseSignerKey, verifierKeyOf } from '../../core/evidence/note';
import type { Config } from '../config';
import type { Db } from '../db/client';
import { loadOrCreateKeyFile } from './key-files';
import { latestCheckpoint } from './log-store';
import { EvidenceSequencer, type LogIdentity } from './sequencer';
import { createTimestamper, type Timestamper } from './timestamper';

export interface EvidenceLog {
  /** What the sequencer signs and time-stamps with. */
  identity: LogIdentity;
  origin: string;
  verifierKey: string;
  timestamper: Timestamper;
  sequencer: EvidenceSequencer;
  /** The newest signed checkpoint; for an empty log, a freshly signed checkpoint of the empty tree. */
  latestSignedNote(): Promise<string>;
}

export async function openEvidenceLog(
  db: Db,
  config: Config,
  onError?: (error: unknown) => void,
): Promise<EvidenceLog> {
  const signerKey = await loadOrCreateKeyFile(
    config.evidenceKeyDir,
    'log-signer.key',
    () => generateNoteKey(config.EVIDENCE_ORIGIN).signerKey,
  );
  const signer = parseSignerKey(signerKey);
  if (signer.name !== config.EVIDENCE_ORIGIN) {
    throw new Error(
      `the log key in ${config.evidenceKeyDir} is for ${signer.name}, not EVIDENCE_ORIGIN ${config.EVIDENCE_ORIGIN}`,
    );
  }
  const timestamper = await createTimestamper(config);
  const identity = { origin: config.EVIDENCE_ORIGIN, signer, verifierKey: verifierKeyOf(signer), timestamper };
  const sequencer = new EvidenceSequencer(db, identity, {
    batchSize: config.EVIDENCE_BATCH_SIZE,
    intervalMs: config.EVIDENCE_BATCH_INTERVAL_MS,
    onError,
  });
  return {
    identity,
    origin: identity.origin,
    verifierKey: identity.verifierKey,
    timestamper,
    sequencer,
    async latestSignedNote() {
      const latest = await latestCheckpoint(db);
      if (latest) return latest.signedNote;
      return signCheckpoint({ origin: identity.origin, size: 0, rootHash: emptyRoot() }, signer, null);
    },
  };
}
