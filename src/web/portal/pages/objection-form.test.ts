// The objection form refuses what the server would refuse, before sending it: no name, no way to reach the
// filer, reasons too short to say what is wrong — and sends trimmed text, naming an entry only when one is chosen.
import { describe, expect, it } from 'vitest';
import { fileObjectionBody } from '../../../shared/awards';
import { EMPTY_OBJECTION, objectionBody, objectionErrors } from './objection-form';

const good = {
  name: '李明',
  contact: '13800138000',
  reasons: '该企业申报数据与实际不符。',
  applicationId: '',
};

describe('the objection form', () => {
  it('asks for a name, a contact and reasons', () => {
    expect(objectionErrors(EMPTY_OBJECTION)).toEqual({
      name: 'nameRequired',
      contact: 'contactRequired',
      reasons: 'reasonsTooShort',
    });
    expect(objectionErrors(good)).toEqual({});
  });

  it('takes a telephone number or an email address as the contact, nothing else', () => {
    for (const contact of ['020-8888 6666', '+86 138 0013 8000', 'li.ming@example.cn']) {
      expect(objectionErrors({ ...good, contact }), contact).toEqual({});
    }
    for (const contact of ['call me', '1234', 'li@', '@example.cn']) {
      expect(objectionErrors({ ...good, contact }).contact, contact).toBe('contactInvalid');
    }
  });

  it('counts reasons without the spaces around them', () => {
    expect(objectionErrors({ ...good, reasons: '   太高了          ' }).reasons).toBe('reasonsTooShort');
  });

  it('sends what the server accepts, trimmed, with the entry only when chosen', () => {
    const whole = objectionBody({ ...good, name: ' 李明 ' });
    expect(whole).toEqual({ name: '李明', contact: '13800138000', reasons: good.reasons });
    expect(fileObjectionBody.safeParse(whole).success).toBe(true);
    const id = '0b7c4c3e-8f3a-4c1e-9a0b-3b1f2a9d8e70';
    const entry = objectionBody({ ...good, applicationId: id });
    expect(entry.applicationId).toBe(id);
    expect(fileObjectionBody.safeParse(entry).success).toBe(true);
  });
});
