// The call's latest calculation at a glance — budget, totals, whether the allocation was reduced to fit the
// budget, the rule version — and where its list stands in publicity (公示): which publication, the period, the
// objection deadline, open or closed, and how many objections wait for a resolution.
import { Descriptions, type DescriptionsProps, Tag } from 'antd';
import type { AwardCalculation } from '../../../../shared/awards';
import type { Locale } from '../../../../shared/i18n';
import { beijingMinute } from '../../../lib/beijing-time';
import { type Translate, useLocale } from '../../../lib/locale';
import { formatAmount } from '../../../lib/money';
import { formatBeijingDate, formatDateRange } from '../../../portal/pages/publicity-format';

type Items = NonNullable<DescriptionsProps['items']>;

function publicityItems(calculation: AwardCalculation, locale: Locale, tr: Translate): Items {
  const { publicity } = calculation;
  const title = tr('callAwards.publicity.title');
  if (!publicity) return [{ key: 'publicity', label: title, children: tr('callAwards.publicity.none') }];
  return [
    {
      key: 'publicity',
      label: title,
      children: (
        <>
          {tr('callAwards.publicity.seq', { seq: publicity.seq })}{' '}
          <Tag color={publicity.open ? 'blue' : 'default'}>
            {tr(publicity.open ? 'callAwards.publicity.open' : 'callAwards.publicity.closed')}
          </Tag>
        </>
      ),
    },
    {
      key: 'period',
      label: tr('callAwards.publicity.period'),
      children: formatDateRange(locale, publicity.startsOn, publicity.endsOn),
    },
    {
      key: 'deadline',
      label: tr('callAwards.publicity.deadline'),
      children: tr('callAwards.publicity.deadlineValue', {
        date: formatBeijingDate(locale, publicity.endsOn),
      }),
    },
    {
      key: 'objections',
      label: tr('callAwards.publicity.openObjections'),
      children: calculation.openObjections,
    },
  ];
}

export function CalculationSummary({ calculation }: { calculation: AwardCalculation }) {
  const { locale, tr } = useLocale();
  const yuan = (value: string) => tr('callAwards.yuan', { amount: formatAmount(value) });
  return (
    <Descriptions
      bordered
      size="small"
      column={{ xs: 1, md: 2 }}
      style={{ marginBottom: 24 }}
      items={[
        { key: 'budget', label: tr('callAwards.budget'), children: yuan(calculation.budget) },
        { key: 'computed', label: tr('callAwards.computedTotal'), children: yuan(calculation.computedTotal) },
        {
          key: 'allocated',
          label: tr('callAwards.allocatedTotal'),
          children: yuan(calculation.allocatedTotal),
        },
        {
          key: 'reduced',
          label: tr('callAwards.reduced'),
          children: tr(calculation.reduced ? 'callAwards.reducedYes' : 'callAwards.reducedNo'),
        },
        {
          key: 'rules',
          label: tr('callAwards.ruleVersion'),
          children: tr('callAwards.ruleVersionValue', { version: calculation.ruleVersion }),
        },
        {
          key: 'at',
          label: tr('callAwards.calculatedAt'),
          children: tr('callAwards.calculatedAtValue', {
            seq: calculation.seq,
            at: beijingMinute(calculation.calculatedAt),
          }),
        },
        ...publicityItems(calculation, locale, tr),
      ]}
    />
  );
}
