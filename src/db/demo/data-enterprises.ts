// The demo's enterprises, all fictional: the 2023 applicants, thirty named enterprises a visitor meets in
// lists (every cluster and size, a few outside 天河区, one outside the statistics system, one with a
// violation), and a generated registry population of small firms. The seed says 116 enterprises newly
// registered in the statistics system in 2023; the population is sized so that exactly 116 of 天河区's
// enterprises carry a 2023 registration date.
import { APPLICANT_SPECS } from './data-applicants';
import { type DistrictName, districtCode } from './data-districts';
import { createPrng, demoUscc } from './data-random';
import type { DemoEnterprise, IndustryCluster, SizeClass } from './data-types';

type FeaturedRow = [
  name: string,
  cluster: IndustryCluster,
  size: SizeClass,
  district: DistrictName,
  statsRegisteredOn: string | null,
  violations?: boolean,
];

const FEATURED: readonly FeaturedRow[] = [
  ['广州澜拓软件技术有限公司', '软件', 'large', '天河区', '2016-05-20'],
  ['广州弘屿金融数据服务有限公司', '金融服务', 'large', '天河区', '2016-11-03'],
  ['广州启澄信息服务有限公司', '数据服务', 'large', '天河区', '2017-08-15'],
  ['广州岚昇数字科技有限公司', '数字营销', 'large', '天河区', '2018-02-26'],
  ['广州昱川互娱科技有限公司', '动漫游戏', 'large', '天河区', '2017-06-12'],
  ['广州汐辰供应链服务有限公司', '供应链管理', 'large', '天河区', '2016-09-29'],
  ['广州禾岳软件科技有限公司', '软件', 'medium', '天河区', '2019-03-18'],
  ['广州泓澈金融科技服务有限公司', '金融服务', 'medium', '天河区', '2018-12-05'],
  ['广州云岫动漫设计有限公司', '动漫游戏', 'medium', '天河区', '2019-07-24'],
  ['广州弦屿音乐科技有限公司', '数字音乐', 'medium', '天河区', '2020-01-15'],
  ['广州知澜数据服务有限公司', '数据服务', 'medium', '天河区', '2019-10-30'],
  ['广州禾朗数字营销有限公司', '数字营销', 'medium', '天河区', '2020-05-21'],
  ['广州溯川供应链管理有限公司', '供应链管理', 'medium', '天河区', '2021-04-08'],
  ['广州璞衡软件开发有限公司', '软件', 'small', '天河区', '2021-11-16'],
  ['广州祺溪财务外包服务有限公司', '金融服务', 'small', '天河区', '2022-03-09'],
  ['广州画屿动画制作有限公司', '动漫游戏', 'small', '天河区', '2022-06-27'],
  ['广州鸣栎音乐制作有限公司', '数字音乐', 'small', '天河区', '2022-08-15'],
  ['广州量汀数据科技有限公司', '数据服务', 'small', '天河区', '2021-12-20'],
  ['广州橙澜广告策划有限公司', '数字营销', 'small', '天河区', '2022-10-11'],
  ['广州舟禾物流供应链有限公司', '供应链管理', 'small', '天河区', '2022-05-19'],
  ['广州初屿软件科技有限公司', '软件', 'micro', '天河区', '2023-03-14'],
  ['广州萤川音乐科技有限公司', '数字音乐', 'micro', '天河区', '2023-05-08'],
  ['广州点禾动漫科技有限公司', '动漫游戏', 'micro', '天河区', '2023-07-20'],
  ['广州芯栎数据服务有限公司', '数据服务', 'small', '天河区', '2023-09-12'],
  ['广州晴汀网络科技有限公司', '数字营销', 'micro', '天河区', null],
  ['广州砚川信息咨询有限公司', '数据服务', 'small', '天河区', '2019-02-27', true],
  ['广州珠屿软件科技有限公司', '软件', 'medium', '海珠区', '2019-06-06'],
  ['广州埔澜供应链管理有限公司', '供应链管理', 'large', '黄埔区', '2017-10-10'],
  ['广州沙汀数据科技有限公司', '数据服务', 'small', '南沙区', '2021-08-23'],
  ['广州禺禾动漫科技有限公司', '动漫游戏', 'small', '番禺区', '2020-03-03'],
];

function enterprise(
  serial: number,
  name: string,
  industryCluster: IndustryCluster,
  sizeClass: SizeClass,
  district: DistrictName,
  statsRegisteredOn: string | null,
  violations: boolean,
): DemoEnterprise {
  return {
    uscc: demoUscc(districtCode(district), serial),
    name,
    district,
    industryCluster,
    sizeClass,
    taxRegistered: true,
    statsRegistered: statsRegisteredOn !== null,
    statsRegisteredOn,
    violations,
  };
}

export const APPLICANT_ENTERPRISES: readonly DemoEnterprise[] = APPLICANT_SPECS.map((s, i) =>
  enterprise(i + 1, s.name, s.industryCluster, s.sizeClass, s.district, s.statsRegisteredOn, s.violations),
);

export const FEATURED_ENTERPRISES: readonly DemoEnterprise[] = FEATURED.map(
  ([name, cluster, size, district, registeredOn, violations = false], i) =>
    enterprise(101 + i, name, cluster, size, district, registeredOn, violations),
);

// Generated names: 字号 from two syllable lists (no syllable of a real company the seed names), and an
// industry phrase that fits the cluster.
const FIRST = '澹珩璟霁沛蔺钧翎瑾琮骞朔曜岑黛筠翊砺晗珂漪熠峤檀樾逸蕴弈昶湛';
const SECOND = '岚峰德联通合信诚睿泽华弘嘉恒源远舟栎屿禾川汀澜宁';
const INDUSTRY_PHRASES: Record<IndustryCluster, readonly string[]> = {
  软件: ['软件科技', '信息技术', '软件开发', '网络科技'],
  金融服务: ['金融信息服务', '财务外包服务', '金融科技服务'],
  供应链管理: ['供应链管理', '供应链服务', '物流科技'],
  动漫游戏: ['动漫科技', '游戏科技', '动画设计'],
  数字音乐: ['音乐科技', '数字音乐', '音频科技'],
  数据服务: ['数据科技', '数据服务', '信息咨询'],
  数字营销: ['数字营销', '广告策划', '品牌管理'],
};
// Repeated entries weight the draw towards software and data firms, the largest groups in the seed's list.
const CLUSTER_DRAW: readonly IndustryCluster[] = [
  '软件',
  '软件',
  '软件',
  '数据服务',
  '数据服务',
  '金融服务',
  '金融服务',
  '供应链管理',
  '动漫游戏',
  '动漫游戏',
  '数字音乐',
  '数字营销',
  '数字营销',
];

/** Registrations per year among the generated older cohort: the registry grew every year. */
const OLDER_COHORT: ReadonlyArray<[year: number, count: number]> = [
  [2015, 10],
  [2016, 12],
  [2017, 14],
  [2018, 16],
  [2019, 18],
  [2020, 22],
  [2021, 26],
  [2022, 32],
];

/** The seed: 服务外包与服务贸易系统登记新增企业数 116家 in 2023. */
export const NEWLY_REGISTERED_2023 = 116;

function generatePopulation(taken: ReadonlySet<string>, tianheFeatured2023: number): DemoEnterprise[] {
  const prng = createPrng(20231231);
  const used = new Set(taken);
  const pick = <T>(items: readonly T[]): T => items[prng.int(0, items.length - 1)] as T;
  const name = (cluster: IndustryCluster): string => {
    for (;;) {
      const brand = `${pick([...FIRST])}${pick([...SECOND])}`;
      const candidate = `广州${brand}${pick(INDUSTRY_PHRASES[cluster])}有限公司`;
      const brandTaken = [...used].some((n) => n.startsWith(`广州${brand}`));
      if (!brandTaken) {
        used.add(candidate);
        return candidate;
      }
    }
  };
  const date = (year: number): string =>
    `${year}-${String(prng.int(1, 12)).padStart(2, '0')}-${String(prng.int(1, 28)).padStart(2, '0')}`;
  const size = (newcomer: boolean): SizeClass => {
    const roll = prng.int(1, 100);
    if (newcomer) return roll <= 3 ? 'medium' : roll <= 40 ? 'small' : 'micro';
    return roll <= 4 ? 'large' : roll <= 24 ? 'medium' : roll <= 65 ? 'small' : 'micro';
  };
  const cohorts: Array<[number, number]> = [
    ...OLDER_COHORT,
    [2023, NEWLY_REGISTERED_2023 - tianheFeatured2023],
  ];
  const population: DemoEnterprise[] = [];
  for (const [year, count] of cohorts) {
    for (let i = 0; i < count; i += 1) {
      const cluster = pick(CLUSTER_DRAW);
      const serial = 1001 + population.length;
      population.push(
        enterprise(serial, name(cluster), cluster, size(year === 2023), '天河区', date(year), false),
      );
    }
  }
  return population;
}

const NAMED = [...APPLICANT_ENTERPRISES, ...FEATURED_ENTERPRISES];

export const GENERATED_ENTERPRISES: readonly DemoEnterprise[] = generatePopulation(
  new Set(NAMED.map((e) => e.name)),
  NAMED.filter((e) => e.district === '天河区' && e.statsRegisteredOn?.startsWith('2023')).length,
);

/** Every demo enterprise: applicants first, then the named ones, then the generated registry population. */
export const DEMO_ENTERPRISES: readonly DemoEnterprise[] = [...NAMED, ...GENERATED_ENTERPRISES];
