// Regional statistics for shares and ranks: 广州市 and its eleven districts, 2021–2023. 天河区's row is the sum
// of the demo registry, and the city row is the sum of the districts, so every share is computed from the
// same numbers. The other districts' figures are fictional but ordered as the seed reports: 天河区 first in
// 服务外包全口径执行额 three years running, first in 服务贸易额, and 22亿 of offshore execution = 41.75% of the city
// in 2023 (city offshore total 5,269,500,000.00; 2,200,000,000 / 5,269,500,000 = 41.7497…%).
import { cents, parseUsd, usdString } from '../../core/money/money';
import { CITY, DISTRICTS, type DistrictName, REGION_YEARS, TIANHE } from './data-districts';
import { DEMO_ENTERPRISES } from './data-enterprises';
import { DEMO_STATS, METRICS, type Metric, registrationYear } from './data-stats';
import type { DemoRegionStat } from './data-types';

/** outsourcing, offshore, service import, service export in 万美元 (USD 10,000), then newly registered count. */
type Row = [number, number, number, number, number];

const OTHER_DISTRICTS: Record<Exclude<DistrictName, '天河区'>, Record<(typeof REGION_YEARS)[number], Row>> = {
  荔湾区: {
    2021: [33000, 8200, 2400, 3700, 9],
    2022: [36000, 9000, 2700, 4100, 11],
    2023: [41000, 9500, 3000, 4500, 13],
  },
  越秀区: {
    2021: [178000, 47000, 12300, 19600, 38],
    2022: [201000, 50500, 13600, 21700, 45],
    2023: [235000, 52000, 15000, 24000, 53],
  },
  海珠区: {
    2021: [215000, 53000, 13900, 25400, 41],
    2022: [248000, 57500, 15300, 28000, 49],
    2023: [298000, 61000, 17000, 31000, 58],
  },
  白云区: {
    2021: [84000, 19800, 6500, 9800, 17],
    2022: [96000, 21500, 7200, 10900, 21],
    2023: [112000, 23000, 8000, 12000, 24],
  },
  黄埔区: {
    2021: [262000, 64000, 17200, 31100, 44],
    2022: [299000, 70000, 19000, 34400, 52],
    2023: [346000, 76000, 21000, 38000, 61],
  },
  番禺区: {
    2021: [140000, 36000, 7800, 13100, 26],
    2022: [159000, 39500, 8600, 14500, 30],
    2023: [187000, 42000, 9500, 16000, 35],
  },
  花都区: {
    2021: [19000, 5000, 2000, 2900, 6],
    2022: [22000, 5500, 2200, 3200, 7],
    2023: [26000, 6000, 2500, 3500, 8],
  },
  南沙区: {
    2021: [98000, 24000, 11500, 17200, 23],
    2022: [115000, 27000, 12700, 19000, 27],
    2023: [139000, 30000, 14000, 21000, 32],
  },
  从化区: {
    2021: [4500, 1100, 300, 500, 2],
    2022: [5200, 1300, 350, 550, 2],
    2023: [6500, 1450, 400, 600, 3],
  },
  增城区: {
    2021: [24000, 5000, 1800, 2500, 7],
    2022: [27000, 5500, 2000, 2750, 8],
    2023: [31000, 6000, 2200, 3000, 9],
  },
};

const CENTS_PER_WAN_USD = 1_000_000n;

type Totals = Record<Metric, bigint> & { newlyRegistered: number };

function tianheTotals(year: number): Totals {
  const tianhe = new Set(DEMO_ENTERPRISES.filter((e) => e.district === TIANHE.name).map((e) => e.uscc));
  const totals: Totals = {
    outsourcingExecUsd: 0n,
    offshoreExecUsd: 0n,
    serviceImportUsd: 0n,
    serviceExportUsd: 0n,
    newlyRegistered: DEMO_ENTERPRISES.filter(
      (e) => e.district === TIANHE.name && e.statsRegistered && registrationYear(e) === year,
    ).length,
  };
  for (const s of DEMO_STATS) {
    if (s.year !== year || !tianhe.has(s.uscc)) continue;
    for (const metric of METRICS) totals[metric] += parseUsd(s[metric]);
  }
  return totals;
}

function fromRow([outsourcing, offshore, imports, exports, newlyRegistered]: Row): Totals {
  return {
    outsourcingExecUsd: BigInt(outsourcing) * CENTS_PER_WAN_USD,
    offshoreExecUsd: BigInt(offshore) * CENTS_PER_WAN_USD,
    serviceImportUsd: BigInt(imports) * CENTS_PER_WAN_USD,
    serviceExportUsd: BigInt(exports) * CENTS_PER_WAN_USD,
    newlyRegistered,
  };
}

function regionRow(
  region: { code: string; name: string },
  level: 'city' | 'district',
  year: number,
  t: Totals,
): DemoRegionStat {
  return {
    regionCode: region.code,
    regionName: region.name,
    level,
    parentCode: level === 'city' ? null : CITY.code,
    year,
    outsourcingExecUsd: usdString(cents(t.outsourcingExecUsd)),
    offshoreExecUsd: usdString(cents(t.offshoreExecUsd)),
    serviceImportUsd: usdString(cents(t.serviceImportUsd)),
    serviceExportUsd: usdString(cents(t.serviceExportUsd)),
    newlyRegistered: t.newlyRegistered,
  };
}

function buildRegionStats(): DemoRegionStat[] {
  return REGION_YEARS.flatMap((year) => {
    const districts = DISTRICTS.map((d) => ({
      district: d,
      totals: d.name === TIANHE.name ? tianheTotals(year) : fromRow(OTHER_DISTRICTS[d.name][year]),
    }));
    const city = fromRow([0, 0, 0, 0, 0]);
    for (const { totals } of districts) {
      for (const metric of METRICS) city[metric] += totals[metric];
      city.newlyRegistered += totals.newlyRegistered;
    }
    return [
      regionRow(CITY, 'city', year, city),
      ...districts.map(({ district, totals }) => regionRow(district, 'district', year, totals)),
    ];
  });
}

/** 广州市 (level 'city') and its districts for 2021–2023, USD with two decimals. */
export const DEMO_REGION_STATS: readonly DemoRegionStat[] = buildRegionStats();
