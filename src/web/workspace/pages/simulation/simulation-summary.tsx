// Totals and distribution of one simulation: eligible count, computed, allocated against the budget, and
// the spread of awards (min, median, max, SME share, Gini).
import { Descriptions } from 'antd';
import type { Simulation } from '../../../api/types';
import { useT } from '../../../lib/locale';
import { formatAmount, formatRatio } from '../../../lib/money';

export function SimulationSummary({ simulation, testId }: { simulation: Simulation; testId: string }) {
  const tr = useT();
  const { totals, distribution } = simulation;
  return (
    <Descriptions bordered size="small" column={1} data-testid={testId}>
      <Descriptions.Item label={tr('simulation.eligible')}>
        {totals.eligible} / {simulation.applicants.length}
      </Descriptions.Item>
      <Descriptions.Item label={tr('simulation.computedTotal')}>
        {formatAmount(totals.computed)}
      </Descriptions.Item>
      <Descriptions.Item label={tr('simulation.allocatedTotal')}>
        <strong data-testid={`${testId}-allocated`}>{formatAmount(totals.allocated)}</strong>
      </Descriptions.Item>
      <Descriptions.Item label={tr('simulation.budget')}>{formatAmount(totals.budget)}</Descriptions.Item>
      <Descriptions.Item label={tr('simulation.awarded')}>{distribution.count}</Descriptions.Item>
      <Descriptions.Item label={tr('simulation.min')}>{formatAmount(distribution.min)}</Descriptions.Item>
      <Descriptions.Item label={tr('simulation.median')}>
        {formatAmount(distribution.median)}
      </Descriptions.Item>
      <Descriptions.Item label={tr('simulation.max')}>{formatAmount(distribution.max)}</Descriptions.Item>
      <Descriptions.Item label={tr('simulation.smeShare')}>
        {formatRatio(distribution.smeShare)}
      </Descriptions.Item>
      <Descriptions.Item label={tr('simulation.gini')}>{distribution.gini}</Descriptions.Item>
    </Descriptions>
  );
}
