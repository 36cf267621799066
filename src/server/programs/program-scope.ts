// Which programs a signed-in staff user reaches: an administrator runs the platform and reaches every
// department's; other staff only the programs of the departments they work for (staff_departments, read with
// the session). A program out of reach answers 404, as if it did not exist — the rule of applications too
// (application-access.ts).
import { AppError } from '../../shared/errors';
import type { AuthContext } from '../http/context';

/** A filter for the programs the user reaches, to run over the cached list without a query of its own. */
export function reachesProgram(auth: AuthContext): (program: { departmentId: string }) => boolean {
  if (auth.user.role === 'admin') return () => true;
  const departmentIds = new Set(auth.departmentIds);
  return (program) => departmentIds.has(program.departmentId);
}

/** The program, when the user reaches it; PROGRAM_NOT_FOUND (404) when it does not exist or is out of reach. */
export function requireReachable<P extends { departmentId: string }>(
  auth: AuthContext,
  program: P | undefined,
): P {
  if (!program || !reachesProgram(auth)(program)) throw new AppError('PROGRAM_NOT_FOUND', 'not_found');
  return program;
}
