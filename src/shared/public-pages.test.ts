import { expect, test } from 'vitest';
import { isPublicPage } from './public-pages';

test('the public pages and their parameters match; other pages, deeper paths and empty parameters do not', () => {
  for (const path of ['/registry', '/registry/', '/registry/沪GS-2026-001', '/publicity/42', '/typical-cases/7']) {
    expect(isPublicPage(path)).toBe(true);
  }
  for (const path of ['/', '/login', '/registry/1/edit', '/registryx', '/rights', '/rights/clues/1', '/public']) {
    expect(isPublicPage(path)).toBe(false);
  }
});
