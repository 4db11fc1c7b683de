/**
 * The evidence certificate's text layer: a digest, a label or a root hash copied out of the PDF is exactly what was
 * printed — no ligature glyph ("ff", "fi", "fl") swallows letters.
 */
import { describe, expect, it } from 'vitest';
import { pdfText } from '../../../test/helpers/pdf';
import { renderEvidenceCertificate } from './evidence-certificate';

const base = {
  certificateNo: 'SMEV-20261207-0FF1CEFF',
  unitName: '杭州普瑞科技有限公司',
  creditCode: '91330100MA2KXXXX1F',
  algorithm: 'sha256',
  timestampTime: new Date('2026-12-07T03:00:00Z'),
  origin: 'shangmi.local/evidence',
  leafIndex: 12,
  treeSize: 40,
  keyId: 'shangmi.local/evidence+0ff1ceff',
  verifyUrl: 'https://shangmi.example/verify?no=SMEV-20261207-0FF1CEFF',
};

describe('the evidence certificate', () => {
  it('copies digests and labels with ff, fi, fl out of the text layer exactly', async () => {
    const digests = [
      'ff'.repeat(32),
      `${'0ffe'.repeat(8)}${'affb'.repeat(8)}`,
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
      'ffffffff00000000fffffffffffffffffbfbfbfbffaffaffaffaffaffaffaffa',
    ];
    for (const digest of digests) {
      const label = 'office fluff file flow 配方 ffi ffl';
      const rootHash = 'ffiflffl+Aff/fi=';
      const bytes = await renderEvidenceCertificate({ ...base, digest, label, rootHash });
      const text = (await pdfText(bytes)).text.replace(/\s/g, '');
      expect(text, digest).toContain(digest);
      expect(text).toContain(label.replace(/\s/g, ''));
      expect(text).toContain(rootHash);
      expect(text).toContain(base.certificateNo);
    }
  }, 120_000);
});
