import { describe, expect, it } from 'vitest';
import { demoBanner } from './demo-banner';

const credentials = ['admin', 'intake', 'approver', 'finance'].map((role) => ({
  role,
  username: role,
  password: 'Huiqi-demo-2023',
}));

describe('the demo banner', () => {
  it('lists the accounts and says which may skip two-factor sign-in in the development demo', () => {
    const banner = demoBanner(credentials, 'accounts', { demo: true, nodeEnv: 'development' });
    expect(banner).toContain('  approver   approver / Huiqi-demo-2023');
    expect(banner).toContain('开发演示中 approver、finance 可暂不启用');
    expect(banner).toContain('approver, finance may skip it');
    expect(banner).toContain('admin must enrol at first sign-in');
  });

  it('says nothing about skipping when no account may', () => {
    const banner = demoBanner(credentials, 'loaded', { demo: false, nodeEnv: 'development' });
    expect(banner).not.toMatch(/skip|跳过|暂不启用/);
  });
});
