// The result of re-verifying the audit chain, with the first broken link named in words.
import { Alert } from 'antd';
import { t } from '../../../../shared/i18n';
import type { AuditVerifyResponse } from '../../../api/types';
import { useLocale, useT } from '../../../lib/locale';

export function ChainVerdict({ verdict }: { verdict: AuditVerifyResponse | undefined }) {
  const tr = useT();
  const { locale } = useLocale();
  return (
    <div role="status">
      {verdict?.ok && (
        <Alert
          type="success"
          showIcon
          title={tr('audit.chainOk', { count: verdict.checked })}
          style={{ marginBottom: 16 }}
        />
      )}
      {verdict && !verdict.ok && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title={tr('audit.chainBroken', { count: verdict.checked })}
          description={
            verdict.firstBroken &&
            tr('audit.firstBroken', {
              stream: verdict.firstBroken.stream,
              seq: verdict.firstBroken.seq,
              reason: t(locale, `cli.audit.reasons.${verdict.firstBroken.reason}`),
            })
          }
        />
      )}
    </div>
  );
}
