import { describe, expect, it } from 'vitest';
import { readCookie } from './client';

describe('readCookie', () => {
  it('finds a cookie among others and decodes it', () => {
    const cookies = 'huiqi_locale=en-US; huiqi_csrf=a%2Bb%3D; other=1';
    expect(readCookie('huiqi_csrf', cookies)).toBe('a+b=');
    expect(readCookie('huiqi_locale', cookies)).toBe('en-US');
  });

  it('matches whole names only', () => {
    expect(readCookie('csrf', 'huiqi_csrf=x')).toBeUndefined();
    expect(readCookie('huiqi_csrf', 'x_huiqi_csrf=1; huiqi_csrf=2')).toBe('2');
  });

  it('answers undefined when the cookie is absent or the string is empty', () => {
    expect(readCookie('huiqi_csrf', '')).toBeUndefined();
    expect(readCookie('huiqi_csrf', 'flag')).toBeUndefined();
  });
});
