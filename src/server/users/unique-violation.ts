// PostgreSQL's unique_violation (23505), however the driver wraps it: two requests racing for one username
// both pass the existence check, and the constraint decides; the loser gets a 409, not a 500.

/** The name of the violated unique constraint, or undefined when the error is something else. */
export function uniqueViolation(error: unknown): string | undefined {
  for (let e: unknown = error, depth = 0; e && typeof e === 'object' && depth < 5; depth++) {
    const { code, constraint } = e as { code?: unknown; constraint?: unknown };
    if (code === '23505') return typeof constraint === 'string' ? constraint : '';
    e = 'cause' in e ? e.cause : undefined;
  }
  return undefined;
}
