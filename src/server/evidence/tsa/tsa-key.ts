/**
 * The platform's own time-stamping authority identity: an ECDSA P-256 key and a self-signed certificate whose
 * extended key usage is timeStamping, marked critical (RFC 3161 §2.3), kept as PEM in a key file outside the database.
 */
import { webcrypto } from 'node:crypto';
import * as x509 from '@peculiar/x509';

x509.cryptoProvider.set(webcrypto as unknown as Crypto);

const EC_PARAMS = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const SIGNING = { name: 'ECDSA', hash: 'SHA-256' } as const;
export const ID_KP_TIME_STAMPING = '1.3.6.1.5.5.7.3.8';

export interface TsaIdentity {
  privateKey: CryptoKey;
  certificate: x509.X509Certificate;
  certificatePem: string;
  /** DER of the certificate. */
  certificateDer: Uint8Array;
}

export async function generateTsaIdentity(): Promise<{ privateKeyPem: string; certificatePem: string }> {
  const keys = (await webcrypto.subtle.generateKey(EC_PARAMS, true, ['sign', 'verify'])) as CryptoKeyPair;
  const now = new Date();
  const certificate = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: Buffer.from(webcrypto.getRandomValues(new Uint8Array(12)))
      .toString('hex')
      .replace(/^[89a-f]/, '1'),
    name: 'CN=Shangmi Evidence TSA, O=Shangmi, C=CN',
    notBefore: new Date(now.getTime() - 60_000),
    notAfter: new Date(now.getTime() + 10 * 365 * 24 * 3600_000),
    signingAlgorithm: SIGNING,
    keys,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.nonRepudiation, true),
      new x509.ExtendedKeyUsageExtension([ID_KP_TIME_STAMPING], true),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  });
  const pkcs8 = Buffer.from(await webcrypto.subtle.exportKey('pkcs8', keys.privateKey));
  const privateKeyPem = `-----BEGIN PRIVATE KEY-----\n${pkcs8
    .toString('base64')
    .replace(/(.{64})/g, '$1\n')
    .trim()}\n-----END PRIVATE KEY-----\n`;
  return { privateKeyPem, certificatePem: certificate.toString('pem') };
}

export async function loadTsaIdentity(pems: { privateKeyPem: string; certificatePem: string }): Promise<TsaIdentity> {
  const der = Buffer.from(pems.privateKeyPem.replace(/-----[^-]+-----|\s/g, ''), 'base64');
  const privateKey = await webcrypto.subtle.importKey('pkcs8', der, EC_PARAMS, false, ['sign']);
  const certificate = new x509.X509Certificate(pems.certificatePem);
  return {
    privateKey: privateKey as CryptoKey,
    certificate,
    certificatePem: certificate.toString('pem'),
    certificateDer: new Uint8Array(certificate.rawData),
  };
}
