// `huiqi user create`: the way in for the first administrator of a production install, and for scripts.
import { recordAudit } from '../db/audit';
import { findEnterpriseByUscc } from '../db/repos/enterprises.repo';
import { insertUser, usernameExists } from '../db/repos/users.repo';
import { hashPassword, isPasswordStrong } from '../server/auth/password';
import { AppError } from '../shared/errors';
import { isRole, ROLES } from '../shared/roles';
import { type CliContext, printJson, printLine, withDatabase } from './cli-context';
import { cliText, UsageError } from './cli-text';

export interface UserCreateOptions {
  role?: string;
  username?: string;
  displayName?: string;
  password?: string;
  passwordStdin?: boolean;
  enterprise?: string;
}

const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{1,63}$/;

async function readAll(stream: NodeJS.ReadStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks).toString('utf8');
}

/** Reads a password from the terminal without echoing it. */
async function promptHidden(ctx: CliContext, prompt: string): Promise<string> {
  const { stdin } = ctx.io;
  ctx.io.stderr(prompt);
  stdin.setRawMode(true);
  stdin.resume();
  stdin.setEncoding('utf8');
  let typed = '';
  try {
    for await (const chunk of stdin) {
      for (const ch of String(chunk)) {
        if (ch === '\r' || ch === '\n') return typed;
        if (ch === '\u0003') throw new UsageError('passwordSource');
        typed = ch === '\u007f' ? typed.slice(0, -1) : typed + ch;
      }
    }
    return typed;
  } finally {
    stdin.setRawMode(false);
    stdin.pause();
    ctx.io.stderr('\n');
  }
}

async function passwordFrom(ctx: CliContext, opts: UserCreateOptions, username: string): Promise<string> {
  if (opts.password !== undefined) return opts.password;
  if (opts.passwordStdin) return (await readAll(ctx.io.stdin)).replace(/\r?\n$/, '');
  if (ctx.io.stdin.isTTY) return promptHidden(ctx, cliText(ctx.locale, 'user.passwordPrompt', { username }));
  throw new UsageError('passwordSource');
}

export async function runUserCreate(ctx: CliContext, opts: UserCreateOptions): Promise<number> {
  if (!opts.role) throw new UsageError('missingOption', { option: 'role' });
  if (!opts.username) throw new UsageError('missingOption', { option: 'username' });
  const role = opts.role;
  if (!isRole(role)) throw new UsageError('badRole', { role, roles: ROLES.join(', ') });
  if (role !== 'applicant' && opts.enterprise) throw new UsageError('enterpriseOnlyForApplicant');
  if (role === 'applicant' && !opts.enterprise) throw new AppError('ENTERPRISE_REQUIRED', 'validation');
  const username = opts.username.toLowerCase();
  if (!USERNAME_PATTERN.test(username)) throw new AppError('FIELD_INVALID_FORMAT', 'validation');
  const password = await passwordFrom(ctx, opts, username);
  if (!isPasswordStrong(password)) throw new AppError('PASSWORD_WEAK', 'validation');
  const passwordHash = await hashPassword(password, ctx.config.argon2);
  const now = ctx.now();

  const created = await withDatabase(ctx, (db) =>
    db.orm.transaction(async (tx) => {
      if (await usernameExists(tx, username)) throw new AppError('USERNAME_TAKEN', 'conflict');
      const enterprise = opts.enterprise ? await findEnterpriseByUscc(tx, opts.enterprise) : undefined;
      if (opts.enterprise && !enterprise) throw new AppError('ENTERPRISE_NOT_FOUND', 'not_found');
      const displayName = opts.displayName ?? username;
      const enterpriseId = enterprise?.id ?? null;
      const id = await insertUser(tx, {
        username,
        displayName,
        role,
        enterpriseId,
        passwordHash,
        locale: ctx.locale,
        createdBy: null,
        now,
      });
      await recordAudit(tx, {
        action: 'user.created',
        entityType: 'user',
        entityId: id,
        after: { username, displayName, role, enterpriseId, via: 'cli' },
        at: now,
      });
      return { id, username, displayName, role, enterpriseId };
    }),
  );
  if (ctx.json) printJson(ctx, created);
  else printLine(ctx, cliText(ctx.locale, 'user.created', { username, role }));
  return 0;
}
