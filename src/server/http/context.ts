// What every request carries once the hooks have run: its language, the signed-in user (or null) and the
// CSRF token. Declared once here so routes and use cases read typed values, never raw cookies.

import type { UserView } from '../../db/repos/users.repo';
import type { DataVersions } from '../../db/versioned-read';
import type { Action } from '../../shared/authz';
import type { Locale } from '../../shared/i18n';

export interface AuthContext {
  /** sha256 of the session token, the session row's id. */
  sessionId: string;
  user: UserView;
  /**
   * The departments the user works for (ids, sorted), read with the session: staff other than administrators
   * reach only these departments' programs and applications.
   */
  departmentIds: readonly string[];
  /** The data versions read with the session, for reads kept in memory (src/db/versioned-read.ts). */
  dataVersions: DataVersions;
}

declare module 'fastify' {
  interface FastifyRequest {
    locale: Locale;
    auth: AuthContext | null;
    csrfToken: string;
  }
  interface FastifyContextConfig {
    /** The authorization table's action this route performs; required for every route. */
    action?: Action;
  }
}
