/**
 * Issues RFC 3161 time-stamp tokens over checkpoint digests: from an external TSA when TSA_URL is set, otherwise
 * from the platform's own TSA key and certificate (created on first start beside the log key).
 */
import { sha256, utf8 } from '../../core/evidence/encoding';
import { tsaCertificateOf } from '../../core/evidence/timestamp-token';
import type { Config } from '../config';
import { loadOrCreateKeyFile } from './key-files';
import { createTimestampToken, parseTimestampToken, requestExternalTimestamp } from './tsa/timestamp';
import { generateTsaIdentity, loadTsaIdentity } from './tsa/tsa-key';

export interface Timestamper {
  /** PEM of the certificate that verifies the tokens (the platform TSA's; null when an external TSA's is unknown). */
  readonly certificatePem: string | null;
  /**
   * DER of the certificate the next tokens will be signed with, which the checkpoint names before it is stamped.
   * `refresh`: ask again (an external TSA may have renewed its certificate since).
   */
  certificate(refresh?: boolean): Promise<Uint8Array>;
  /** A DER TimeStampResp over the SHA-256 `digest`, and the TSA's time (genTime). */
  stamp(digest: Uint8Array, serialNumber: number): Promise<{ token: Uint8Array; time: Date }>;
}

export async function createTimestamper(config: Config): Promise<Timestamper> {
  if (config.TSA_URL) {
    const url = config.TSA_URL;
    let known: Promise<Uint8Array> | null = null;
    // An external TSA's certificate is learnt from a token it issues (requests ask for the certificate).
    const learn = async () => {
      const probe = await requestExternalTimestamp(url, sha256(utf8('shangmi: which certificate signs your tokens?')));
      const der = tsaCertificateOf(probe);
      if (!der) throw new Error('the external TSA did not include its certificate in the token');
      return der;
    };
    return {
      certificatePem: null,
      certificate(refresh = false) {
        if (refresh || !known) {
          known = learn();
          known.catch(() => {
            known = null;
          });
        }
        return known;
      },
      async stamp(digest) {
        const token = await requestExternalTimestamp(url, digest);
        return { token, time: parseTimestampToken(token).genTime };
      },
    };
  }
  // Key and certificate share one file, so instances starting together can never pair one's key with another's cert.
  const pem = await loadOrCreateKeyFile(config.evidenceKeyDir, 'tsa-identity.pem', async () => {
    const created = await generateTsaIdentity();
    return `${created.privateKeyPem.trim()}\n${created.certificatePem.trim()}`;
  });
  const certificateBlock = pemBlock(pem, 'CERTIFICATE');
  const certificatePem = `${certificateBlock}\n`;
  const privateKeyPem = `${pem.replace(certificateBlock, '').trim()}\n`;
  const identity = await loadTsaIdentity({ privateKeyPem, certificatePem });
  return {
    certificatePem,
    certificate: async () => identity.certificateDer,
    async stamp(digest, serialNumber) {
      const time = new Date();
      const token = await createTimestampToken(identity, { hashAlgorithm: 'sha256', digest }, { serialNumber, time });
      return { token, time: parseTimestampToken(token).genTime };
    },
  };
}

function pemBlock(text: string, label: string): string {
  const match = new RegExp(`-----BEGIN ${label}-----[\\s\\S]+?-----END ${label}-----`).exec(text);
  if (!match) throw new Error(`no ${label} in the TSA identity file`);
  return match[0];
}
