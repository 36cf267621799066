// The user's language choice (zh-CN / en-US), kept on the account so it follows them to another browser.
import { setLocale } from '../../db/repos/users.repo';
import type { Locale } from '../../shared/i18n';
import type { AuthContext } from '../http/context';
import { audit, transact, type UseCaseContext } from '../use-case';

export async function changeLocale(
  ctx: UseCaseContext & { auth: AuthContext },
  input: { locale: Locale },
): Promise<void> {
  const { user } = ctx.auth;
  if (user.locale === input.locale) return;
  const now = ctx.clock();
  await transact(ctx, async (tx) => {
    await setLocale(tx, user.id, input.locale, now);
    await audit(tx, ctx, now, {
      action: 'user.locale_changed',
      entityId: user.id,
      before: { locale: user.locale },
      after: { locale: input.locale },
    });
  });
}
