// Sign-in and registration are for visitors: someone already signed in who opens them (a bookmark, the back
// button) goes on to the workspace — to the page `next` names, as after signing in.
import { type ReactNode, useEffect } from 'react';
import { useSearchParams } from 'react-router';
import { useSession } from '../api/session';
import { afterSignIn } from '../lib/redirect';

export function SignedOutOnly({ children }: { children: ReactNode }) {
  const session = useSession();
  const [params] = useSearchParams();
  const signedIn = !!session.data?.user;
  useEffect(() => {
    if (signedIn) window.location.replace(afterSignIn(params.get('next')));
  }, [signedIn, params]);
  // Until the session is known nothing shows, so a signed-in user never sees the form flash by; if it cannot
  // be read, the form shows and the server has the last word.
  if (session.isPending || signedIn) return null;
  return <>{children}</>;
}
