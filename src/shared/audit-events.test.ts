import { describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS, AUDIT_ENTITY_TYPES } from './audit-events';
import { LOCALES, t } from './i18n';

describe('audit event catalogue', () => {
  it('labels every action and every kind of record in both languages', () => {
    for (const locale of LOCALES) {
      for (const action of AUDIT_ACTIONS) {
        expect(t(locale, `common.auditActions.${action}`), `${locale} ${action}`).not.toBe(
          `common.auditActions.${action}`,
        );
      }
      for (const entity of AUDIT_ENTITY_TYPES) {
        expect(t(locale, `common.auditEntities.${entity}`), `${locale} ${entity}`).not.toBe(
          `common.auditEntities.${entity}`,
        );
      }
    }
  });
});
