// The objection form's own checks, run before anything is sent: the rules the server applies to an objection
// (src/shared/awards.ts `fileObjectionBody`) — a real name, a telephone number or an email address, reasons of
// at least ten characters. Each error is a key of the `portal.objection.errors` group.
import type { FileObjectionBody } from '../../../shared/awards';

export interface ObjectionFields {
  name: string;
  contact: string;
  reasons: string;
  /** The entry the objection concerns; '' for the list as a whole. */
  applicationId: string;
}

export type ObjectionField = keyof ObjectionFields;

export const EMPTY_OBJECTION: ObjectionFields = { name: '', contact: '', reasons: '', applicationId: '' };

const PHONE = /^[0-9+\- ]{5,20}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export const REASONS_MIN = 10;

export function objectionErrors(fields: ObjectionFields): Partial<Record<ObjectionField, string>> {
  const errors: Partial<Record<ObjectionField, string>> = {};
  if (fields.name.trim() === '') errors.name = 'nameRequired';
  else if (fields.name.trim().length > 50) errors.name = 'nameTooLong';
  const contact = fields.contact.trim();
  if (contact === '') errors.contact = 'contactRequired';
  else if (!PHONE.test(contact) && !EMAIL.test(contact)) errors.contact = 'contactInvalid';
  const reasons = fields.reasons.trim();
  if (reasons.length < REASONS_MIN) errors.reasons = 'reasonsTooShort';
  else if (fields.reasons.length > 2000) errors.reasons = 'reasonsTooLong';
  return errors;
}

export function objectionBody(fields: ObjectionFields): FileObjectionBody {
  return {
    name: fields.name.trim(),
    contact: fields.contact.trim(),
    reasons: fields.reasons.trim(),
    ...(fields.applicationId === '' ? {} : { applicationId: fields.applicationId }),
  };
}
