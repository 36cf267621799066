// What self-registration writes beyond the enterprise and user rows.
import { eq } from 'drizzle-orm';
import type { Tx } from '../client';
import { enterprises } from '../schema';

/** The reason recorded when a registrant confirms a USCC whose check character fails. */
export const REGISTRANT_CONFIRMED = 'registrant_confirmed';

/**
 * Records that the registrant confirmed a USCC failing its check character: early codes issued before
 * GB 32100-2015 was applied uniformly do fail it, and intake verifies them against the registry.
 */
export async function recordUsccConfirmedByRegistrant(tx: Tx, enterpriseId: string, userId: string) {
  await tx
    .update(enterprises)
    .set({ usccOverrideBy: userId, usccOverrideReason: REGISTRANT_CONFIRMED })
    .where(eq(enterprises.id, enterpriseId));
}
