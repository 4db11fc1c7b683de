import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { blocksPdf, createPdf, wrap } from './layout';

describe('layout', () => {
  it('wraps CJK anywhere, keeps closing punctuation off the start of a line, starts a line at each newline', async () => {
    const { font } = await createPdf('t', '商业秘密保护，。第一行第二行');
    const width = font.widthOfTextAtSize('商业秘密', 10);
    expect(wrap('商业秘密保护', font, 10, width)).toEqual(['商业秘密', '保护']);
    expect(wrap('商业秘密，保护', font, 10, width)).toEqual(['商业秘密，', '保护']);
    expect(wrap('第一行\n第二行', font, 10, width * 2)).toEqual(['第一行', '第二行']);
  });

  it('continues a table row taller than a page on the next pages, repeating the header', async () => {
    const long = '本单位建立了商业秘密保护制度，设专人负责，定期开展培训与自查。'.repeat(120);
    const bytes = await blocksPdf('测试', [
      { type: 'table', columns: [0.3, 0.7], header: ['项目', '内容'], rows: [['工作开展情况', long]] },
    ]);
    expect((await PDFDocument.load(bytes)).getPageCount()).toBeGreaterThan(2);
  });
});
