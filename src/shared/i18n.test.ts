import { describe, expect, it } from 'vitest';
import { allKeys, pickLocale, t } from './i18n';

describe('locales', () => {
  it('zh-CN and en-US carry the same keys', () => {
    expect(allKeys('en-US')).toEqual(allKeys('zh-CN'));
  });

  it('keeps every placeholder of a message in both languages', () => {
    const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of allKeys('zh-CN')) {
      expect(placeholders(t('en-US', key)), key).toEqual(placeholders(t('zh-CN', key)));
    }
  });

  it('fills placeholders and falls back to the key', () => {
    expect(t('zh-CN', 'common.roles.admin')).toBe('系统管理员');
    expect(t('en-US', 'common.roles.admin')).toBe('Administrator');
    expect(t('en-US', 'no.such.key')).toBe('no.such.key');
  });

  it('picks a supported locale from explicit choices or Accept-Language', () => {
    expect(pickLocale(undefined, 'en-GB,en;q=0.9')).toBe('en-US');
    expect(pickLocale('zh-CN', 'en-US')).toBe('zh-CN');
    expect(pickLocale(null, 'fr-FR')).toBe('zh-CN');
    expect(pickLocale()).toBe('zh-CN');
  });
});
