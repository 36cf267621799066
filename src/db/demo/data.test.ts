// Proves that the demo registry reproduces the seed's figures, with exact integer arithmetic on cents.
import { describe, expect, it, vi } from 'vitest';
import { divRound } from '../../core/money/decimal';
import { parseUsd } from '../../core/money/money';
import { checkUscc } from '../../core/uscc/uscc';
import {
  APPLICANT_ENTERPRISES,
  DEMO_DECLARED_STATS,
  DEMO_ENTERPRISES,
  DEMO_REGION_STATS,
  DEMO_STATS,
  type DemoEnterprise,
  type DemoRegionStat,
  DISTRICTS,
  FEATURED_ENTERPRISES,
  INDUSTRY_CLUSTERS,
  METRICS,
  type Metric,
} from './data';

const usd = (text: string): bigint => parseUsd(text);
const byUscc = new Map(DEMO_ENTERPRISES.map((e) => [e.uscc, e]));
const enterpriseOf = (uscc: string): DemoEnterprise => {
  const e = byUscc.get(uscc);
  if (!e) throw new Error(`no enterprise ${uscc}`);
  return e;
};

function tianheTotal(year: number, metric: Metric): bigint {
  return DEMO_STATS.filter((s) => s.year === year && enterpriseOf(s.uscc).district === '天河区').reduce(
    (sum, s) => sum + usd(s[metric]),
    0n,
  );
}

/** Year-over-year growth in units of 10^-decimals percent, rounded half-up. */
function yoy(current: bigint, previous: bigint, decimals: number): bigint {
  return divRound((current - previous) * 100n * 10n ** BigInt(decimals), previous, 'half-up');
}

const region = (code: string, year: number): DemoRegionStat => {
  const row = DEMO_REGION_STATS.find((r) => r.regionCode === code && r.year === year);
  if (!row) throw new Error(`no region ${code} ${year}`);
  return row;
};
const tradeOf = (r: { serviceImportUsd: string; serviceExportUsd: string }) =>
  usd(r.serviceImportUsd) + usd(r.serviceExportUsd);

describe('the seed’s district figures', () => {
  it('服务外包全口径执行额 2023 is USD 71.47亿, +29% on 2022 (5,540,000,000.00)', () => {
    expect(tianheTotal(2023, 'outsourcingExecUsd')).toBe(714_700_000_000n);
    expect(tianheTotal(2022, 'outsourcingExecUsd')).toBe(554_000_000_000n);
    const growth = yoy(tianheTotal(2023, 'outsourcingExecUsd'), tianheTotal(2022, 'outsourcingExecUsd'), 0);
    expect(growth).toBe(29n);
  });

  it('离岸执行额 2023 is USD 22亿, +5.54% on 2022', () => {
    expect(tianheTotal(2023, 'offshoreExecUsd')).toBe(220_000_000_000n);
    expect(yoy(tianheTotal(2023, 'offshoreExecUsd'), tianheTotal(2022, 'offshoreExecUsd'), 2)).toBe(554n);
  });

  it('服务贸易额 2023 = import 2.88亿 + export 5.32亿 = 8.20亿', () => {
    expect(tianheTotal(2023, 'serviceImportUsd')).toBe(28_800_000_000n);
    expect(tianheTotal(2023, 'serviceExportUsd')).toBe(53_200_000_000n);
    expect(tianheTotal(2023, 'serviceImportUsd') + tianheTotal(2023, 'serviceExportUsd')).toBe(
      82_000_000_000n,
    );
  });

  it('116 enterprises newly registered in the statistics system in 2023', () => {
    const newcomers = DEMO_ENTERPRISES.filter(
      (e) => e.district === '天河区' && e.statsRegistered && e.statsRegisteredOn?.startsWith('2023-'),
    );
    expect(newcomers).toHaveLength(116);
    expect(region('440106', 2023).newlyRegistered).toBe(116);
  });
});

describe('regional statistics', () => {
  const years = [2021, 2022, 2023];

  it('holds the city and all eleven districts for 2021–2023, the city being their sum', () => {
    for (const year of years) {
      const districts = DEMO_REGION_STATS.filter((r) => r.year === year && r.level === 'district');
      expect(districts.map((d) => d.regionCode).sort()).toEqual(DISTRICTS.map((d) => d.code).sort());
      expect(districts.every((d) => d.parentCode === '440100')).toBe(true);
      const city = region('440100', year);
      expect(city.level).toBe('city');
      for (const metric of METRICS) {
        expect(usd(city[metric])).toBe(districts.reduce((sum, d) => sum + usd(d[metric]), 0n));
      }
      expect(city.newlyRegistered).toBe(districts.reduce((sum, d) => sum + d.newlyRegistered, 0));
    }
  });

  it('天河区’s row is the sum of its enterprises', () => {
    for (const year of years) {
      for (const metric of METRICS)
        expect(usd(region('440106', year)[metric])).toBe(tianheTotal(year, metric));
      const registered = DEMO_ENTERPRISES.filter(
        (e) => e.district === '天河区' && e.statsRegistered && e.statsRegisteredOn?.startsWith(`${year}-`),
      );
      expect(region('440106', year).newlyRegistered).toBe(registered.length);
    }
  });

  it('天河区’s offshore execution is 41.75% of the city in 2023', () => {
    const share = divRound(
      usd(region('440106', 2023).offshoreExecUsd) * 10_000n,
      usd(region('440100', 2023).offshoreExecUsd),
      'half-up',
    );
    expect(share).toBe(4175n);
  });

  const rankOfTianhe = (year: number, value: (r: DemoRegionStat) => bigint): number => {
    const sorted = DEMO_REGION_STATS.filter((r) => r.year === year && r.level === 'district').sort((a, b) =>
      value(b) > value(a) ? 1 : value(b) < value(a) ? -1 : 0,
    );
    const first = sorted[0];
    const second = sorted[1];
    if (!first || !second) throw new Error('no districts');
    // A tie would not be "first": demand a strict lead.
    expect(value(first)).toBeGreaterThan(value(second));
    return sorted.findIndex((r) => r.regionCode === '440106') + 1;
  };

  it('天河区 ranks first in 服务外包全口径执行额 three years running, and in 服务贸易额 and offshore in 2023', () => {
    for (const year of years) expect(rankOfTianhe(year, (r) => usd(r.outsourcingExecUsd))).toBe(1);
    expect(rankOfTianhe(2023, tradeOf)).toBe(1);
    expect(rankOfTianhe(2023, (r) => usd(r.offshoreExecUsd))).toBe(1);
  });
});

describe('enterprises', () => {
  const named = [...APPLICANT_ENTERPRISES, ...FEATURED_ENTERPRISES];
  // Real companies the seed names (and a few other well-known ones): no demo name may contain them.
  const realNames = [
    '汇丰',
    '力挚',
    '中望',
    '龙腾',
    '玛氏',
    '花旗',
    '汇量',
    '钛动',
    '网易',
    '三七',
    '趣丸',
    '星辉',
  ];
  const moreRealNames = [
    '天拓',
    '腾讯',
    '阿里',
    '华为',
    '唯品会',
    '酷狗',
    '欢聚',
    '虎牙',
    '微信',
    '广电运通',
  ];

  it('at least 40 named enterprises and every cluster and size among them', () => {
    expect(named.length).toBeGreaterThanOrEqual(40);
    expect(new Set(named.map((e) => e.industryCluster))).toEqual(new Set(INDUSTRY_CLUSTERS));
    expect(new Set(named.map((e) => e.sizeClass))).toEqual(new Set(['large', 'medium', 'small', 'micro']));
    expect(named.filter((e) => e.district !== '天河区').length).toBeGreaterThanOrEqual(3);
    expect(named.filter((e) => e.violations).length).toBeGreaterThanOrEqual(1);
    expect(named.filter((e) => e.violations).length).toBeLessThanOrEqual(2);
    expect(named.filter((e) => !e.statsRegistered).length).toBeGreaterThanOrEqual(1);
  });

  it('every USCC is valid under GB 32100-2015, in its district’s area, and unique', () => {
    for (const e of DEMO_ENTERPRISES) {
      expect(checkUscc(e.uscc)).toEqual({ ok: true, uscc: e.uscc });
      expect(e.uscc.slice(2, 8)).toBe(DISTRICTS.find((d) => d.name === e.district)?.code);
    }
    expect(new Set(DEMO_ENTERPRISES.map((e) => e.uscc)).size).toBe(DEMO_ENTERPRISES.length);
  });

  it('names are unique, 广州…有限公司, and never a real company’s', () => {
    expect(new Set(DEMO_ENTERPRISES.map((e) => e.name)).size).toBe(DEMO_ENTERPRISES.length);
    for (const { name } of DEMO_ENTERPRISES) {
      expect(name).toMatch(/^广州[\u4e00-\u9fff]{6,14}有限公司$/);
      for (const real of [...realNames, ...moreRealNames]) expect(name).not.toContain(real);
    }
  });

  it('registration dates are real dates and only registered enterprises have one', () => {
    for (const e of DEMO_ENTERPRISES) {
      expect(e.statsRegistered).toBe(e.statsRegisteredOn !== null);
      if (e.statsRegisteredOn) {
        expect(new Date(`${e.statsRegisteredOn}T00:00:00Z`).toISOString().slice(0, 10)).toBe(
          e.statsRegisteredOn,
        );
        expect(e.statsRegisteredOn <= '2023-12-31').toBe(true);
      }
    }
  });
});

describe('registry statistics', () => {
  it('is deterministic: a fresh evaluation of the modules builds the same data', async () => {
    vi.resetModules();
    const again = await import('./data');
    expect(again.DEMO_ENTERPRISES).toEqual(DEMO_ENTERPRISES);
    expect(again.DEMO_STATS).toEqual(DEMO_STATS);
    expect(again.DEMO_REGION_STATS).toEqual(DEMO_REGION_STATS);
  });

  it('one row per registered enterprise and year from its registration year, 2020–2023', () => {
    const keys = new Set<string>();
    for (const s of DEMO_STATS) {
      const e = enterpriseOf(s.uscc);
      expect(e.statsRegistered).toBe(true);
      expect(s.year).toBeGreaterThanOrEqual(Math.max(2020, Number(e.statsRegisteredOn?.slice(0, 4))));
      expect(s.year).toBeLessThanOrEqual(2023);
      keys.add(`${s.uscc}/${s.year}`);
    }
    expect(keys.size).toBe(DEMO_STATS.length);
    for (const e of DEMO_ENTERPRISES.filter((x) => x.statsRegistered)) {
      const from = Math.max(2020, Number(e.statsRegisteredOn?.slice(0, 4)));
      expect(DEMO_STATS.filter((s) => s.uscc === e.uscc)).toHaveLength(2024 - from);
    }
  });

  it('amounts are two-decimal dollar strings, non-negative, offshore within full-scope execution', () => {
    for (const s of [...DEMO_STATS, ...DEMO_DECLARED_STATS]) {
      for (const metric of METRICS) expect(s[metric]).toMatch(/^\d+\.\d{2}$/);
      expect(usd(s.offshoreExecUsd)).toBeLessThanOrEqual(usd(s.outsourcingExecUsd));
    }
  });

  it('declared figures belong only to enterprises outside the statistics system', () => {
    expect(DEMO_DECLARED_STATS.length).toBeGreaterThan(0);
    for (const s of DEMO_DECLARED_STATS) expect(enterpriseOf(s.uscc).statsRegistered).toBe(false);
  });
});
