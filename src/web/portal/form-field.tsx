// A labelled form control of the portal with its hint and, when it has one, its error — announced, and tied to
// the control by aria-describedby so a screen reader reads both with it.
import type { ReactNode } from 'react';

export interface ControlProps {
  id: string;
  'aria-invalid': boolean;
  'aria-describedby': string | undefined;
}

export interface FormFieldProps {
  inputId: string;
  label: string;
  hint?: { text: string; className?: string };
  error: string | undefined;
  children: (props: ControlProps) => ReactNode;
}

export function FormField({ inputId, label, hint, error, children }: FormFieldProps) {
  const described = [hint && `${inputId}-hint`, error && `${inputId}-error`].filter(Boolean).join(' ');
  return (
    <div className="field">
      <label htmlFor={inputId}>{label}</label>
      {children({ id: inputId, 'aria-invalid': !!error, 'aria-describedby': described || undefined })}
      {hint && (
        <p id={`${inputId}-hint`} className={`hint ${hint.className ?? ''}`} aria-live="polite">
          {hint.text}
        </p>
      )}
      {error && (
        <p id={`${inputId}-error`} className="hint hint-warn" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
