// What the rules engine reads about an applicant, from the records: the enterprise's profile, its registry
// statistics by year, and the figures its application declared for the statistics year (the year before the
// program's: a 2026 program rewards 2025 performance).
import { cents, parseUsd } from '../../core/money/money';
import type { ApplicantFacts, MetricValues } from '../../core/rules/facts';
import type { EnterpriseRow, EnterpriseStatsRow } from '../../db/repos/awards.repo';
import { METRICS, type Metric } from '../../shared/program-file';

/** The registry's columns as the rules' metrics; service trade is imports and exports together. */
export function registryMetrics(row: EnterpriseStatsRow): MetricValues {
  return {
    service_trade_usd: cents(row.serviceImportUsdCents + row.serviceExportUsdCents),
    service_export_usd: cents(row.serviceExportUsdCents),
    service_import_usd: cents(row.serviceImportUsdCents),
    outsourcing_exec_usd: cents(row.outsourcingExecUsdCents),
    offshore_exec_usd: cents(row.offshoreExecUsdCents),
  };
}

export function declaredMetrics(declared: Record<string, string>): MetricValues {
  const values: MetricValues = {};
  for (const metric of METRICS) {
    const text = declared[metric];
    if (text !== undefined) values[metric as Metric] = parseUsd(text);
  }
  return values;
}

export function applicantFacts(
  enterprise: EnterpriseRow,
  stats: readonly EnterpriseStatsRow[],
  declared: Record<string, string>,
  programYear: number,
): ApplicantFacts {
  return {
    uscc: enterprise.uscc,
    name: enterprise.name,
    district: enterprise.district,
    sizeClass: enterprise.sizeClass,
    statsRegistered: enterprise.statsRegistered,
    violations: enterprise.violations,
    ...(enterprise.industryCluster ? { industry: enterprise.industryCluster } : {}),
    registry: new Map(stats.map((row) => [row.year, registryMetrics(row)])),
    declared: new Map([[programYear - 1, declaredMetrics(declared)]]),
  };
}
