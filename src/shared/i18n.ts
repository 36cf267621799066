// Locale lookup shared by the server (error messages, CLI) and the web app. Text lives in the JSON files
// under ./locales/<locale>/<namespace>.json, zh-CN first; en-US must carry the same keys. Error messages are
// split by area (errors-core, errors-rules, errors-server) and merged into one `errors` namespace keyed by code.
import enCli from './locales/en-US/cli.json';
import enCommon from './locales/en-US/common.json';
import enErrorsCore from './locales/en-US/errors-core.json';
import enErrorsRules from './locales/en-US/errors-rules.json';
import enErrorsServer from './locales/en-US/errors-server.json';
import enRules from './locales/en-US/rules.json';
import enWeb from './locales/en-US/web.json';
import zhCli from './locales/zh-CN/cli.json';
import zhCommon from './locales/zh-CN/common.json';
import zhErrorsCore from './locales/zh-CN/errors-core.json';
import zhErrorsRules from './locales/zh-CN/errors-rules.json';
import zhErrorsServer from './locales/zh-CN/errors-server.json';
import zhRules from './locales/zh-CN/rules.json';
import zhWeb from './locales/zh-CN/web.json';

export const LOCALES = ['zh-CN', 'en-US'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'zh-CN';

type Tree = { [key: string]: string | Tree };

const catalogs: Record<Locale, Tree> = {
  'zh-CN': {
    cli: zhCli,
    common: zhCommon,
    errors: { ...zhErrorsCore, ...zhErrorsRules, ...zhErrorsServer },
    rules: zhRules,
    web: zhWeb,
  },
  'en-US': {
    cli: enCli,
    common: enCommon,
    errors: { ...enErrorsCore, ...enErrorsRules, ...enErrorsServer },
    rules: enRules,
    web: enWeb,
  },
};

export type MessageParams = Record<string, string | number | bigint>;

function lookup(tree: Tree, key: string): string | undefined {
  let node: string | Tree | undefined = tree;
  for (const part of key.split('.')) {
    if (node === undefined || typeof node === 'string') return undefined;
    node = node[part];
  }
  return typeof node === 'string' ? node : undefined;
}

/** True when the key exists in the given locale. */
export function hasMessage(locale: Locale, key: string): boolean {
  return lookup(catalogs[locale], key) !== undefined;
}

/** Translates `namespace.key` and fills `{name}` placeholders; falls back to zh-CN, then to the key itself. */
export function t(locale: Locale, key: string, params: MessageParams = {}): string {
  const template = lookup(catalogs[locale], key) ?? lookup(catalogs[DEFAULT_LOCALE], key) ?? key;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

/** Picks a supported locale from an explicit choice or an Accept-Language header. */
export function pickLocale(...candidates: (string | undefined | null)[]): Locale {
  for (const candidate of candidates) {
    if (!candidate) continue;
    for (const part of candidate.split(',')) {
      const tag = part.split(';')[0]?.trim().toLowerCase() ?? '';
      if (tag.startsWith('en')) return 'en-US';
      if (tag.startsWith('zh')) return 'zh-CN';
    }
  }
  return DEFAULT_LOCALE;
}

/** Every key path in a locale's catalog, for the test that keeps zh-CN and en-US in step. */
export function allKeys(locale: Locale): string[] {
  const keys: string[] = [];
  const walk = (tree: Tree, prefix: string) => {
    for (const [k, v] of Object.entries(tree)) {
      const path = prefix ? `${prefix}.${k}` : k;
      if (typeof v === 'string') keys.push(path);
      else walk(v, path);
    }
  };
  walk(catalogs[locale], '');
  return keys.sort();
}
