import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

const SECRET = 's'.repeat(32);
const KEY = 'k'.repeat(32);

function issuesOf(env: NodeJS.ProcessEnv): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).issues.map((i) => i.variable);
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('gives development defaults with derived, stable secrets and says so', () => {
    const a = loadConfig({ HUIQI_DATA_DIR: '/srv/huiqi-a' });
    expect(a).toMatchObject({
      nodeEnv: 'development',
      port: 3000,
      host: '127.0.0.1',
      databaseUrl: undefined,
      dataDir: '/srv/huiqi-a',
      sessionTtlHours: 12,
      argon2: { memoryKiB: 19456, iterations: 2, parallelism: 1 },
      bodyLimitBytes: 1048576,
      rateLimit: { globalPerMinute: 600, loginPerMinute: 10 },
      demo: true,
      trustProxy: false,
    });
    expect(a.sessionSecret).toHaveLength(64);
    expect(a.sessionSecret).not.toBe(a.encryptionKey);
    expect(loadConfig({ HUIQI_DATA_DIR: '/srv/huiqi-a' }).sessionSecret).toBe(a.sessionSecret);
    expect(loadConfig({ HUIQI_DATA_DIR: '/srv/huiqi-b' }).sessionSecret).not.toBe(a.sessionSecret);
    expect(a.warnings.join()).toContain('HUIQI_SESSION_SECRET');
  });

  it('lists every bad variable at once, in Chinese and English', () => {
    const env = {
      NODE_ENV: 'production',
      PORT: '3e3',
      DATABASE_URL: 'mysql://x',
      HUIQI_SESSION_SECRET: 'short',
    };
    expect(issuesOf(env).sort()).toEqual([
      'DATABASE_URL',
      'HUIQI_AUDIT_KEY',
      'HUIQI_ENCRYPTION_KEY',
      'HUIQI_SESSION_SECRET',
      'PORT',
    ]);
    const message = (() => {
      try {
        loadConfig(env);
      } catch (error) {
        return (error as Error).message;
      }
    })();
    expect(message).toContain('配置无效');
    expect(message).toContain('Invalid configuration');
  });

  it('refuses the demo and weak password hashing in production', () => {
    const prod = {
      NODE_ENV: 'production',
      HUIQI_SESSION_SECRET: SECRET,
      HUIQI_ENCRYPTION_KEY: KEY,
      HUIQI_AUDIT_KEY: `${KEY}-audit`,
    };
    expect(loadConfig(prod)).toMatchObject({ demo: false, warnings: [] });
    expect(issuesOf({ ...prod, HUIQI_DEMO: '1' })).toEqual(['HUIQI_DEMO']);
    expect(issuesOf({ ...prod, HUIQI_ARGON2_MEMORY_KIB: '64' })).toEqual(['HUIQI_ARGON2_MEMORY_KIB']);
  });

  it('reads the overrides tests and operators use', () => {
    const c = loadConfig({
      NODE_ENV: 'test',
      HUIQI_DEMO: '0',
      HUIQI_ARGON2_MEMORY_KIB: '64',
      HOST: '0.0.0.0',
      PORT: '0',
      DATABASE_URL: 'postgres://u@db:5432/huiqi',
      HUIQI_TRUST_PROXY: 'true',
    });
    expect(c).toMatchObject({ demo: false, host: '0.0.0.0', port: 0, trustProxy: true, logLevel: 'silent' });
    expect(c.argon2.memoryKiB).toBe(64);
    expect(c.databaseUrl).toBe('postgres://u@db:5432/huiqi');
  });

  it('rejects values that only look like numbers or flags', () => {
    expect(issuesOf({ PORT: '70000', HUIQI_DEMO: 'yes', NODE_ENV: 'staging' }).sort()).toEqual([
      'HUIQI_DEMO',
      'NODE_ENV',
      'PORT',
    ]);
  });
});
