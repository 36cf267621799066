import { describe, expect, it } from 'vitest';
import { AppError } from '../shared/errors';
import enCli from '../shared/locales/en-US/cli.json';
import zhCli from '../shared/locales/zh-CN/cli.json';
import { cliText, errorMessage, UsageError } from './cli-text';

type Tree = { [key: string]: string | Tree };
function keys(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) =>
    typeof v === 'string' ? [`${prefix}${k}`] : keys(v, `${prefix}${k}.`),
  );
}

describe('CLI text', () => {
  it('has the same keys in zh-CN and en-US', () => {
    expect(keys(zhCli).sort()).toEqual(keys(enCli).sort());
  });

  it('fills placeholders and explains drift in the chosen language', () => {
    expect(cliText('en-US', 'audit.ok', { checked: 3 })).toBe('Audit log intact: 3 events checked.');
    const drift = new AppError('MIGRATION_DRIFT', 'internal', { id: '0002_x', reason: 'changed' });
    expect(errorMessage('en-US', drift)).toContain('migration 0002_x was changed after it was applied');
    expect(errorMessage('zh-CN', drift)).toContain('迁移 0002_x 在应用后被修改');
    expect(errorMessage('en-US', new UsageError('missingOption', { option: 'role' }))).toBe(
      'Missing option --role.',
    );
  });
});
