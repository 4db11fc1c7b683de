import { describe, expect, it } from 'vitest';
import { MAX_ATTACHMENT_BYTES, uploadProblem } from './attachments';

describe('uploadProblem', () => {
  it('accepts the accepted types within the size limit', () => {
    expect(uploadProblem({ name: '保密制度.PDF', size: 1024 })).toBeNull();
    expect(uploadProblem({ name: '台账.xlsx', size: MAX_ATTACHMENT_BYTES })).toBeNull();
  });

  it('refuses an oversized, empty or unaccepted file before it is sent', () => {
    expect(uploadProblem({ name: '录像.pdf', size: MAX_ATTACHMENT_BYTES + 1 })).toBe('录像.pdf：附件不能超过 20 MB');
    expect(uploadProblem({ name: '空.pdf', size: 0 })).toBe('空.pdf：文件为空');
    expect(uploadProblem({ name: '程序.exe', size: 10 })).toMatch(/^程序\.exe：不支持的文件类型，仅接受：PDF、/);
  });
});
