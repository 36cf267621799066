// The statistics registry (统计登记) of the demo: every registered enterprise's figures for 2020–2023, built
// so that 天河区's totals are exactly the seed's (see TIANHE_TOTALS). The applicants' figures are fixed by
// hand; everyone else's are drawn from a seeded profile and then scaled to the district total by the
// largest-remainder method, so the parts add up to the cent.
import { cents, parseUsd, usdString } from '../../core/money/money';
import { APPLICANT_SPECS } from './data-applicants';
import { STAT_YEARS, TIANHE } from './data-districts';
import { APPLICANT_ENTERPRISES, DEMO_ENTERPRISES } from './data-enterprises';
import { createPrng } from './data-random';
import type { DemoEnterprise, DemoStat, SizeClass } from './data-types';

export type Metric = 'outsourcingExecUsd' | 'offshoreExecUsd' | 'serviceImportUsd' | 'serviceExportUsd';
export const METRICS: readonly Metric[] = [
  'outsourcingExecUsd',
  'offshoreExecUsd',
  'serviceImportUsd',
  'serviceExportUsd',
];

/**
 * 天河区's totals, USD. 2023 is the seed: 服务外包全口径执行额 71.47亿 (+29%), 离岸执行额 22亿 (+5.54%),
 * 服务进口额 2.88亿 + 服务出口额 5.32亿 = 服务贸易额 8.20亿. The seed gives no earlier figures; 2022 is chosen
 * so the growth rates come out as reported: 7,147,000,000.00 / 5,540,000,000.00 = +29.01% (29% to the whole
 * percent) and 2,200,000,000.00 / 2,084,500,000.00 = +5.54%. 2020 and 2021 are plausible steady growth.
 */
export const TIANHE_TOTALS: Readonly<Record<number, Record<Metric, string>>> = {
  2020: {
    outsourcingExecUsd: '3987600000.00',
    offshoreExecUsd: '1602000000.00',
    serviceImportUsd: '190400000.00',
    serviceExportUsd: '351600000.00',
  },
  2021: {
    outsourcingExecUsd: '4610000000.00',
    offshoreExecUsd: '1893000000.00',
    serviceImportUsd: '221300000.00',
    serviceExportUsd: '419800000.00',
  },
  2022: {
    outsourcingExecUsd: '5540000000.00',
    offshoreExecUsd: '2084500000.00',
    serviceImportUsd: '251000000.00',
    serviceExportUsd: '476000000.00',
  },
  2023: {
    outsourcingExecUsd: '7147000000.00',
    offshoreExecUsd: '2200000000.00',
    serviceImportUsd: '288000000.00',
    serviceExportUsd: '532000000.00',
  },
};

/** Splits `total` in proportion to `weights`; the leftover cents go to the largest remainders (then by index). */
export function allocateLargestRemainder(total: bigint, weights: readonly bigint[]): bigint[] {
  const sum = weights.reduce((a, b) => a + b, 0n);
  const shares = weights.map((w) => (total * w) / sum);
  let leftover = total - shares.reduce((a, b) => a + b, 0n);
  const order = weights
    .map((w, i) => ({ i, remainder: (total * w) % sum }))
    .sort((a, b) => (a.remainder === b.remainder ? a.i - b.i : a.remainder > b.remainder ? -1 : 1));
  for (const { i } of order) {
    if (leftover === 0n) break;
    shares[i] = (shares[i] ?? 0n) + 1n;
    leftover -= 1n;
  }
  return shares;
}

export function registrationYear(e: DemoEnterprise): number | null {
  return e.statsRegisteredOn === null ? null : Number(e.statsRegisteredOn.slice(0, 4));
}

interface Profile {
  /** Activity weight per year: size × a seeded factor, grown each year by the enterprise's own rate. */
  weights: Record<number, bigint>;
  /** Per-mille mixes: how much of the activity is outsourcing, offshore, import and export. */
  outsourcing: bigint;
  offshoreShare: bigint;
  imports: bigint;
  exports: bigint;
}

const SIZE_WEIGHT: Record<SizeClass, bigint> = { large: 300n, medium: 30n, small: 5n, micro: 1n };

function withProfiles(enterprises: readonly DemoEnterprise[]): Array<{ e: DemoEnterprise; p: Profile }> {
  const prng = createPrng(440106);
  const draw = (min: number, max: number): bigint => BigInt(prng.int(min, max));
  return enterprises.map((e) => {
    const growth = draw(960, 1320);
    const weights: Record<number, bigint> = {};
    let weight = SIZE_WEIGHT[e.sizeClass] * draw(500, 1500) * 1000n;
    for (const year of STAT_YEARS) {
      weights[year] = weight;
      weight = (weight * growth) / 1000n;
    }
    const p = {
      weights,
      outsourcing: draw(300, 1700),
      offshoreShare: draw(150, 550),
      imports: draw(150, 900),
      exports: draw(300, 1500),
    };
    return { e, p };
  });
}

type Figures = Record<Metric, bigint>;

const zeroFigures = (): Figures => ({
  outsourcingExecUsd: 0n,
  offshoreExecUsd: 0n,
  serviceImportUsd: 0n,
  serviceExportUsd: 0n,
});

/** An applicant's hand-set figures for a year: the 2022 values scaled by its trend, rounded half-up to the cent. */
function applicantFigures(index: number, year: number): Figures | null {
  const spec = APPLICANT_SPECS[index];
  if (!spec) return null;
  const [f2020, f2021, f2023] = spec.trend;
  const perMille = year === 2022 ? 1000 : year === 2020 ? f2020 : year === 2021 ? f2021 : f2023;
  if (perMille === 0) return null;
  const scale = (text: string): bigint => (parseUsd(text) * BigInt(perMille) + 500n) / 1000n;
  const f = spec.figures2022;
  return {
    outsourcingExecUsd: scale(f.outsourcing),
    offshoreExecUsd: scale(f.offshore),
    serviceImportUsd: scale(f.import),
    serviceExportUsd: scale(f.export),
  };
}

const PINNED = new Map<string, number>(APPLICANT_ENTERPRISES.map((e, i) => [e.uscc, i]));

function buildStats(): DemoStat[] {
  const registered = withProfiles(DEMO_ENTERPRISES.filter((e) => e.statsRegistered));
  const rows: DemoStat[] = [];

  for (const year of STAT_YEARS) {
    const active = registered.filter(({ e }) => (registrationYear(e) ?? Number.POSITIVE_INFINITY) <= year);
    const pinned = active.flatMap(({ e }) => {
      const f = applicantFigures(PINNED.get(e.uscc) ?? -1, year);
      return f ? [{ e, f }] : [];
    });
    const free = active.filter(({ e }) => !PINNED.has(e.uscc)).map((x) => ({ ...x, f: zeroFigures() }));
    const tianheFree = free.filter(({ e }) => e.district === TIANHE.name);
    const elsewhereFree = free.filter(({ e }) => e.district !== TIANHE.name);

    // Offshore work is part of the full-scope execution, so its weights follow each firm's allocated total.
    const weightOf = ({ p, f }: (typeof free)[number], metric: Metric): bigint => {
      const w = p.weights[year] ?? 0n;
      if (metric === 'outsourcingExecUsd') return w * p.outsourcing;
      if (metric === 'offshoreExecUsd') return f.outsourcingExecUsd * p.offshoreShare;
      return w * (metric === 'serviceImportUsd' ? p.imports : p.exports);
    };
    for (const metric of METRICS) {
      const pinnedTianhe = pinned
        .filter(({ e }) => e.district === TIANHE.name)
        .reduce((sum, { f }) => sum + f[metric], 0n);
      const target = parseUsd(TIANHE_TOTALS[year]?.[metric] ?? '0') - pinnedTianhe;
      const weights = tianheFree.map((x) => weightOf(x, metric));
      allocateLargestRemainder(target, weights).forEach((share, i) => {
        const x = tianheFree[i];
        if (x) x.f[metric] = share;
      });
      // Firms in other districts get the same amount per unit of weight as 天河's, so sizes stay comparable.
      const weightSum = weights.reduce((a, b) => a + b, 0n);
      for (const x of elsewhereFree) x.f[metric] = (target * weightOf(x, metric)) / weightSum;
    }
    for (const { e, f } of [...pinned, ...free]) rows.push(statRow(e.uscc, year, f));
  }

  // Enterprise by enterprise, then year by year, as the registry lists them.
  const order = new Map(registered.map(({ e }, i) => [e.uscc, i]));
  return rows.sort((a, b) => (order.get(a.uscc) ?? 0) - (order.get(b.uscc) ?? 0) || a.year - b.year);
}

function statRow(uscc: string, year: number, f: Figures): DemoStat {
  return {
    uscc,
    year,
    outsourcingExecUsd: usdString(cents(f.outsourcingExecUsd)),
    offshoreExecUsd: usdString(cents(f.offshoreExecUsd)),
    serviceImportUsd: usdString(cents(f.serviceImportUsd)),
    serviceExportUsd: usdString(cents(f.serviceExportUsd)),
  };
}

/** Registry figures per enterprise and year, only for enterprises in the statistics system and only from
 * the year they registered. */
export const DEMO_STATS: readonly DemoStat[] = buildStats();

/**
 * Figures an enterprise outside the statistics system declared in its 2023 application (from its special
 * audit report). They are not registry data and are not part of any district total.
 */
export const DEMO_DECLARED_STATS: readonly DemoStat[] = APPLICANT_ENTERPRISES.flatMap((e, i) =>
  e.statsRegistered
    ? []
    : [2021, 2022].flatMap((year) => {
        const f = applicantFigures(i, year);
        return f ? [statRow(e.uscc, year, f)] : [];
      }),
);
