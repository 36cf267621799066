// The registration form's own checks, run before anything is sent: the same rules the server applies, as far
// as the browser can know them (the list of common passwords stays on the server). Each error is a key of the
// `register.errors` group; the form submits only when there is none.
import { checkUscc } from '../../../core/uscc/uscc';
import type { FieldError, RegisterBody } from '../../api/types';

export const SIZE_CLASS_OPTIONS = ['large', 'medium', 'small', 'micro'] as const;

export interface RegisterFields {
  uscc: string;
  usccCheckOverride: boolean;
  enterpriseName: string;
  district: string;
  sizeClass: '' | (typeof SIZE_CLASS_OPTIONS)[number];
  displayName: string;
  contactPhone: string;
  username: string;
  password: string;
}

export type FieldName = Exclude<keyof RegisterFields, 'usccCheckOverride'>;

export const EMPTY_FIELDS: RegisterFields = {
  uscc: '',
  usccCheckOverride: false,
  enterpriseName: '',
  district: '',
  sizeClass: '',
  displayName: '',
  contactPhone: '',
  username: '',
  password: '',
};

const PASSWORD_MIN = 12;

/** The hint under the USCC field: a key of the `register.uscc` group and whether it is good news. */
export function usccHint(value: string): { key: string; ok: boolean; params?: { length: number } } {
  if (value.trim() === '') return { key: 'format', ok: false };
  const check = checkUscc(value);
  if (check.ok) return { key: 'valid', ok: true };
  if (check.reason === 'length') return { key: 'length', ok: false, params: { length: check.uscc.length } };
  return { key: check.reason === 'charset' ? 'charset' : 'checkDigit', ok: false };
}

/** Whether the USCC fails only its check character, so the registrant may confirm it. */
export function failsOnlyCheckDigit(uscc: string): boolean {
  const check = checkUscc(uscc);
  return !check.ok && check.reason === 'check_digit';
}

/** Every field's error key, by field; an empty object when the form may be sent. */
export function fieldErrors(fields: RegisterFields): Partial<Record<FieldName, string>> {
  const errors: Partial<Record<FieldName, string>> = {};
  const required: FieldName[] = ['uscc', 'enterpriseName', 'district', 'displayName', 'username', 'password'];
  for (const name of required) if (fields[name].trim() === '') errors[name] = 'required';
  if (fields.sizeClass === '') errors.sizeClass = 'chooseSizeClass';
  if (!errors.uscc) {
    const hint = usccHint(fields.uscc);
    if (hint.key === 'checkDigit' && !fields.usccCheckOverride) errors.uscc = 'confirmCheckDigit';
    else if (!hint.ok && hint.key !== 'checkDigit') errors.uscc = 'usccFormat';
  }
  if (!errors.username && !/^[A-Za-z0-9._-]{3,40}$/.test(fields.username)) errors.username = 'username';
  if (!errors.password) {
    if ([...fields.password].length < PASSWORD_MIN) errors.password = 'passwordShort';
    else if (fields.username && fields.password.toLowerCase().includes(fields.username.toLowerCase()))
      errors.password = 'passwordUsername';
  }
  const phone = fields.contactPhone.trim();
  if (phone !== '' && !/^[0-9+\- ]{5,20}$/.test(phone)) errors.contactPhone = 'phone';
  return errors;
}

/** The request body for valid fields: optional ones left out when empty, the override only when needed. */
export function registerBody(fields: RegisterFields): RegisterBody {
  const { usccCheckOverride, contactPhone, sizeClass, ...rest } = fields;
  if (sizeClass === '') throw new Error('registerBody: the form has errors');
  return {
    ...rest,
    sizeClass,
    ...(contactPhone.trim() ? { contactPhone: contactPhone.trim() } : {}),
    ...(usccCheckOverride && failsOnlyCheckDigit(fields.uscc) ? { usccCheckOverride: true as const } : {}),
  };
}

const FIELD_NAMES = new Set<string>(Object.keys(EMPTY_FIELDS));

/** The server's field errors by field (its messages are already in the user's language) and the rest. */
export function serverFieldErrors(details: FieldError[]): {
  byField: Partial<Record<FieldName, string>>;
  other: FieldError[];
} {
  const byField: Partial<Record<FieldName, string>> = {};
  const other: FieldError[] = [];
  for (const detail of details) {
    const field = detail.path === 'usccCheckOverride' ? 'uscc' : detail.path;
    if (field && FIELD_NAMES.has(field) && field !== 'usccCheckOverride') {
      byField[field as FieldName] ??= detail.message;
    } else other.push(detail);
  }
  return { byField, other };
}
