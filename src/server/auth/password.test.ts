import { describe, expect, it } from 'vitest';
import { hashPassword, passwordProblem, verifyPassword } from './password';

const CHEAP = { memoryKiB: 64, iterations: 1, parallelism: 1 };

describe('passwords', () => {
  it('hashes with argon2id in PHC form, salted, and verifies', async () => {
    const a = await hashPassword('Correct-Horse-9', CHEAP);
    const b = await hashPassword('Correct-Horse-9', CHEAP);
    expect(a).toMatch(/^\$argon2id\$v=19\$m=64,t=1,p=1\$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword(a, 'Correct-Horse-9')).toBe(true);
    expect(await verifyPassword(a, 'correct-horse-9')).toBe(false);
    expect(await verifyPassword('not a hash', 'x')).toBe(false);
  });

  it.each([
    ['short1!', undefined, 'PASSWORD_TOO_SHORT'],
    ['abcdefghij1', undefined, 'PASSWORD_TOO_SHORT'],
    ['密码密码密码密码密码a', undefined, 'PASSWORD_TOO_SHORT'],
    ['123qweasdzxc', undefined, 'PASSWORD_COMMON'],
    ['QWERTY123456', undefined, 'PASSWORD_COMMON'],
    ['1q2w3e4r5t6y', undefined, 'PASSWORD_COMMON'],
    ['zhangwei-2026-spring', 'ZhangWei', 'PASSWORD_CONTAINS_USERNAME'],
    ['Spring-ZHANGWEI-26', 'zhangwei', 'PASSWORD_CONTAINS_USERNAME'],
    ['aaaaaaaaaaaa', undefined, null],
    ['密码密码密码密码密码密码', undefined, null],
    ['Huiqi-demo-2023', 'admin', null],
    ['Spring-river-2026', 'zhangwei', null],
  ])('%s (user %s) → %s', (password, username, problem) => {
    expect(passwordProblem(password, username)).toBe(problem);
  });
});
