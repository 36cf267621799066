// Why an award is what it is: per clause, whether the enterprise qualified and the reasons, the amount and the
// calculation's steps — written out in the reader's language when the award was calculated.
import { Descriptions, Tag, Typography } from 'antd';
import type { AwardCalculation } from '../../../../shared/awards';
import { useT } from '../../../lib/locale';
import { formatAmount } from '../../../lib/money';

type Award = AwardCalculation['awards'][number];

function Lines({ lines }: { lines: readonly string[] }) {
  return (
    <ul style={{ margin: 0, paddingLeft: 18 }}>
      {lines.map((line, i) => (
        // Trace lines may repeat (the same step for two metrics); their order is their identity.
        // biome-ignore lint/suspicious/noArrayIndexKey: the list is never reordered.
        <li key={i}>{line}</li>
      ))}
    </ul>
  );
}

export function AwardExplanation({ award }: { award: Award }) {
  const tr = useT();
  const { explanation } = award;
  return (
    <section aria-label={tr('callAwards.explanation.region', { enterprise: award.enterpriseName })}>
      {explanation.clauses.map((clause) => (
        <Descriptions
          key={clause.clauseId}
          size="small"
          bordered
          column={1}
          style={{ marginBottom: 12 }}
          title={
            <Typography.Title level={3} style={{ fontSize: 14, margin: 0 }}>
              {tr('callAwards.explanation.clause', { clause: clause.clauseId })}{' '}
              <Tag color={clause.eligible ? 'success' : 'error'}>
                {tr(clause.eligible ? 'callAwards.eligible' : 'callAwards.ineligible')}
              </Tag>
            </Typography.Title>
          }
          items={[
            {
              key: 'amount',
              label: tr('callAwards.explanation.amount'),
              children: formatAmount(clause.amount),
            },
            {
              key: 'reasons',
              label: tr('callAwards.explanation.reasons'),
              children: clause.reasons.length > 0 ? <Lines lines={clause.reasons} /> : '—',
            },
            {
              key: 'trace',
              label: tr('callAwards.explanation.trace'),
              children: clause.trace.length > 0 ? <Lines lines={clause.trace} /> : '—',
            },
          ]}
        />
      ))}
      {explanation.trace.length > 0 && (
        <>
          <Typography.Title level={3} style={{ fontSize: 14 }}>
            {tr('callAwards.explanation.overall')}
          </Typography.Title>
          <Lines lines={explanation.trace} />
        </>
      )}
    </section>
  );
}
