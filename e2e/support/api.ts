// Signing in through the API (for data the tests need, not for what they check): the CSRF double-submit
// cookie first, then the JSON call with the header.
import type { APIRequestContext } from '@playwright/test';

export async function apiSignIn(request: APIRequestContext, username: string, password: string) {
  const session = await request.get('/api/session');
  const { csrfToken } = (await session.json()) as { csrfToken: string };
  return request.post('/api/auth/login', {
    data: { username, password },
    headers: { 'x-csrf-token': csrfToken },
  });
}
