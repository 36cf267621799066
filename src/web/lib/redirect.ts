// Where sign-in starts and where it leads: an expired session goes to sign-in with the page to come back
// to, and sign-in only ever returns into the workspace, so `next` cannot be used as an open redirect.

/** The sign-in page, remembering the page the user was on. */
export function signInUrl(current: { pathname: string; search: string }): string {
  return `/login?next=${encodeURIComponent(current.pathname + current.search)}`;
}

/** The workspace path to open after sign-in: `next` when it is one, else the workspace home. */
export function afterSignIn(next: string | null): string {
  return next && /^\/app(\/|$)/.test(next) ? next : '/app/';
}
