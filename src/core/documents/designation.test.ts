import { describe, expect, it } from 'vitest';
import { designation } from './designation';

describe('designation', () => {
  it('names the certifying area instead of the level', () => {
    expect(designation('区级商业秘密保护示范点', '普陀区')).toBe('普陀区商业秘密保护示范点');
    expect(designation('市级商业秘密保护示范指导站', '绍兴市')).toBe('绍兴市商业秘密保护示范指导站');
  });
  it('keeps a title without a level word, and the national level', () => {
    expect(designation('商业秘密保护示范企业', '武汉市')).toBe('商业秘密保护示范企业');
    expect(designation('国家级商业秘密保护示范区', '全国')).toBe('国家级商业秘密保护示范区');
  });
});
