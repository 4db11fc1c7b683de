/**
 * Verifying the RFC 3161 time-stamp token of a checkpoint, bound to the checkpoint it stamps.
 *
 * The binding: when the log time-stamps its checkpoints, the signed checkpoint itself carries an extension line
 *
 *   rfc3161-tsa sha256:<hex SHA-256 of the TSA certificate's DER>
 *
 * so the log key (which the verifier trusts) promises that a token exists and names the only TSA that may issue it.
 * A bundle whose token was stripped, a token from another TSA, a token whose ESS signing-certificate hash names
 * another certificate, or a token over another checkpoint are each refused. A checkpoint without the line (written
 * before the binding existed) gets its token checked only against a certificate the verifier names explicitly.
 *
 * Runs unchanged in Node (server, CLI) and in a browser opened from disk (the offline verifier): parsing with
 * pkijs/asn1js, hashing and signature checks with WebCrypto (`globalThis.crypto.subtle`), nothing from node:crypto
 * beyond the shimmed SHA-256 of ./encoding.
 */
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import type { Checkpoint } from './checkpoint';
import { bytesEqual, fromBase64, fromHex, sha256, toHex, utf8 } from './encoding';

export const TSA_EXTENSION_PREFIX = 'rfc3161-tsa sha256:';

const OID = {
  sha1: '1.3.14.3.2.26',
  sha256: '2.16.840.1.101.3.4.2.1',
  sha384: '2.16.840.1.101.3.4.2.2',
  sha512: '2.16.840.1.101.3.4.2.3',
  signedData: '1.2.840.113549.1.7.2',
  tstInfo: '1.2.840.113549.1.9.16.1.4',
  messageDigest: '1.2.840.113549.1.9.4',
  signingCertificate: '1.2.840.113549.1.9.16.2.12',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  extKeyUsage: '2.5.29.37',
  timeStamping: '1.3.6.1.5.5.7.3.8',
  ecPublicKey: '1.2.840.10045.2.1',
  rsaEncryption: '1.2.840.113549.1.1.1',
} as const;

const HASHES: Record<string, string> = {
  [OID.sha1]: 'SHA-1',
  [OID.sha256]: 'SHA-256',
  [OID.sha384]: 'SHA-384',
  [OID.sha512]: 'SHA-512',
};

/** Signature algorithms: ECDSA with a hash, or RSA PKCS#1 v1.5 (with the hash named or taken from the digest). */
const SIGNATURES: Record<string, { kind: 'ECDSA' | 'RSA'; hash?: string }> = {
  '1.2.840.10045.4.3.2': { kind: 'ECDSA', hash: 'SHA-256' },
  '1.2.840.10045.4.3.3': { kind: 'ECDSA', hash: 'SHA-384' },
  '1.2.840.10045.4.3.4': { kind: 'ECDSA', hash: 'SHA-512' },
  [OID.ecPublicKey]: { kind: 'ECDSA' },
  [OID.rsaEncryption]: { kind: 'RSA' },
  '1.2.840.113549.1.1.11': { kind: 'RSA', hash: 'SHA-256' },
  '1.2.840.113549.1.1.12': { kind: 'RSA', hash: 'SHA-384' },
  '1.2.840.113549.1.1.13': { kind: 'RSA', hash: 'SHA-512' },
};

const CURVES: Record<string, { name: string; size: number }> = {
  '1.2.840.10045.3.1.7': { name: 'P-256', size: 32 },
  '1.3.132.0.34': { name: 'P-384', size: 48 },
  '1.3.132.0.35': { name: 'P-521', size: 66 },
};

const buf = (bytes: Uint8Array): ArrayBuffer =>
  bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;

function subtle(): SubtleCrypto {
  const s = globalThis.crypto?.subtle;
  if (!s) throw new Error('WebCrypto is not available');
  return s;
}

async function digestWith(hash: string, data: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await subtle().digest(hash, buf(data)));
}

// ---------------------------------------------------------------------------------------------------------------
// The promise in the checkpoint

/** The checkpoint extension line promising a token by the TSA with this certificate (DER). */
export function tsaExtensionLine(certificateDer: Uint8Array): string {
  return `${TSA_EXTENSION_PREFIX}${toHex(sha256(certificateDer))}`;
}

/**
 * The SHA-256 of the TSA certificate the checkpoint promises a token from; null when it promises none. Throws on a
 * malformed or repeated promise (a checkpoint the log would never sign).
 */
export function promisedTsaCertificateHash(checkpoint: Checkpoint): Uint8Array | null {
  const lines = (checkpoint.extensions ?? []).filter((l) => l.startsWith('rfc3161-tsa'));
  if (lines.length === 0) return null;
  const hex = lines.length === 1 && lines[0]!.startsWith(TSA_EXTENSION_PREFIX) ? lines[0]!.slice(19) : '';
  const hash = /^[0-9a-f]{64}$/.test(hex) ? fromHex(hex) : null;
  if (hash === null) throw new Error('malformed rfc3161-tsa checkpoint extension');
  return hash;
}

/** DER of a PEM certificate (or the DER itself). */
export function certificateDer(certificate: string | Uint8Array): Uint8Array | null {
  if (certificate instanceof Uint8Array) return certificate;
  const body = /-----BEGIN CERTIFICATE-----([\s\S]+?)-----END CERTIFICATE-----/.exec(certificate)?.[1];
  return body ? fromBase64(body.replace(/\s/g, '')) : null;
}

// ---------------------------------------------------------------------------------------------------------------
// The token

/** The token's ContentInfo from a TimeStampResp or a bare TimeStampToken. */
function tokenContentInfo(der: Uint8Array): pkijs.ContentInfo {
  try {
    const response = pkijs.TimeStampResp.fromBER(buf(der));
    if (response.status.status !== 0 && response.status.status !== 1) throw new Error('the TSA refused');
    if (!response.timeStampToken) throw new Error('the response carries no token');
    return response.timeStampToken;
  } catch (error) {
    try {
      return pkijs.ContentInfo.fromBER(buf(der));
    } catch {
      throw error;
    }
  }
}

function parseToken(der: Uint8Array): { signedData: pkijs.SignedData; tstInfo: pkijs.TSTInfo } {
  const contentInfo = tokenContentInfo(der);
  if (contentInfo.contentType !== OID.signedData) throw new Error('the token is not CMS SignedData');
  const signedData = new pkijs.SignedData({ schema: contentInfo.content });
  const eContent = signedData.encapContentInfo.eContent;
  if (signedData.encapContentInfo.eContentType !== OID.tstInfo || !eContent) throw new Error('no TSTInfo');
  return { signedData, tstInfo: pkijs.TSTInfo.fromBER(eContent.getValue()) };
}

const certDer = (c: pkijs.Certificate) => new Uint8Array(c.toSchema().toBER(false));

/** DER of the certificate in the token that signed it (matched by issuer and serial number), or null. */
export function tsaCertificateOf(token: Uint8Array): Uint8Array | null {
  try {
    const { signedData } = parseToken(token);
    const sid = signedData.signerInfos[0]?.sid;
    const certs = (signedData.certificates ?? []).filter((c): c is pkijs.Certificate => c instanceof pkijs.Certificate);
    const signer =
      sid instanceof pkijs.IssuerAndSerialNumber
        ? certs.find((c) => c.serialNumber.isEqual(sid.serialNumber) && c.issuer.isEqual(sid.issuer))
        : certs[0];
    return signer ? certDer(signer) : null;
  } catch {
    return null;
  }
}

/** The hash and algorithm of the first ESSCertID(v2) in the signed attributes, or a problem. */
function essCertificateHash(signerInfo: pkijs.SignerInfo): { hash: string; value: Uint8Array } | string {
  const attrs = signerInfo.signedAttrs?.attributes ?? [];
  const v2 = attrs.find((a) => a.type === OID.signingCertificateV2);
  const v1 = attrs.find((a) => a.type === OID.signingCertificate);
  const attr = v2 ?? v1;
  if (!attr) return '时间戳令牌缺少 ESS 签名证书属性（signingCertificate）';
  try {
    const signingCertificate = attr.values[0] as asn1js.Sequence;
    const certs = signingCertificate.valueBlock.value[0] as asn1js.Sequence;
    const first = certs.valueBlock.value[0] as asn1js.Sequence;
    const parts = first.valueBlock.value;
    let hash = v2 ? 'SHA-256' : 'SHA-1';
    let index = 0;
    if (v2 && parts[0] instanceof asn1js.Sequence) {
      const algorithm = new pkijs.AlgorithmIdentifier({ schema: parts[0] }).algorithmId;
      const name = HASHES[algorithm];
      if (!name) return '时间戳令牌 ESS 签名证书属性的摘要算法不受支持';
      hash = name;
      index = 1;
    }
    const octets = parts[index];
    if (!(octets instanceof asn1js.OctetString)) throw new Error('no certHash');
    return { hash, value: new Uint8Array(octets.valueBlock.valueHexView) };
  } catch {
    return '时间戳令牌的 ESS 签名证书属性格式不正确';
  }
}

/** IEEE P1363 r||s from a DER ECDSA signature, as WebCrypto wants it. */
function ecdsaRaw(der: Uint8Array, size: number): Uint8Array | null {
  const parsed = asn1js.fromBER(buf(der));
  if (parsed.offset === -1 || !(parsed.result instanceof asn1js.Sequence)) return null;
  const out = new Uint8Array(size * 2);
  const ints = parsed.result.valueBlock.value;
  if (ints.length !== 2) return null;
  for (let i = 0; i < 2; i++) {
    const int = ints[i];
    if (!(int instanceof asn1js.Integer)) return null;
    let bytes = new Uint8Array(int.valueBlock.valueHexView);
    while (bytes.length > size && bytes[0] === 0) bytes = bytes.slice(1);
    if (bytes.length > size) return null;
    out.set(bytes, i * size + (size - bytes.length));
  }
  return out;
}

async function signatureValid(signerInfo: pkijs.SignerInfo, signer: pkijs.Certificate, signed: Uint8Array) {
  const spki = signer.subjectPublicKeyInfo;
  const alg = SIGNATURES[signerInfo.signatureAlgorithm.algorithmId];
  const hash = alg?.hash ?? HASHES[signerInfo.digestAlgorithm.algorithmId];
  if (!alg || !hash) return false;
  const spkiDer = buf(new Uint8Array(spki.toSchema().toBER(false)));
  const signature = new Uint8Array(signerInfo.signature.valueBlock.valueHexView);
  if (alg.kind === 'ECDSA') {
    if (spki.algorithm.algorithmId !== OID.ecPublicKey) return false;
    const curveOid = (spki.algorithm.algorithmParams as asn1js.ObjectIdentifier | undefined)?.valueBlock?.toString();
    const curve = curveOid ? CURVES[curveOid] : undefined;
    const raw = curve ? ecdsaRaw(signature, curve.size) : null;
    if (!curve || !raw) return false;
    const key = await subtle().importKey('spki', spkiDer, { name: 'ECDSA', namedCurve: curve.name }, false, ['verify']);
    return subtle().verify({ name: 'ECDSA', hash }, key, buf(raw), buf(signed));
  }
  if (spki.algorithm.algorithmId !== OID.rsaEncryption) return false;
  const key = await subtle().importKey('spki', spkiDer, { name: 'RSASSA-PKCS1-v1_5', hash }, false, ['verify']);
  return subtle().verify('RSASSA-PKCS1-v1_5', key, buf(signature), buf(signed));
}

export interface TimestampExpectation {
  /** The digest the token must stamp: SHA-256 of the signed checkpoint note. */
  digest: Uint8Array;
  /**
   * Who may have issued the token: the SHA-256 of the TSA certificate (from the checkpoint's promise) and/or the
   * certificate itself (DER, named by the verifier). The signer is the token's embedded certificate with that hash,
   * or the given certificate. At least one is required: a token is never trusted on its own certificate.
   */
  certificateHash?: Uint8Array;
  certificate?: Uint8Array;
}

export interface TimestampVerification {
  ok: boolean;
  genTime?: Date;
  /** In Chinese, shown as they are. */
  problems: string[];
}

/**
 * Verifies a DER TimeStampResp or TimeStampToken: the TSA is the expected one, the imprint is the expected digest
 * (SHA-256), the ESS signing-certificate attribute names the signer certificate, the certificate is for
 * time-stamping (critical EKU) and valid at the stamped time, the signed message digest matches the TSTInfo, and the
 * signature verifies. Never throws.
 */
export async function verifyTimestampToken(
  der: Uint8Array,
  expected: TimestampExpectation,
): Promise<TimestampVerification> {
  const problems: string[] = [];
  let signedData: pkijs.SignedData;
  let tstInfo: pkijs.TSTInfo;
  try {
    ({ signedData, tstInfo } = parseToken(der));
  } catch {
    return { ok: false, problems: ['时间戳令牌格式不正确'] };
  }
  try {
    const imprint = new Uint8Array(tstInfo.messageImprint.hashedMessage.valueBlock.valueHexView);
    if (tstInfo.messageImprint.hashAlgorithm.algorithmId !== OID.sha256) problems.push('时间戳的摘要算法不是 SHA-256');
    else if (!bytesEqual(imprint, expected.digest))
      problems.push('时间戳所盖的摘要与检查点不符（令牌属于另一个检查点）');

    const embedded = (signedData.certificates ?? []).filter(
      (c): c is pkijs.Certificate => c instanceof pkijs.Certificate,
    );
    let signer: pkijs.Certificate | undefined;
    if (expected.certificate) {
      if (expected.certificateHash && !bytesEqual(sha256(expected.certificate), expected.certificateHash)) {
        problems.push('指定的时间戳服务证书不是检查点声明的证书');
        return { ok: false, genTime: tstInfo.genTime, problems };
      }
      signer = pkijs.Certificate.fromBER(buf(expected.certificate));
    } else if (expected.certificateHash) {
      const wanted = expected.certificateHash;
      signer = embedded.find((c) => bytesEqual(sha256(certDer(c)), wanted));
    } else {
      problems.push('没有可信的时间戳服务证书可供核验');
      return { ok: false, genTime: tstInfo.genTime, problems };
    }
    if (!signer) {
      problems.push('时间戳不是由平台公布的时间戳服务签发（证书不符）');
      return { ok: false, genTime: tstInfo.genTime, problems };
    }
    const signerDer = certDer(signer);

    const signerInfo = signedData.signerInfos[0];
    if (!signerInfo?.signedAttrs || signedData.signerInfos.length !== 1) {
      problems.push('时间戳令牌没有签名属性');
      return { ok: false, genTime: tstInfo.genTime, problems };
    }
    const sid = signerInfo.sid;
    if (sid instanceof pkijs.IssuerAndSerialNumber) {
      if (!sid.serialNumber.isEqual(signer.serialNumber) || !sid.issuer.isEqual(signer.issuer)) {
        problems.push('时间戳不是由平台公布的时间戳服务签发（签名者与证书不符）');
        return { ok: false, genTime: tstInfo.genTime, problems };
      }
    }

    const ess = essCertificateHash(signerInfo);
    if (typeof ess === 'string') problems.push(ess);
    else if (!bytesEqual(ess.value, await digestWith(ess.hash, signerDer)))
      problems.push('时间戳令牌 ESS 签名证书属性中的证书摘要与签名证书不符');

    const eku = signer.extensions?.find((e) => e.extnID === OID.extKeyUsage);
    const purposes = (eku?.parsedValue as pkijs.ExtKeyUsage | undefined)?.keyPurposes ?? [];
    if (!eku?.critical || !purposes.includes(OID.timeStamping))
      problems.push('证书缺少关键的时间戳用途扩展（timeStamping EKU）');
    const genTime = tstInfo.genTime.getTime();
    if (genTime < signer.notBefore.value.getTime() || genTime > signer.notAfter.value.getTime())
      problems.push('盖戳时间不在时间戳服务证书的有效期内');

    const digestName = HASHES[signerInfo.digestAlgorithm.algorithmId];
    const eContent = signedData.encapContentInfo.eContent;
    const messageDigest = signerInfo.signedAttrs.attributes.find((a) => a.type === OID.messageDigest)?.values[0];
    if (
      !digestName ||
      !eContent ||
      !(messageDigest instanceof asn1js.OctetString) ||
      !bytesEqual(
        new Uint8Array(messageDigest.valueBlock.valueHexView),
        await digestWith(digestName, new Uint8Array(eContent.getValue())),
      )
    ) {
      problems.push('签名属性中的摘要与时间戳信息不符');
    } else {
      // The signature covers the attributes encoded as a SET (tag 0x31), not as the [0] IMPLICIT field.
      const signed = new Uint8Array(signerInfo.signedAttrs.encodedValue);
      signed[0] = 0x31;
      if (!(await signatureValid(signerInfo, signer, signed))) problems.push('时间戳签名无效');
    }
  } catch {
    problems.push('时间戳令牌无法核验');
  }
  return { ok: problems.length === 0, genTime: tstInfo.genTime, problems };
}

/** The verdict on a checkpoint's time stamp, as one check of a bundle. */
export interface TimestampCheck {
  status: 'pass' | 'fail' | 'skipped';
  detail: string;
  genTime?: Date;
}

/**
 * Checks the token a bundle carries for its checkpoint (`signedNote`, verbatim): required when the checkpoint
 * promises one, issued by the promised TSA (and by `trustedCertificate` when the verifier names one), over this very
 * checkpoint. Never throws.
 */
export async function checkCheckpointTimestamp(
  signedNote: string,
  checkpoint: Checkpoint,
  token: Uint8Array | undefined,
  trustedCertificate?: string | Uint8Array,
): Promise<TimestampCheck> {
  let promised: Uint8Array | null;
  try {
    promised = promisedTsaCertificateHash(checkpoint);
  } catch {
    return { status: 'fail', detail: '检查点中的时间戳声明格式不正确' };
  }
  const trusted = trustedCertificate === undefined ? undefined : certificateDer(trustedCertificate);
  if (trusted === null) return { status: 'fail', detail: '指定的时间戳服务证书格式不正确' };
  if (token === undefined) {
    return promised
      ? { status: 'fail', detail: '检查点声明加盖了可信时间戳，但验证包中没有时间戳令牌（令牌可能已被删去）' }
      : { status: 'skipped', detail: '验证包中没有可信时间戳' };
  }
  if (!promised && !trusted) {
    return { status: 'skipped', detail: '检查点未声明时间戳服务，且未指定时间戳服务证书，未核验时间戳' };
  }
  const expectation: TimestampExpectation = { digest: sha256(utf8(signedNote)) };
  if (promised) expectation.certificateHash = promised;
  if (trusted) expectation.certificate = trusted;
  const result = await verifyTimestampToken(token, expectation);
  if (!result.ok) return { status: 'fail', detail: result.problems.join('；') };
  const check: TimestampCheck = { status: 'pass', detail: `盖戳时间 ${result.genTime?.toISOString() ?? ''}` };
  if (result.genTime) check.genTime = result.genTime;
  return check;
}
