import { describe, expect, it } from 'vitest';
import { t } from '../../../shared/i18n';
import { waitText } from './login';

const zh = (key: string, params?: Record<string, string | number | bigint>) =>
  t('zh-CN', `web.${key}`, params);
const en = (key: string, params?: Record<string, string | number | bigint>) =>
  t('en-US', `web.${key}`, params);

describe('the wait of a throttled sign-in', () => {
  it('names seconds under two minutes and whole minutes above, rounded up', () => {
    expect(waitText(8, zh)).toBe('登录失败次数过多，请 8 秒后再试。');
    expect(waitText(900, en)).toBe('Too many failed sign-in attempts. Please try again in 15 minutes.');
    expect(waitText(121, en)).toContain('3 minutes');
  });

  it('says later when the answer gave no wait', () => {
    expect(waitText(undefined, en)).toBe('Too many failed sign-in attempts. Please try again later.');
  });
});
