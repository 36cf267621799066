// Self-registration of an enterprise and its first user. The USCC gets an immediate check-digit hint from
// the same pure function the server uses; the hint never reveals the expected character.
import { type FormEvent, useState } from 'react';
import { checkUscc } from '../../../core/uscc/uscc';
import { ApiError, api } from '../../api/client';
import type { FieldError, RegisterBody, UserResponse } from '../../api/types';
import { type Translate, useT } from '../../lib/locale';
import { usePageTitle } from '../../lib/page-title';

type Fields = Omit<RegisterBody, 'contactPhone'> & { contactPhone: string };

const EMPTY: Fields = {
  uscc: '',
  enterpriseName: '',
  district: '',
  username: '',
  password: '',
  displayName: '',
  contactPhone: '',
};

/** The hint under the USCC field: a key of the `register.uscc` group and whether it is good news. */
export function usccHint(value: string): { key: string; ok: boolean; params?: { length: number } } {
  if (value.trim() === '') return { key: 'format', ok: false };
  const check = checkUscc(value);
  if (check.ok) return { key: 'valid', ok: true };
  if (check.reason === 'length') return { key: 'length', ok: false, params: { length: check.uscc.length } };
  return { key: check.reason === 'charset' ? 'charset' : 'checkDigit', ok: false };
}

function Field(props: {
  id: keyof Fields;
  tr: Translate;
  value: string;
  onChange: (value: string) => void;
  type?: string;
  autoComplete?: string;
  required?: boolean;
  hint?: { text: string; className?: string };
}) {
  const inputId = `register-${props.id}`;
  const hintId = `${inputId}-hint`;
  return (
    <div className="field">
      <label htmlFor={inputId}>{props.tr(`register.fields.${props.id}`)}</label>
      <input
        id={inputId}
        name={props.id}
        type={props.type ?? 'text'}
        autoComplete={props.autoComplete ?? 'off'}
        required={props.required ?? true}
        aria-describedby={props.hint ? hintId : undefined}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
      />
      {props.hint && (
        <p id={hintId} className={`hint ${props.hint.className ?? ''}`} aria-live="polite">
          {props.hint.text}
        </p>
      )}
    </div>
  );
}

export function RegisterPage() {
  const tr = useT();
  const [fields, setFields] = useState<Fields>(EMPTY);
  const [error, setError] = useState<{ message: string; details: FieldError[] } | null>(null);
  const [busy, setBusy] = useState(false);
  usePageTitle(tr('register.title'), tr('common.brand'));
  const set = (key: keyof Fields) => (value: string) => setFields((prev) => ({ ...prev, [key]: value }));
  const hint = usccHint(fields.uscc);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const { contactPhone, ...rest } = fields;
    try {
      await api<UserResponse>('/api/auth/register', {
        method: 'POST',
        body: contactPhone.trim() ? { ...rest, contactPhone: contactPhone.trim() } : rest,
        notify: false,
        redirectOn401: false,
      });
      window.location.assign('/app/');
    } catch (caught) {
      setError(
        caught instanceof ApiError
          ? { message: caught.message, details: caught.details }
          : { message: String(caught), details: [] },
      );
      setBusy(false);
    }
  }

  return (
    <>
      <h1>{tr('register.title')}</h1>
      <p>{tr('register.intro')}</p>
      <form className="form" onSubmit={submit} noValidate>
        <Field
          id="uscc"
          tr={tr}
          value={fields.uscc}
          onChange={set('uscc')}
          hint={{
            text: tr(`register.uscc.${hint.key}`, hint.params),
            className: fields.uscc ? (hint.ok ? 'hint-ok' : 'hint-warn') : '',
          }}
        />
        <Field id="enterpriseName" tr={tr} value={fields.enterpriseName} onChange={set('enterpriseName')} />
        <Field id="district" tr={tr} value={fields.district} onChange={set('district')} />
        <Field
          id="displayName"
          tr={tr}
          value={fields.displayName}
          onChange={set('displayName')}
          autoComplete="name"
        />
        <Field
          id="contactPhone"
          tr={tr}
          type="tel"
          required={false}
          value={fields.contactPhone}
          onChange={set('contactPhone')}
          autoComplete="tel"
        />
        <Field
          id="username"
          tr={tr}
          value={fields.username}
          onChange={set('username')}
          autoComplete="username"
        />
        <Field
          id="password"
          tr={tr}
          type="password"
          value={fields.password}
          onChange={set('password')}
          autoComplete="new-password"
          hint={{ text: tr('register.passwordHint') }}
        />
        {error && (
          <div className="error-box" role="alert">
            <p>{error.message}</p>
            {error.details.length > 0 && (
              <ul>
                {error.details.map((d) => (
                  <li key={`${d.path ?? ''}-${d.code}`}>
                    {d.path ? `${d.path}: ` : ''}
                    {d.message}
                  </li>
                ))}
              </ul>
            )}
          </div>
        )}
        <button className="button" type="submit" disabled={busy}>
          {tr('register.submit')}
        </button>
      </form>
    </>
  );
}
