// Sign-in. When the server answers AUTH_TOTP_REQUIRED the form asks for the authenticator code as a
// second step; a throttled attempt says how long to wait; every other answer is shown inline, in the
// server's words.
import { type FormEvent, useState } from 'react';
import { useSearchParams } from 'react-router';
import { ApiError, api } from '../../api/client';
import type { UserResponse } from '../../api/types';
import { type Translate, useT } from '../../lib/locale';
import { usePageTitle } from '../../lib/page-title';
import { afterSignIn } from '../../lib/redirect';

/** The wait of a throttled sign-in in words: seconds under two minutes, whole minutes (rounded up) above. */
export function waitText(seconds: number | undefined, tr: Translate) {
  if (seconds === undefined) return tr('login.throttledLater');
  const wait =
    seconds < 120 ? tr('login.seconds', { n: seconds }) : tr('login.minutes', { n: Math.ceil(seconds / 60) });
  return tr('login.throttled', { wait });
}

export function LoginPage() {
  const tr = useT();
  const [params] = useSearchParams();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [totpCode, setTotpCode] = useState('');
  const [needsTotp, setNeedsTotp] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  usePageTitle(tr('login.title'), tr('common.brand'));

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await api<UserResponse>('/api/auth/login', {
        method: 'POST',
        body: { username, password, ...(needsTotp ? { totpCode } : {}) },
        notify: false,
        redirectOn401: false,
      });
      window.location.assign(afterSignIn(params.get('next')));
    } catch (caught) {
      if (caught instanceof ApiError && caught.code === 'AUTH_TOTP_REQUIRED') {
        setNeedsTotp(true);
        setError(null);
      } else if (caught instanceof ApiError && caught.code === 'AUTH_THROTTLED') {
        setError(waitText(caught.retryAfterSeconds, tr));
      } else {
        setError(caught instanceof Error ? caught.message : String(caught));
      }
      setBusy(false);
    }
  }

  return (
    <>
      <h1>{tr('login.title')}</h1>
      <form className="form" onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor="login-username">{tr('login.username')}</label>
          <input
            id="login-username"
            name="username"
            autoComplete="username"
            required
            value={username}
            onChange={(e) => setUsername(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="login-password">{tr('login.password')}</label>
          <input
            id="login-password"
            name="password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </div>
        {needsTotp && (
          <div className="field">
            <label htmlFor="login-totp">{tr('login.totpCode')}</label>
            <input
              id="login-totp"
              name="totpCode"
              inputMode="numeric"
              autoComplete="one-time-code"
              pattern="\d{6}"
              maxLength={6}
              required
              // biome-ignore lint/a11y/noAutofocus: the code field appears as the second step; focus follows it.
              autoFocus
              aria-describedby="login-totp-hint"
              value={totpCode}
              onChange={(e) => setTotpCode(e.target.value.trim())}
            />
            <p id="login-totp-hint" className="hint">
              {tr('login.totpHint')}
            </p>
          </div>
        )}
        {error && (
          <p className="error-box" role="alert">
            {error}
          </p>
        )}
        <button className="button" type="submit" disabled={busy}>
          {tr('login.submit')}
        </button>
      </form>
    </>
  );
}
