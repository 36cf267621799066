import { describe, expect, it } from 'vitest';
import { resolutionBody } from './resolution';

const NAMED = { applicationId: '0b7c1e2a-3f4d-4a5b-8c6d-7e8f9a0b1c2d' };
const WHOLE_LIST = { applicationId: null };
const TEXT = { investigation: '  核查了收汇凭证。 ', resolution: ' 异议成立。 ' };
const TRIMMED = { investigation: '核查了收汇凭证。', resolution: '异议成立。' };

describe('the resolution of an objection as sent', () => {
  it('dismisses with the texts trimmed and no remedy, whatever the form still holds', () => {
    expect(resolutionBody(NAMED, { outcome: 'dismissed', ...TEXT, remedy: 'reduce', limit: '1' })).toEqual({
      outcome: 'dismissed',
      ...TRIMMED,
    });
  });

  it('removes the award an upheld objection names, without a ceiling', () => {
    expect(resolutionBody(NAMED, { outcome: 'upheld', ...TEXT, remedy: 'remove', limit: '5' })).toEqual({
      outcome: 'upheld',
      ...TRIMMED,
      remedy: 'remove',
    });
  });

  it('reduces the award to the ceiling typed', () => {
    expect(
      resolutionBody(NAMED, { outcome: 'upheld', ...TEXT, remedy: 'reduce', limit: ' 80000.5 ' }),
    ).toEqual({
      outcome: 'upheld',
      ...TRIMMED,
      remedy: 'reduce',
      limit: '80000.5',
    });
  });

  it('upholds an objection against the whole list without a remedy', () => {
    expect(resolutionBody(WHOLE_LIST, { outcome: 'upheld', ...TEXT, remedy: 'remove' })).toEqual({
      outcome: 'upheld',
      ...TRIMMED,
    });
  });
});
