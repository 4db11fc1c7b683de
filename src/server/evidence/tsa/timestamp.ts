/**
 * RFC 3161 time-stamp tokens: issuing them with the platform's own TSA key, asking an external TSA, and parsing and
 * verifying them offline. Tokens carry the ESS signing-certificate-v2 attribute that `openssl ts -verify` requires.
 */
import { createHash, webcrypto } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { verifyTimestampToken as verifyCoreToken } from '../../../core/evidence/timestamp-token';
import type { TsaIdentity } from './tsa-key';

pkijs.setEngine('node', new pkijs.CryptoEngine({ name: 'node', crypto: webcrypto as unknown as Crypto }));

const OID = {
  sha256: '2.16.840.1.101.3.4.2.1',
  signedData: '1.2.840.113549.1.7.2',
  tstInfo: '1.2.840.113549.1.9.16.1.4',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  /** The platform's time-stamp policy (a private-use arc: the policy is described in docs/ARCHITECTURE.md). */
  shangmiPolicy: '1.3.6.1.4.1.61012.1.1',
} as const;

const toArrayBuffer = (bytes: Uint8Array): ArrayBuffer =>
  bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
const sha256 = (bytes: Uint8Array) => new Uint8Array(createHash('sha256').update(bytes).digest());

function attribute(type: string, value: asn1js.AsnType): pkijs.Attribute {
  return new pkijs.Attribute({ type, values: [value] });
}

/** ESS signing-certificate-v2 (RFC 5035): the hash of the TSA certificate, hash algorithm SHA-256 by default. */
function signingCertificateV2(certificateDer: Uint8Array): asn1js.Sequence {
  const essCertIdV2 = new asn1js.Sequence({
    value: [new asn1js.OctetString({ valueHex: toArrayBuffer(sha256(certificateDer)) })],
  });
  return new asn1js.Sequence({ value: [new asn1js.Sequence({ value: [essCertIdV2] })] });
}

export interface MessageImprintInput {
  hashAlgorithm: 'sha256';
  digest: Uint8Array;
}

/** Issues a DER TimeStampResp (status granted) over `messageImprint`, signed by the platform TSA. */
export async function createTimestampToken(
  identity: TsaIdentity,
  messageImprint: MessageImprintInput,
  options: {
    serialNumber: number | bigint;
    time?: Date;
    policyOid?: string;
    nonce?: bigint;
    /** Tests only: the certificate the ESS attribute names (forging a token whose ESS hash is wrong). */
    essCertificateDer?: Uint8Array;
  },
): Promise<Uint8Array> {
  const time = options.time ?? new Date();
  const tstInfo = new pkijs.TSTInfo({
    version: 1,
    policy: options.policyOid ?? OID.shangmiPolicy,
    messageImprint: new pkijs.MessageImprint({
      hashAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256 }),
      hashedMessage: new asn1js.OctetString({ valueHex: toArrayBuffer(messageImprint.digest) }),
    }),
    serialNumber: new asn1js.Integer({ value: Number(options.serialNumber) }),
    genTime: time,
    ...(options.nonce !== undefined ? { nonce: new asn1js.Integer({ value: Number(options.nonce) }) } : {}),
  });
  const tstDer = new Uint8Array(tstInfo.toSchema().toBER(false));
  const certificate = pkijs.Certificate.fromBER(toArrayBuffer(identity.certificateDer));
  const signedData = new pkijs.SignedData({
    version: 3,
    encapContentInfo: new pkijs.EncapsulatedContentInfo({
      eContentType: OID.tstInfo,
      eContent: new asn1js.OctetString({ valueHex: toArrayBuffer(tstDer) }),
    }),
    signerInfos: [
      new pkijs.SignerInfo({
        version: 1,
        sid: new pkijs.IssuerAndSerialNumber({ issuer: certificate.issuer, serialNumber: certificate.serialNumber }),
        signedAttrs: new pkijs.SignedAndUnsignedAttributes({
          type: 0,
          attributes: [
            attribute(OID.contentType, new asn1js.ObjectIdentifier({ value: OID.tstInfo })),
            attribute(OID.messageDigest, new asn1js.OctetString({ valueHex: toArrayBuffer(sha256(tstDer)) })),
            attribute(OID.signingTime, new asn1js.UTCTime({ valueDate: time })),
            attribute(
              OID.signingCertificateV2,
              signingCertificateV2(options.essCertificateDer ?? identity.certificateDer),
            ),
          ],
        }),
      }),
    ],
    certificates: [certificate],
  });
  await signedData.sign(identity.privateKey, 0, 'SHA-256');
  const token = new pkijs.ContentInfo({ contentType: OID.signedData, content: signedData.toSchema(true) });
  const response = new pkijs.TimeStampResp({ status: new pkijs.PKIStatusInfo({ status: 0 }), timeStampToken: token });
  return new Uint8Array(response.toSchema().toBER(false));
}

/** The token's ContentInfo from a TimeStampResp or a bare TimeStampToken. */
function tokenContentInfo(der: Uint8Array): pkijs.ContentInfo {
  try {
    const response = pkijs.TimeStampResp.fromBER(toArrayBuffer(der));
    if (response.status.status !== 0 && response.status.status !== 1) {
      throw new Error(`the TSA refused: status ${response.status.status}`);
    }
    if (!response.timeStampToken) throw new Error('the response carries no token');
    return response.timeStampToken;
  } catch (error) {
    try {
      return pkijs.ContentInfo.fromBER(toArrayBuffer(der));
    } catch {
      throw error;
    }
  }
}

export interface ParsedTimestamp {
  genTime: Date;
  serialNumber: string;
  policy: string;
  messageImprint: { hashAlgorithm: string; digest: Uint8Array };
  tsaCertificatePem?: string;
}

function parseSigned(der: Uint8Array): { signedData: pkijs.SignedData; tstInfo: pkijs.TSTInfo } {
  const contentInfo = tokenContentInfo(der);
  if (contentInfo.contentType !== OID.signedData) throw new Error('the token is not CMS SignedData');
  const signedData = new pkijs.SignedData({ schema: contentInfo.content });
  const eContent = signedData.encapContentInfo.eContent;
  if (signedData.encapContentInfo.eContentType !== OID.tstInfo || !eContent)
    throw new Error('the token holds no TSTInfo');
  const tstInfo = pkijs.TSTInfo.fromBER(eContent.getValue());
  return { signedData, tstInfo };
}

export function parseTimestampToken(der: Uint8Array): ParsedTimestamp {
  const { signedData, tstInfo } = parseSigned(der);
  const cert = signedData.certificates?.find((c): c is pkijs.Certificate => c instanceof pkijs.Certificate);
  return {
    genTime: tstInfo.genTime,
    serialNumber: Buffer.from(tstInfo.serialNumber.valueBlock.valueHexView).toString('hex'),
    policy: tstInfo.policy,
    messageImprint: {
      hashAlgorithm: tstInfo.messageImprint.hashAlgorithm.algorithmId,
      digest: new Uint8Array(tstInfo.messageImprint.hashedMessage.getValue()),
    },
    ...(cert ? { tsaCertificatePem: toPem(new Uint8Array(cert.toSchema().toBER(false))) } : {}),
  };
}

function toPem(der: Uint8Array): string {
  const body = Buffer.from(der)
    .toString('base64')
    .replace(/(.{64})/g, '$1\n')
    .trim();
  return `-----BEGIN CERTIFICATE-----\n${body}\n-----END CERTIFICATE-----\n`;
}

function pemToDer(pem: string): Uint8Array {
  return new Uint8Array(Buffer.from(pem.replace(/-----[^-]+-----|\s/g, ''), 'base64'));
}

/**
 * Verifies a token offline (see core/evidence/timestamp-token): the signer must be `trustedCertificatePem`; a token
 * is never trusted on the certificate it carries itself.
 */
export async function verifyTimestampToken(
  der: Uint8Array,
  expected: { digest: Uint8Array; trustedCertificatePem?: string },
): Promise<{ ok: boolean; genTime?: Date; problems: string[] }> {
  const certificate = expected.trustedCertificatePem ? pemToDer(expected.trustedCertificatePem) : undefined;
  return verifyCoreToken(der, { digest: expected.digest, ...(certificate ? { certificate } : {}) });
}

/** Asks an external RFC 3161 TSA for a token over a SHA-256 digest; returns the DER TimeStampResp. */
export async function requestExternalTimestamp(tsaUrl: string, digest: Uint8Array): Promise<Uint8Array> {
  const response = await fetch(tsaUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/timestamp-query' },
    body: Buffer.from(encodeTimestampRequest(digest)),
  });
  if (!response.ok) throw new Error(`TSA answered HTTP ${response.status}`);
  const der = new Uint8Array(await response.arrayBuffer());
  tokenContentInfo(der); // refuses a rejection status
  return der;
}

/** DER TimeStampReq (v1, SHA-256 imprint, certReq true). */
export function encodeTimestampRequest(digest: Uint8Array): Uint8Array {
  const request = new pkijs.TimeStampReq({
    version: 1,
    messageImprint: new pkijs.MessageImprint({
      hashAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256 }),
      hashedMessage: new asn1js.OctetString({ valueHex: toArrayBuffer(digest) }),
    }),
    certReq: true,
  });
  return new Uint8Array(request.toSchema().toBER(false));
}
