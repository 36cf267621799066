import { describe, expect, it } from 'vitest';
import { commitmentWording, fileTypeLabel, formatFileSize, materialKindLabel } from './material-text';

describe('material text', () => {
  it('gives sizes in bytes, KB or MB', () => {
    expect(formatFileSize(820)).toBe('820 B');
    expect(formatFileSize(12_800)).toBe('12.5 KB');
    expect(formatFileSize(3_355_443)).toBe('3.2 MB');
  });

  it('names kinds and the commitment from the common catalog in both languages', () => {
    expect(materialKindLabel('zh-CN', 'fx_receipts')).toBe('收汇凭证');
    expect(materialKindLabel('en-US', 'commitment')).toBe('Credit commitment');
    expect(commitmentWording('zh-CN')).toMatch(/^本企业郑重承诺/);
    expect(fileTypeLabel('ofd')).toBe('OFD');
  });
});
