// Users (用户): one role each; an applicant belongs to exactly one enterprise. Reads join the enterprise name
// so a signed-in user is one row; the password hash and TOTP secret only leave through the credential reads.
// A user's lock is its account-wide sign-in delay (auth_throttles), joined in so the administrator sees it.
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Locale } from '../../shared/i18n';
import type { Role } from '../../shared/roles';
import type { Orm, Tx } from '../client';
import { authThrottles, enterprises, users } from '../schema';
import { deleteAccountThrottles } from './auth-throttles.repo';
import { departmentIdsColumn } from './staff-departments.repo';

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
  /** The demo's permission to skip two-factor sign-in; honoured only in the development demo. */
  totpOptionalInDemo: boolean;
  /** Until when sign-ins to this account are delayed from every address; null when they are not. */
  lockedUntil: Date | null;
  /** An administrator set the password: the user must choose a new one before anything else. */
  mustChangePassword: boolean;
  disabledAt: Date | null;
}

/** A user as the administrator lists it: with the departments it works for (ids, sorted). */
export interface UserWithDepartments extends UserView {
  departmentIds: string[];
}

/** The sign-in view: a user with its credentials. */
export interface UserCredentials extends UserView {
  passwordHash: string;
  totpSecret: string | null;
  /** The time step of the last TOTP code accepted: that code and older ones are refused. */
  totpLastStep: number | null;
}

/** A `UserView`'s columns: a read of them joins `enterprises` and `authThrottles` as `findUserById` does. */
export const viewColumns = {
  id: users.id,
  username: users.username,
  displayName: users.displayName,
  role: users.role,
  enterpriseId: users.enterpriseId,
  enterpriseName: enterprises.name,
  locale: users.locale,
  totpEnabled: users.totpEnabled,
  totpOptionalInDemo: users.totpOptionalInDemo,
  lockedUntil: authThrottles.blockedUntil,
  mustChangePassword: users.mustChangePassword,
  disabledAt: users.disabledAt,
};

/** The join condition of a user's account-wide sign-in delay. */
export const accountThrottle = and(
  eq(authThrottles.scope, 'sign_in_account'),
  eq(authThrottles.account, users.username),
  eq(authThrottles.address, ''),
);

function asLocale(value: string): Locale {
  return value === 'en-US' ? 'en-US' : 'zh-CN';
}

export function toView<T extends { locale: string }>(row: T): Omit<T, 'locale'> & { locale: Locale } {
  return { ...row, locale: asLocale(row.locale) };
}

export async function findUserById(db: Db, id: string): Promise<UserView | undefined> {
  const rows = await db
    .select(viewColumns)
    .from(users)
    .leftJoin(enterprises, eq(enterprises.id, users.enterpriseId))
    .leftJoin(authThrottles, accountThrottle)
    .where(eq(users.id, id));
  return rows[0] && toView(rows[0]);
}

/** The user, its row locked `FOR UPDATE` inside a transaction, so changes to it are made one at a time. */
export async function findUserForUpdate(tx: Tx, id: string): Promise<UserView | undefined> {
  const rows = await tx
    .select(viewColumns)
    .from(users)
    .leftJoin(enterprises, eq(enterprises.id, users.enterpriseId))
    .leftJoin(authThrottles, accountThrottle)
    .where(eq(users.id, id))
    .for('update', { of: users });
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
      totpLastStep: users.totpLastStep,
    })
    .from(users)
    .leftJoin(enterprises, eq(enterprises.id, users.enterpriseId))
    .leftJoin(authThrottles, accountThrottle)
    .where(eq(users.username, username.toLowerCase()))
    .for('update', { of: users });
  return rows[0] && toView(rows[0]);
}

export async function findTotpSecret(db: Db, id: string): Promise<string | null | undefined> {
  const rows = await db.select({ totpSecret: users.totpSecret }).from(users).where(eq(users.id, id));
  return rows[0]?.totpSecret;
}

export async function listUsers(db: Db): Promise<UserWithDepartments[]> {
  const rows = await db
    .select({ ...viewColumns, departmentIds: departmentIdsColumn })
    .from(users)
    .leftJoin(enterprises, eq(enterprises.id, users.enterpriseId))
    .leftJoin(authThrottles, accountThrottle)
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
  /** The password was set by someone else, who knows it: the user must choose their own at sign-in. */
  mustChangePassword?: boolean;
  /** Demo accounts only: may skip two-factor sign-in in the development demo. */
  totpOptionalInDemo?: boolean;
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
      mustChangePassword: user.mustChangePassword ?? false,
      totpOptionalInDemo: user.totpOptionalInDemo ?? false,
      createdAt: user.now,
      updatedAt: user.now,
    })
    .returning({ id: users.id });
  const id = rows[0]?.id;
  if (!id) throw new Error('insertUser: no id returned');
  return id;
}

/** A new secret starts with no used step: codes of the old secret never match it anyway. */
export async function setTotpSecret(tx: Tx, id: string, sealedSecret: string, now: Date) {
  await tx
    .update(users)
    .set({ totpSecret: sealedSecret, totpLastStep: null, updatedAt: now })
    .where(eq(users.id, id));
}

/** The TOTP state of a user, locked `FOR UPDATE` so one code is accepted by one request only. */
export async function findTotpForUpdate(tx: Tx, id: string) {
  const rows = await tx
    .select({ secret: users.totpSecret, lastStep: users.totpLastStep })
    .from(users)
    .where(eq(users.id, id))
    .for('update');
  return rows[0];
}

export async function setTotpLastStep(tx: Tx, id: string, step: number) {
  await tx.update(users).set({ totpLastStep: step }).where(eq(users.id, id));
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

/** Disables the user at `now`, or re-enables them with `null`. */
export async function setDisabled(tx: Tx, id: string, disabledAt: Date | null, now: Date) {
  await tx.update(users).set({ disabledAt, updatedAt: now }).where(eq(users.id, id));
}

export async function setRole(tx: Tx, id: string, role: Role, now: Date) {
  await tx.update(users).set({ role, updatedAt: now }).where(eq(users.id, id));
}

/** The password hash of a user, locked `FOR UPDATE` so a password changes once per check of the old one. */
export async function findPasswordHashForUpdate(tx: Tx, id: string): Promise<string | undefined> {
  const rows = await tx
    .select({ passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.id, id))
    .for('update');
  return rows[0]?.passwordHash;
}

/** A new password; `mustChange` when an administrator set it and the user must replace it. */
export async function setPassword(
  tx: Tx,
  id: string,
  input: { passwordHash: string; mustChange: boolean },
  now: Date,
) {
  await tx
    .update(users)
    .set({ passwordHash: input.passwordHash, mustChangePassword: input.mustChange, updatedAt: now })
    .where(eq(users.id, id));
}

/** Lifts every sign-in delay of the user's account, from every address (the administrator's unlock). */
export async function clearLock(tx: Tx, id: string, now: Date) {
  const rows = await tx
    .update(users)
    .set({ updatedAt: now })
    .where(eq(users.id, id))
    .returning({ username: users.username });
  if (rows[0]) await deleteAccountThrottles(tx, rows[0].username);
}
