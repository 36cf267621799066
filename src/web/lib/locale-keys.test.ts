/// <reference types="vite/client" />
// Every text key the web app names exists in both languages, so no screen ever shows a raw key.
import { describe, expect, it } from 'vitest';
import { makeUscc } from '../../core/uscc/uscc';
import { ACTIONS } from '../../shared/authz';
import { hasMessage, LOCALES } from '../../shared/i18n';
import zhWeb from '../../shared/locales/zh-CN/web.json';
import { usccHint } from '../portal/pages/register';
import { navFor } from '../workspace/routes';

const sources = import.meta.glob(['../**/*.ts', '../**/*.tsx', '!../**/*.test.ts'], {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>;

const groups = Object.keys(zhWeb).join('|');
const literal = new RegExp(`'((?:${groups})\\.[A-Za-z0-9_.]+)'`, 'g');

function expectKeys(keys: Iterable<string>) {
  for (const locale of LOCALES) {
    for (const key of keys) expect(hasMessage(locale, `web.${key}`), `${locale}: web.${key}`).toBe(true);
  }
}

describe('web text keys', () => {
  it('finds the sources it scans', () => {
    expect(Object.keys(sources).length).toBeGreaterThan(20);
  });

  it('has every literal key used in the code', () => {
    const used = new Set<string>();
    for (const text of Object.values(sources))
      for (const match of text.matchAll(literal)) used.add(match[1] ?? '');
    // Authorization actions ('enterprise.read', …) share the look of text keys but are not text.
    for (const action of Object.keys(ACTIONS)) used.delete(action);
    expect(used.size).toBeGreaterThan(100);
    expectKeys(used);
  });

  it('has a label for every navigation entry of every role', () => {
    expectKeys(
      (['applicant', 'intake', 'expert', 'approver', 'finance', 'evaluator', 'admin'] as const).flatMap(
        (role) => navFor(role).map((route) => `nav.${route.nav}`),
      ),
    );
  });

  it('has every registration field label and USCC hint', () => {
    const fields = [
      'uscc',
      'enterpriseName',
      'district',
      'displayName',
      'contactPhone',
      'username',
      'password',
    ];
    expectKeys(fields.map((field) => `register.fields.${field}`));
    const valid = makeUscc('91440106MA59C7XX2');
    const wrongCheck = `${valid.slice(0, 17)}${valid.endsWith('0') ? '1' : '0'}`;
    const hints = ['', '123', '91440101MA5CXXXXI1', wrongCheck, valid].map((input) => usccHint(input));
    expect(hints.map((hint) => hint.key)).toEqual(['format', 'length', 'charset', 'checkDigit', 'valid']);
    expect(hints.map((hint) => hint.ok)).toEqual([false, false, false, false, true]);
    expectKeys(hints.map((hint) => `register.uscc.${hint.key}`));
  });
});
