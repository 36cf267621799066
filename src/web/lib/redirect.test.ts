import { describe, expect, it } from 'vitest';
import { afterSignIn, signInUrl } from './redirect';

describe('signInUrl', () => {
  it('remembers the path and query to come back to', () => {
    expect(signInUrl({ pathname: '/app/enterprises', search: '?q=云' })).toBe(
      '/login?next=%2Fapp%2Fenterprises%3Fq%3D%E4%BA%91',
    );
  });
});

describe('afterSignIn', () => {
  it.each([
    ['/app/users', '/app/users'],
    ['/app', '/app'],
    ['/app/enterprises/1?x=1', '/app/enterprises/1?x=1'],
    [null, '/app/'],
    ['', '/app/'],
    ['//evil.example/app/', '/app/'],
    ['https://evil.example/app/', '/app/'],
    ['/application', '/app/'],
    ['/login', '/app/'],
    ['javascript:alert(1)', '/app/'],
  ])('%s → %s', (next, expected) => {
    expect(afterSignIn(next)).toBe(expected);
  });
});
