// The column kinds every table uses: uuid ids, creation times, money in minor units, calendar days, instants.
import { bigint, date, timestamp, uuid } from 'drizzle-orm/pg-core';

export const id = () => uuid('id').primaryKey().defaultRandom();
export const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
export const money = (name: string) => bigint(name, { mode: 'bigint' });
/** Calendar dates stay 'YYYY-MM-DD' strings: no time zone can shift them. */
export const day = (name: string) => date(name, { mode: 'string' });
export const tsz = (name: string) => timestamp(name, { withTimezone: true });
