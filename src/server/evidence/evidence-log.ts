/**
 * The evidence log service of one app instance: its identity (origin, signing key, TSA) loaded from key files, and
 * its sequencer. Every instance of a deployment reads the same key files and may seal batches.
 */

import path from 'node:path';
import { signCheckpoint } from '../../core/evidence/checkpoint';
import { emptyRoot } from '../../core/evidence/merkle';
import {
  createNoteVerifier,
  generateNoteKey,
  openNote,
  parseNote,
  parseSignerKey,
  verifierKeyOf,
} from '../../core/evidence/note';
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
  // Key continuity: once the database holds a signed checkpoint, only the key that signed it may sign the next one.
  // A missing key folder must not quietly yield a new key (a second log under the same origin, forked by key).
  const latest = await latestCheckpoint(db);
  const expected = latest ? expectedKeyOf(latest.signedNote) : null;
  const keyFile = path.join(config.evidenceKeyDir, 'log-signer.key');
  const signerKey = await loadOrCreateKeyFile(config.evidenceKeyDir, 'log-signer.key', () => {
    if (expected) {
      throw new Error(
        `证据日志签名密钥缺失：${keyFile} 不存在，而数据库中已有由密钥 ${expected} 签名的检查点（树大小 ${latest?.treeSize}）。` +
          '拒绝生成新密钥（会使证据日志分叉）；请恢复该密钥文件，或检查 EVIDENCE_KEY_DIR / DATA_DIR。',
      );
    }
    return generateNoteKey(config.EVIDENCE_ORIGIN).signerKey;
  });
  const signer = parseSignerKey(signerKey);
  if (signer.name !== config.EVIDENCE_ORIGIN) {
    throw new Error(
      `the log key in ${config.evidenceKeyDir} is for ${signer.name}, not EVIDENCE_ORIGIN ${config.EVIDENCE_ORIGIN}`,
    );
  }
  if (latest && expected) {
    try {
      openNote(latest.signedNote, createNoteVerifier(signer.name, signer.publicKey));
    } catch {
      throw new Error(
        `证据日志签名密钥不符：${keyFile} 中的密钥为 ${keyLabel(signer.name, signer.keyId)}，` +
          `而数据库中已有的检查点（树大小 ${latest.treeSize}）由密钥 ${expected} 签名。` +
          '拒绝启动（会使证据日志分叉）；请恢复原密钥文件。',
      );
    }
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

/** name+keyid (eight hex digits), as a verifier key begins: how an operator recognises a key. */
function keyLabel(name: string, keyId: number): string {
  return `${name}+${keyId.toString(16).padStart(8, '0')}`;
}

/** The key that signed a stored checkpoint (its first signature line), as keyLabel prints it. */
function expectedKeyOf(signedNote: string): string | null {
  const [sig] = parseNote(signedNote).sigs;
  return sig ? keyLabel(sig.name, sig.keyId) : null;
}
