// Users (用户): one role each; an applicant belongs to exactly one enterprise. Reads join the enterprise name
// so a signed-in user is one row; the password hash and TOTP secret only leave through the credential reads.
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Locale } from '../../shared/i18n';
import type { Role } from '../../shared/roles';
import type { Orm, Tx } from '../client';
import { enterprises, users } from '../schema';

type Db = Orm | Tx;

/** A user as the server reasons about it: no credentials. */
export interface UserView {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  enterpriseId: string | null;
  enterpriseName: string | null;
  locale: Locale;
  totpEnabled: boolean;
  lockedUntil: Date | null;
  disabledAt: Date | null;
}

/** The sign-in view: a user with its credentials and throttling state. */
export interface UserCredentials extends UserView {
  passwordHash: string;
  totpSecret: string | null;
  failedLoginCount: number;
}

const viewColumns = {
  id: users.id,
  username: users.username,
  displayName: users.displayName,
  role: users.role,
  enterpriseId: users.enterpriseId,
  enterpriseName: enterprises.name,
  locale: users.locale,
  totpEnabled: users.totpEnabled,
  lockedUntil: users.lockedUntil,
  disabledAt: users.disabledAt,
};

function asLocale(value: string): Locale {
  return value === 'en-US' ? 'en-US' : 'zh-CN';
}

function toView<T extends { locale: string }>(row: T): Omit<T, 'locale'> & { locale: Locale } {
  return { ...row, locale: asLocale(row.locale) };
}

export async function findUserById(db: Db, id: string): Promise<UserView | undefined> {
  const rows = await db
    .select(viewColumns)
    .from(users)
    .leftJoin(enterprises, eq(enterprises.id, users.enterpriseId))
    .where(eq(users.id, id));
  return rows[0] && toView(rows[0]);
}

/** The user with credentials, locked `FOR UPDATE` inside a transaction so concurrent failures count once each. */
export async function findCredentialsForUpdate(
  tx: Tx,
  username: string,
): Promise<UserCredentials | undefined> {
  const rows = await tx
    .select({
      ...viewColumns,
      passwordHash: users.passwordHash,
      totpSecret: users.totpSecret,
      failedLoginCount: users.failedLoginCount,
    })
    .from(users)
    .leftJoin(enterprises, eq(enterprises.id, users.enterpriseId))
    .where(eq(users.username, username.toLowerCase()))
    .for('update', { of: users });
  return rows[0] && toView(rows[0]);
}

export async function findTotpSecret(db: Db, id: string): Promise<string | null | undefined> {
  const rows = await db.select({ totpSecret: users.totpSecret }).from(users).where(eq(users.id, id));
  return rows[0]?.totpSecret;
}

export async function listUsers(db: Db): Promise<UserView[]> {
  const rows = await db
    .select(viewColumns)
    .from(users)
    .leftJoin(enterprises, eq(enterprises.id, users.enterpriseId))
    .orderBy(asc(users.username));
  return rows.map(toView);
}

export async function usernameExists(db: Db, username: string): Promise<boolean> {
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.username, username.toLowerCase()));
  return rows.length > 0;
}

/** Which of the given usernames exist (lower-cased). */
export async function existingUsernames(db: Db, usernames: string[]): Promise<Set<string>> {
  const wanted = usernames.map((u) => u.toLowerCase());
  const rows = await db
    .select({ username: users.username })
    .from(users)
    .where(inArray(users.username, wanted));
  return new Set(rows.map((r) => r.username));
}

export interface NewUser {
  username: string;
  displayName: string;
  role: Role;
  enterpriseId: string | null;
  passwordHash: string;
  locale: Locale;
  createdBy: string | null;
  now: Date;
}

export async function insertUser(tx: Tx, user: NewUser): Promise<string> {
  const rows = await tx
    .insert(users)
    .values({
      username: user.username.toLowerCase(),
      displayName: user.displayName,
      role: user.role,
      enterpriseId: user.enterpriseId,
      passwordHash: user.passwordHash,
      locale: user.locale,
      createdBy: user.createdBy,
      createdAt: user.now,
      updatedAt: user.now,
    })
    .returning({ id: users.id });
  const id = rows[0]?.id;
  if (!id) throw new Error('insertUser: no id returned');
  return id;
}

export async function recordFailedLogin(
  tx: Tx,
  id: string,
  count: number,
  lockedUntil: Date | null,
  now: Date,
) {
  await tx
    .update(users)
    .set({ failedLoginCount: count, lockedUntil, updatedAt: now })
    .where(eq(users.id, id));
}

export async function recordSuccessfulLogin(tx: Tx, id: string, now: Date) {
  await tx
    .update(users)
    .set({ failedLoginCount: 0, lockedUntil: null, updatedAt: now })
    .where(and(eq(users.id, id), sql`(${users.failedLoginCount} <> 0 OR ${users.lockedUntil} IS NOT NULL)`));
}

export async function setTotpSecret(tx: Tx, id: string, sealedSecret: string, now: Date) {
  await tx.update(users).set({ totpSecret: sealedSecret, updatedAt: now }).where(eq(users.id, id));
}

export async function setTotpEnabled(tx: Tx, id: string, enabled: boolean, now: Date) {
  await tx
    .update(users)
    .set({ totpEnabled: enabled, ...(enabled ? {} : { totpSecret: null }), updatedAt: now })
    .where(eq(users.id, id));
}

export async function setLocale(tx: Tx, id: string, locale: Locale, now: Date) {
  await tx.update(users).set({ locale, updatedAt: now }).where(eq(users.id, id));
}

export async function setDisabled(tx: Tx, id: string, now: Date) {
  await tx.update(users).set({ disabledAt: now, updatedAt: now }).where(eq(users.id, id));
}

export async function clearLock(tx: Tx, id: string, now: Date) {
  await tx
    .update(users)
    .set({ failedLoginCount: 0, lockedUntil: null, updatedAt: now })
    .where(eq(users.id, id));
}
