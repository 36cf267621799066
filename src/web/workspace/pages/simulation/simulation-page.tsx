// 规则模拟: run a program file on an applicants CSV, optionally against a second program file, and show
// per-applicant results, totals and distribution — two scenarios side by side with a bracket chart.
import { Alert, Button, Card, Space } from 'antd';
import { lazy, Suspense, useMemo, useState } from 'react';
import { ApiError } from '../../../api/client';
import type { Simulation, SimulationComparison, SimulationResponse } from '../../../api/types';
import { type Translate, useT } from '../../../lib/locale';
import { toWanYuan } from '../../../lib/money';
import { ErrorList } from '../../error-list';
import { FilePicker, type PickedFile, parseJson } from '../../file-picker';
import { PageTitle } from '../../page-title';
import { useRunSimulation } from './api';
import { ApplicantsTable } from './applicants-table';
import { ComparisonTable } from './comparison-table';
import { type Bucket, bucketAmounts } from './distribution';
import { SimulationSummary } from './simulation-summary';

const DistributionChart = lazy(() => import('./distribution-chart'));

function bucketLabel(tr: Translate, bucket: Bucket): string {
  if (bucket.kind === 'none') return tr('simulation.bucketNone');
  if (bucket.kind === 'above') return tr('simulation.bucketAbove', { from: toWanYuan(bucket.from ?? '0') });
  return tr('simulation.bucketUpTo', {
    from: toWanYuan(bucket.from ?? '0'),
    to: toWanYuan(bucket.to ?? '0'),
  });
}

function Comparison(props: { base: Simulation; alternative: Simulation; comparison?: SimulationComparison }) {
  const { base, alternative, comparison } = props;
  const tr = useT();
  const chart = useMemo(() => {
    const baseBuckets = bucketAmounts(base.applicants.map((a) => a.allocated));
    return {
      labels: baseBuckets.map((b) => bucketLabel(tr, b)),
      series: [
        { name: tr('simulation.base'), buckets: baseBuckets },
        {
          name: tr('simulation.alternative'),
          buckets: bucketAmounts(alternative.applicants.map((a) => a.allocated)),
        },
      ],
    };
  }, [base, alternative, tr]);
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <div className="ws-side-by-side">
        <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{tr('simulation.base')}</h2>}>
          <SimulationSummary simulation={base} testId="summary-base" />
        </Card>
        <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{tr('simulation.alternative')}</h2>}>
          <SimulationSummary simulation={alternative} testId="summary-alternative" />
        </Card>
      </div>
      <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{tr('simulation.chart')}</h2>}>
        <Suspense fallback={null}>
          <DistributionChart labels={chart.labels} series={chart.series} title={tr('simulation.chart')} />
        </Suspense>
      </Card>
      {comparison && (
        <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{tr('simulation.differences')}</h2>}>
          <ComparisonTable comparison={comparison} />
        </Card>
      )}
      <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{tr('simulation.base')}</h2>}>
        <ApplicantsTable applicants={base.applicants} />
      </Card>
      <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{tr('simulation.alternative')}</h2>}>
        <ApplicantsTable applicants={alternative.applicants} />
      </Card>
    </Space>
  );
}

type CsvWarning = SimulationResponse['warnings'][number];

/** What the CSV reader tolerated (e.g. a USCC whose check character fails): computed, but worth a look. */
function Warnings({ warnings }: { warnings: CsvWarning[] }) {
  const tr = useT();
  if (warnings.length === 0) return null;
  const errors = warnings.map((w) => ({
    path: tr('simulation.warningAt', { line: w.line, column: w.column }),
    code: w.code,
    message: w.field ? `${w.field}: ${w.message}` : w.message,
  }));
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="simulation-warnings"
      title={tr('simulation.warnings', { count: warnings.length })}
      description={<ErrorList errors={errors} />}
    />
  );
}

export default function SimulationPage() {
  const tr = useT();
  const [program, setProgram] = useState<PickedFile | null>(null);
  const [csv, setCsv] = useState<PickedFile | null>(null);
  const [compare, setCompare] = useState<PickedFile | null>(null);
  const run = useRunSimulation();
  const parsedProgram = program ? parseJson(program) : null;
  const parsedCompare = compare ? parseJson(compare) : null;
  const ready = parsedProgram?.ok === true && csv !== null && (parsedCompare === null || parsedCompare.ok);
  const error = run.error instanceof ApiError ? run.error : null;

  function submit() {
    if (!parsedProgram?.ok || !csv) return;
    run.mutate({
      program: parsedProgram.value,
      applicantsCsv: csv.text,
      ...(parsedCompare?.ok ? { compare: parsedCompare.value } : {}),
    });
  }

  return (
    <>
      <PageTitle>{tr('nav.simulation')}</PageTitle>
      <Space orientation="vertical" size="large" style={{ width: '100%' }}>
        <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{tr('simulation.inputs')}</h2>}>
          <FilePicker
            label={tr('simulation.programFile')}
            accept=".json,application/json"
            testId="sim-program"
            onPick={setProgram}
          />
          <FilePicker
            label={tr('simulation.applicantsCsv')}
            accept=".csv,text/csv"
            testId="sim-csv"
            onPick={setCsv}
          />
          <FilePicker
            label={tr('simulation.compareFile')}
            accept=".json,application/json"
            testId="sim-compare"
            onPick={setCompare}
          />
          {(
            [
              ['program', parsedProgram],
              ['compare', parsedCompare],
            ] as const
          ).map(
            ([slot, parsed]) =>
              parsed &&
              !parsed.ok && (
                <Alert
                  key={slot}
                  type="error"
                  showIcon
                  title={tr('programFiles.notJson')}
                  description={parsed.error}
                />
              ),
          )}
          <Button type="primary" disabled={!ready} loading={run.isPending} onClick={submit}>
            {tr('simulation.run')}
          </Button>
        </Card>
        <div role="status">
          {error && (
            <Space orientation="vertical" style={{ width: '100%' }}>
              <Alert type="error" showIcon title={error.message} />
              {error.details.length > 0 && <ErrorList errors={error.details} />}
            </Space>
          )}
        </div>
        {run.data && <Warnings warnings={run.data.warnings} />}
        {run.data?.compare ? (
          <Comparison
            base={run.data.result}
            alternative={run.data.compare}
            comparison={run.data.comparison}
          />
        ) : (
          run.data && (
            <>
              <SimulationSummary simulation={run.data.result} testId="summary-base" />
              <ApplicantsTable applicants={run.data.result.applicants} />
            </>
          )
        )}
      </Space>
    </>
  );
}
