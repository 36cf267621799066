// The user's language choice (zh-CN / en-US), kept on the account so it follows them to another browser.
import { recordAudit } from '../../db/audit';
import { setLocale } from '../../db/repos/users.repo';
import type { Locale } from '../../shared/i18n';
import type { ServerDeps } from '../deps';
import type { AuthContext } from '../http/context';

export async function changeLocale(deps: ServerDeps, auth: AuthContext, locale: Locale, requestId: string) {
  if (auth.user.locale === locale) return;
  const now = deps.clock();
  await deps.db.orm.transaction(async (tx) => {
    await setLocale(tx, auth.user.id, locale, now);
    await recordAudit(tx, {
      action: 'user.locale_changed',
      entityType: 'user',
      entityId: auth.user.id,
      actorId: auth.user.id,
      actorRole: auth.user.role,
      before: { locale: auth.user.locale },
      after: { locale },
      requestId,
      at: now,
    });
  });
}
