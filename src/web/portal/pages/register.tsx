// Self-registration of an enterprise and its first user. The USCC gets an immediate check-digit hint from
// the same pure function the server uses; the hint never reveals the expected character. A code failing only
// its check character can be sent once the registrant confirms it (some early codes do fail it). Nothing is
// sent while a field shows an error, and the server's field errors are shown on their fields.
import { type FormEvent, useState } from 'react';
import { ApiError, api } from '../../api/client';
import type { FieldError, UserResponse } from '../../api/types';
import { type Translate, useT } from '../../lib/locale';
import { usePageTitle } from '../../lib/page-title';
import { FormField, type FormFieldProps } from '../form-field';
import {
  EMPTY_FIELDS,
  type FieldName,
  failsOnlyCheckDigit,
  fieldErrors,
  type RegisterFields,
  registerBody,
  SIZE_CLASS_OPTIONS,
  serverFieldErrors,
  usccHint,
} from './register-form';

export { usccHint };

const ORDER: FieldName[] = [
  'uscc',
  'enterpriseName',
  'district',
  'sizeClass',
  'displayName',
  'contactPhone',
  'username',
  'password',
];

type FieldProps = Omit<FormFieldProps, 'inputId' | 'label'> & { id: FieldName; tr: Translate };

function Field({ id, tr, ...rest }: FieldProps) {
  return <FormField inputId={`register-${id}`} label={tr(`register.fields.${id}`)} {...rest} />;
}

export function RegisterPage() {
  const tr = useT();
  const [fields, setFields] = useState<RegisterFields>(EMPTY_FIELDS);
  const [touched, setTouched] = useState<Partial<Record<FieldName, boolean>>>({});
  const [serverErrors, setServerErrors] = useState<Partial<Record<FieldName, string>>>({});
  const [failure, setFailure] = useState<{ message: string; details: FieldError[] } | null>(null);
  const [busy, setBusy] = useState(false);
  usePageTitle(tr('register.title'), tr('common.brand'));

  const errors = fieldErrors(fields);
  const errorOf = (name: FieldName) =>
    serverErrors[name] ?? (touched[name] && errors[name] ? tr(`register.errors.${errors[name]}`) : undefined);
  const update = <K extends keyof RegisterFields>(key: K, value: RegisterFields[K]) => {
    setFields((prev) => ({ ...prev, [key]: value }));
    const field = key === 'usccCheckOverride' ? 'uscc' : (key as FieldName);
    setServerErrors((prev) => ({ ...prev, [field]: undefined }));
  };
  const blur = (name: FieldName) => () => setTouched((prev) => ({ ...prev, [name]: true }));
  const text = (name: Exclude<FieldName, 'sizeClass'>) => ({
    name,
    value: fields[name],
    onChange: (e: { target: { value: string } }) => update(name, e.target.value),
    onBlur: blur(name),
  });
  const hint = usccHint(fields.uscc);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFailure(null);
    const invalid = ORDER.filter((name) => errors[name] || serverErrors[name]);
    if (invalid.length > 0) {
      setTouched(Object.fromEntries(ORDER.map((name) => [name, true])));
      document.getElementById(`register-${invalid[0]}`)?.focus();
      return;
    }
    setBusy(true);
    try {
      await api<UserResponse>('/api/auth/register', {
        method: 'POST',
        body: registerBody(fields),
        notify: false,
        redirectOn401: false,
      });
      window.location.assign('/app/');
    } catch (caught) {
      const details = caught instanceof ApiError ? caught.details : [];
      const { byField, other } = serverFieldErrors(details);
      setServerErrors(byField);
      setFailure({ message: caught instanceof ApiError ? caught.message : String(caught), details: other });
      const first = ORDER.find((name) => byField[name]);
      if (first) document.getElementById(`register-${first}`)?.focus();
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
          error={errorOf('uscc')}
          hint={{
            text: tr(`register.uscc.${hint.key}`, hint.params),
            className: fields.uscc ? (hint.ok ? 'hint-ok' : 'hint-warn') : '',
          }}
        >
          {(props) => <input {...props} {...text('uscc')} autoComplete="off" required />}
        </Field>
        {failsOnlyCheckDigit(fields.uscc) && (
          <label className="field">
            <span>
              <input
                type="checkbox"
                name="usccCheckOverride"
                checked={fields.usccCheckOverride}
                onChange={(e) => update('usccCheckOverride', e.target.checked)}
              />{' '}
              {tr('register.uscc.confirmCheckDigit')}
            </span>
          </label>
        )}
        <Field id="enterpriseName" tr={tr} error={errorOf('enterpriseName')}>
          {(props) => <input {...props} {...text('enterpriseName')} autoComplete="organization" required />}
        </Field>
        <Field id="district" tr={tr} error={errorOf('district')}>
          {(props) => <input {...props} {...text('district')} autoComplete="off" required />}
        </Field>
        <Field
          id="sizeClass"
          tr={tr}
          error={errorOf('sizeClass')}
          hint={{ text: tr('register.sizeClassHint') }}
        >
          {(props) => (
            <select
              {...props}
              name="sizeClass"
              required
              value={fields.sizeClass}
              onChange={(e) => update('sizeClass', e.target.value as RegisterFields['sizeClass'])}
              onBlur={blur('sizeClass')}
            >
              <option value="">{tr('register.sizeClassChoose')}</option>
              {SIZE_CLASS_OPTIONS.map((size) => (
                <option key={size} value={size}>
                  {tr(`codes.sizeClass.${size}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="displayName" tr={tr} error={errorOf('displayName')}>
          {(props) => <input {...props} {...text('displayName')} autoComplete="name" required />}
        </Field>
        <Field id="contactPhone" tr={tr} error={errorOf('contactPhone')}>
          {(props) => <input {...props} {...text('contactPhone')} type="tel" autoComplete="tel" />}
        </Field>
        <Field id="username" tr={tr} error={errorOf('username')}>
          {(props) => <input {...props} {...text('username')} autoComplete="username" required />}
        </Field>
        <Field id="password" tr={tr} error={errorOf('password')} hint={{ text: tr('register.passwordHint') }}>
          {(props) => (
            <input {...props} {...text('password')} type="password" autoComplete="new-password" required />
          )}
        </Field>
        {failure && (
          <div className="error-box" role="alert">
            <p>{failure.message}</p>
            {failure.details.length > 0 && (
              <ul>
                {failure.details.map((d) => (
                  <li key={`${d.path ?? ''}-${d.code}`}>{d.message}</li>
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
