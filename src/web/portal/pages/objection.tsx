// Filing an objection (异议) to a published award list, under one's real name with a way to be reached, while
// its period runs. Nothing is sent while a field shows an error; the server's field errors are shown on their
// fields, and a refusal (the period ended, the list was republished, too many objections) in its own words.
// Once filed, the page says so with the time and a reference the filer can quote.
import { type FormEvent, type ReactNode, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { PublicityList } from '../../../shared/awards';
import { ApiError, api } from '../../api/client';
import { beijingMinute } from '../../lib/beijing-time';
import { useLocale } from '../../lib/locale';
import { formatAmount } from '../../lib/money';
import { usePageTitle } from '../../lib/page-title';
import { usePublicPublicity } from '../api';
import { FormField, type FormFieldProps } from '../form-field';
import {
  EMPTY_OBJECTION,
  type ObjectionField,
  type ObjectionFields,
  objectionBody,
  objectionErrors,
} from './objection-form';
import { objectionDeadline } from './publicity-format';

const ORDER: ObjectionField[] = ['applicationId', 'name', 'contact', 'reasons'];

type FieldProps = Omit<FormFieldProps, 'inputId' | 'hint'> & { id: ObjectionField; hint?: string };

function Field({ id, hint, ...rest }: FieldProps) {
  return <FormField inputId={`objection-${id}`} {...(hint ? { hint: { text: hint } } : {})} {...rest} />;
}

function ObjectionForm({ list }: { list: PublicityList }) {
  const { tr } = useLocale();
  const [fields, setFields] = useState<ObjectionFields>(EMPTY_OBJECTION);
  const [touched, setTouched] = useState<Partial<Record<ObjectionField, boolean>>>({});
  const [serverErrors, setServerErrors] = useState<Partial<Record<ObjectionField, string>>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [filed, setFiled] = useState<{ id: string; filedAt: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const errors = objectionErrors(fields);
  const errorOf = (name: ObjectionField) =>
    serverErrors[name] ??
    (touched[name] && errors[name] ? tr(`portal.objection.errors.${errors[name]}`) : undefined);
  const bind = (name: ObjectionField) => ({
    name,
    value: fields[name],
    onChange: (e: { target: { value: string } }) => {
      setFields((prev) => ({ ...prev, [name]: e.target.value }));
      setServerErrors((prev) => ({ ...prev, [name]: undefined }));
    },
    onBlur: () => setTouched((prev) => ({ ...prev, [name]: true })),
  });

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFailure(null);
    const invalid = ORDER.filter((name) => errors[name] || serverErrors[name]);
    if (invalid.length > 0) {
      setTouched(Object.fromEntries(ORDER.map((name) => [name, true])));
      document.getElementById(`objection-${invalid[0]}`)?.focus();
      return;
    }
    setBusy(true);
    try {
      setFiled(
        await api<{ id: string; filedAt: string }>(`/api/public/publicity/${list.id}/objections`, {
          method: 'POST',
          body: objectionBody(fields),
          notify: false,
          redirectOn401: false,
        }),
      );
    } catch (caught) {
      const details = caught instanceof ApiError ? caught.details : [];
      const byField: Partial<Record<ObjectionField, string>> = {};
      for (const d of details) {
        const field = ORDER.find((name) => d.path === name || d.path?.startsWith(`${name}.`));
        if (field) byField[field] = d.message;
      }
      setServerErrors(byField);
      const first = ORDER.find((name) => byField[name]);
      if (first) document.getElementById(`objection-${first}`)?.focus();
      else setFailure(caught instanceof ApiError ? caught.message : String(caught));
    } finally {
      setBusy(false);
    }
  }

  if (filed) {
    return (
      <div className="card" role="status">
        <h2>{tr('portal.objection.filedTitle')}</h2>
        <p>{tr('portal.objection.filed', { at: beijingMinute(filed.filedAt) })}</p>
        <p>
          {tr('portal.objection.reference')} <code>{filed.id}</code>
        </p>
        <p>
          <Link to="/publicity">{tr('portal.objection.back')}</Link>
        </p>
      </div>
    );
  }
  return (
    <form className="form" onSubmit={submit} noValidate aria-describedby="objection-notice">
      <p id="objection-notice">{tr('portal.objection.notice')}</p>
      <Field
        id="applicationId"
        label={tr('portal.objection.fields.applicationId')}
        error={errorOf('applicationId')}
      >
        {(props) => (
          <select {...props} {...bind('applicationId')}>
            <option value="">{tr('portal.objection.wholeList')}</option>
            {list.entries.map((entry) => (
              <option key={entry.applicationId} value={entry.applicationId}>
                {tr('portal.objection.entry', {
                  enterprise: entry.enterpriseName,
                  amount: formatAmount(entry.amount),
                })}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id="name" label={tr('portal.objection.fields.name')} error={errorOf('name')}>
        {(props) => <input {...props} {...bind('name')} autoComplete="name" required />}
      </Field>
      <Field
        id="contact"
        label={tr('portal.objection.fields.contact')}
        hint={tr('portal.objection.contactHint')}
        error={errorOf('contact')}
      >
        {(props) => <input {...props} {...bind('contact')} autoComplete="tel" required />}
      </Field>
      <Field
        id="reasons"
        label={tr('portal.objection.fields.reasons')}
        hint={tr('portal.objection.reasonsHint')}
        error={errorOf('reasons')}
      >
        {(props) => <textarea {...props} {...bind('reasons')} rows={6} maxLength={2000} required />}
      </Field>
      {failure && (
        <p className="error-box" role="alert">
          {failure}
        </p>
      )}
      <button type="submit" className="button" disabled={busy}>
        {tr(busy ? 'portal.objection.sending' : 'portal.objection.submit')}
      </button>
    </form>
  );
}

export function ObjectionPage() {
  const { locale, tr } = useLocale();
  const { id } = useParams();
  const lists = usePublicPublicity();
  usePageTitle(tr('portal.objection.title'), tr('common.brand'));
  const list = lists.data?.find((l) => l.id === id);
  let body: ReactNode;
  if (lists.isPending) body = <p>{tr('common.loading')}</p>;
  else if (lists.isError) body = <p className="error-box">{tr('common.loadFailed')}</p>;
  else if (!list) body = <p>{tr('portal.objection.notFound')}</p>;
  else if (!list.open) body = <p>{tr('portal.objection.closed')}</p>;
  else
    body = (
      <>
        <p className="lead">
          {list.callTitle} ·{' '}
          <time dateTime={list.closesAt}>{objectionDeadline(locale, tr, list.endsOn)}</time>
        </p>
        <ObjectionForm list={list} />
      </>
    );
  return (
    <>
      <h1>{tr('portal.objection.title')}</h1>
      {body}
      <p>
        <Link to="/publicity">{tr('portal.objection.back')}</Link>
      </p>
    </>
  );
}
