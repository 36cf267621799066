// `huiqi user create`: the way in for the first administrator of a production install, and for scripts.
import { createPasswordHasher } from '../server/auth/password';
import { createUser } from '../server/users/create-user';
import { createUserBody } from '../shared/api/admin';
import { AppError } from '../shared/errors';
import { isRole, ROLES } from '../shared/roles';
import { type CliContext, operatorContext, printJson, printLine, withDatabase } from './cli-context';
import { cliText, UsageError } from './cli-text';

export interface UserCreateOptions {
  role?: string;
  username?: string;
  displayName?: string;
  password?: string;
  passwordStdin?: boolean;
  enterprise?: string;
  /** Staff only: the codes of the departments the user works for, comma-separated. */
  departments?: string;
}

/** `a, b,,c` → ['a', 'b', 'c']. */
function codeList(value: string): string[] {
  return value
    .split(',')
    .map((code) => code.trim())
    .filter((code) => code.length > 0);
}

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
  const password = await passwordFrom(ctx, opts, opts.username.toLowerCase());
  // The same field rules as the API's form: one username rule, one display-name rule.
  const fields = createUserBody.safeParse({
    username: opts.username,
    displayName: opts.displayName ?? opts.username,
    role,
    password,
  });
  if (!fields.success) throw new AppError('FIELD_INVALID_FORMAT', 'validation');
  // An applicant with departments, or a code that names no department, is the use case's refusal.
  const departmentCodes = opts.departments === undefined ? [] : codeList(opts.departments);
  const input = {
    ...fields.data,
    ...(opts.enterprise ? { enterprise: { uscc: opts.enterprise } } : {}),
    ...(departmentCodes.length > 0 ? { departments: { codes: departmentCodes } } : {}),
  };
  const user = await withDatabase(ctx, (db) =>
    createUser({ ...operatorContext(ctx, db), hasher: createPasswordHasher(ctx.config.argon2) }, input),
  );
  const created = {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    enterpriseId: user.enterpriseId,
  };
  if (ctx.json) printJson(ctx, created);
  else printLine(ctx, cliText(ctx.locale, 'user.created', { username: user.username, role: user.role }));
  return 0;
}
