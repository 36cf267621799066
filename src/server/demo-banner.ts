// What a development server prints at start while the demo accounts exist (printed, never logged: log files
// keep no passwords): the accounts in both languages, and who may skip two-factor sign-in. The demo lets its
// approver and finance accounts skip it so a visitor can look around; the administrator enrols like a real
// one; production never loads the demo, so never skips.
import type { Config } from '../config';
import { DEMO_USERS } from '../db/demo/data';
import type { DemoCredential } from '../db/demo/load-demo';
import { t } from '../shared/i18n';
import { isRole } from '../shared/roles';
import { roleRequiresTotp, totpRequired } from './auth/two-factor';

export function demoBanner(
  credentials: readonly DemoCredential[],
  heading: 'loaded' | 'accounts',
  config: Pick<Config, 'demo' | 'nodeEnv'>,
): string {
  const optional = new Set(DEMO_USERS.filter((u) => u.totpOptional).map((u) => u.username));
  const skippers: string[] = [];
  const required: string[] = [];
  for (const { role, username } of credentials) {
    if (!isRole(role) || !roleRequiresTotp(role)) continue;
    const user = { role, totpOptionalInDemo: optional.has(username) };
    (totpRequired(user, config) ? required : skippers).push(username);
  }
  const lines = [
    t('zh-CN', `cli.seed.${heading}`),
    t('en-US', `cli.seed.${heading}`),
    ...credentials.map((c) => `  ${c.role.padEnd(10)} ${c.username} / ${c.password}`),
  ];
  if (skippers.length > 0) {
    for (const locale of ['zh-CN', 'en-US'] as const) {
      const list = (names: string[]) => names.join(locale === 'zh-CN' ? '、' : ', ');
      lines.push(
        t(locale, 'cli.seed.totpSkip', { skippers: list(skippers), required: list(required) || '—' }),
      );
    }
  }
  return `${lines.join('\n')}\n`;
}
