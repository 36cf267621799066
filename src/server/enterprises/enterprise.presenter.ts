// Enterprise rows to API objects; registry figures in USD cents leave as decimal strings.
import { cents, usdString } from '../../core/money/money';
import type { EnterpriseRow, EnterpriseStatsRow } from '../../db/repos/enterprises.repo';
import type { Enterprise, EnterpriseStat } from '../../shared/api/enterprises';

export function presentEnterprise(row: EnterpriseRow): Enterprise {
  return {
    id: row.id,
    uscc: row.uscc,
    name: row.name,
    district: row.district,
    industryCluster: row.industryCluster,
    sizeClass: row.sizeClass,
    statsRegistered: row.statsRegistered,
    createdAt: row.createdAt.toISOString(),
  };
}

export function presentStat(row: EnterpriseStatsRow): EnterpriseStat {
  return {
    year: row.year,
    outsourcingExecUsd: usdString(cents(row.outsourcingExecUsdCents)),
    offshoreExecUsd: usdString(cents(row.offshoreExecUsdCents)),
    serviceImportUsd: usdString(cents(row.serviceImportUsdCents)),
    serviceExportUsd: usdString(cents(row.serviceExportUsdCents)),
  };
}
