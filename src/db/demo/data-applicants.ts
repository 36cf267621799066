// The sixteen fictional enterprises that applied to the 2023 program, with the figures that decide their
// eligibility under 穗天府规〔2020〕3号 第三条第17项第（2）点: registered in 天河区, counted in the district's
// statistics, no recorded violation, and a 2022 service trade volume (import + export) strictly above
// USD 1,000,000. Ten pass, as in the seed; each of the six others fails exactly one condition.
import type { DistrictName } from './data-districts';
import type { IndustryCluster, SizeClass } from './data-types';

export type ApplicantOutcome =
  | 'eligible'
  | 'at_threshold'
  | 'other_district'
  | 'not_stats_registered'
  | 'violation'
  | 'below_threshold';

export interface ApplicantSpec {
  name: string;
  industryCluster: IndustryCluster;
  sizeClass: SizeClass;
  district: DistrictName;
  statsRegisteredOn: string | null;
  violations: boolean;
  outcome: ApplicantOutcome;
  /** 2022 figures in USD: service import, service export, outsourcing execution, offshore execution. */
  figures2022: { import: string; export: string; outsourcing: string; offshore: string };
  /** The other years as per-mille of 2022 (2020, 2021, 2023); a year before registration has no figures. */
  trend: [number, number, number];
}

export const APPLICANT_SPECS: readonly ApplicantSpec[] = [
  {
    name: '广州澄屿软件科技有限公司',
    industryCluster: '软件',
    sizeClass: 'medium',
    district: '天河区',
    statsRegisteredOn: '2019-05-14',
    violations: false,
    outcome: 'eligible',
    figures2022: {
      import: '1820000.00',
      export: '4630500.00',
      outsourcing: '9800000.00',
      offshore: '4100000.00',
    },
    trend: [712, 845, 1163],
  },
  {
    name: '广州岭澜金融信息服务有限公司',
    industryCluster: '金融服务',
    sizeClass: 'large',
    district: '天河区',
    statsRegisteredOn: '2017-03-08',
    violations: false,
    outcome: 'eligible',
    figures2022: {
      import: '9460000.00',
      export: '15870000.00',
      outsourcing: '186000000.00',
      offshore: '72500000.00',
    },
    trend: [801, 903, 1088],
  },
  {
    name: '广州汀岚供应链管理有限公司',
    industryCluster: '供应链管理',
    sizeClass: 'large',
    district: '天河区',
    statsRegisteredOn: '2018-07-19',
    violations: false,
    outcome: 'eligible',
    figures2022: {
      import: '7215300.00',
      export: '10904700.00',
      outsourcing: '94000000.00',
      offshore: '21000000.00',
    },
    trend: [764, 880, 1121],
  },
  {
    name: '广州墨禾动漫科技有限公司',
    industryCluster: '动漫游戏',
    sizeClass: 'medium',
    district: '天河区',
    statsRegisteredOn: '2020-04-22',
    violations: false,
    outcome: 'eligible',
    figures2022: {
      import: '1150000.00',
      export: '6920000.00',
      outsourcing: '12300000.00',
      offshore: '7600000.00',
    },
    trend: [520, 731, 1254],
  },
  {
    name: '广州芃声音乐科技有限公司',
    industryCluster: '数字音乐',
    sizeClass: 'medium',
    district: '天河区',
    statsRegisteredOn: '2019-11-06',
    violations: false,
    outcome: 'eligible',
    figures2022: {
      import: '2040000.00',
      export: '3165000.00',
      outsourcing: '6100000.00',
      offshore: '3050000.00',
    },
    trend: [690, 822, 1097],
  },
  {
    name: '广州衡栎数据科技有限公司',
    industryCluster: '数据服务',
    sizeClass: 'medium',
    district: '天河区',
    statsRegisteredOn: '2018-09-27',
    violations: false,
    outcome: 'eligible',
    figures2022: {
      import: '1390000.00',
      export: '2710000.00',
      outsourcing: '8800000.00',
      offshore: '2950000.00',
    },
    trend: [833, 915, 1042],
  },
  {
    name: '广州青梧数字营销策划有限公司',
    industryCluster: '数字营销',
    sizeClass: 'small',
    district: '天河区',
    statsRegisteredOn: '2020-08-13',
    violations: false,
    outcome: 'eligible',
    figures2022: {
      import: '980000.00',
      export: '1620000.00',
      outsourcing: '2150000.00',
      offshore: '1020000.00',
    },
    trend: [604, 787, 1210],
  },
  {
    name: '广州朗屿网络科技有限公司',
    industryCluster: '软件',
    sizeClass: 'small',
    district: '天河区',
    statsRegisteredOn: '2021-03-30',
    violations: false,
    outcome: 'eligible',
    figures2022: {
      import: '640000.00',
      export: '1265000.00',
      outsourcing: '1700000.00',
      offshore: '860000.00',
    },
    trend: [0, 688, 1305],
  },
  {
    name: '广州棠溪信息技术有限公司',
    industryCluster: '数据服务',
    sizeClass: 'small',
    district: '天河区',
    statsRegisteredOn: '2020-12-02',
    violations: false,
    outcome: 'eligible',
    figures2022: {
      import: '512345.67',
      export: '937654.33',
      outsourcing: '1320000.00',
      offshore: '540000.00',
    },
    trend: [655, 812, 1136],
  },
  {
    // One cent above the threshold: the clause says 超 (strictly above), and this applicant shows it.
    name: '广州栖禾文化传媒有限公司',
    industryCluster: '动漫游戏',
    sizeClass: 'small',
    district: '天河区',
    statsRegisteredOn: '2021-06-18',
    violations: false,
    outcome: 'eligible',
    figures2022: {
      import: '300000.00',
      export: '700000.01',
      outsourcing: '880000.00',
      offshore: '410000.00',
    },
    trend: [0, 742, 1180],
  },
  {
    name: '广州沐川软件技术有限公司',
    industryCluster: '软件',
    sizeClass: 'small',
    district: '天河区',
    statsRegisteredOn: '2020-10-15',
    violations: false,
    outcome: 'at_threshold',
    figures2022: {
      import: '380000.00',
      export: '620000.00',
      outsourcing: '940000.00',
      offshore: '395000.00',
    },
    trend: [702, 866, 1150],
  },
  {
    name: '广州越禾金融外包服务有限公司',
    industryCluster: '金融服务',
    sizeClass: 'medium',
    district: '越秀区',
    statsRegisteredOn: '2019-09-10',
    violations: false,
    outcome: 'other_district',
    figures2022: {
      import: '1100000.00',
      export: '2140000.00',
      outsourcing: '5600000.00',
      offshore: '2300000.00',
    },
    trend: [780, 890, 1075],
  },
  {
    // Outside the statistics system: its figures are the ones it declared from its special audit report.
    name: '广州峦启数据科技有限公司',
    industryCluster: '数据服务',
    sizeClass: 'small',
    district: '天河区',
    statsRegisteredOn: null,
    violations: false,
    outcome: 'not_stats_registered',
    figures2022: {
      import: '720000.00',
      export: '1380000.00',
      outsourcing: '1650000.00',
      offshore: '930000.00',
    },
    trend: [0, 810, 0],
  },
  {
    name: '广州蔚澜供应链管理有限公司',
    industryCluster: '供应链管理',
    sizeClass: 'medium',
    district: '天河区',
    statsRegisteredOn: '2018-04-11',
    violations: true,
    outcome: 'violation',
    figures2022: {
      import: '1650000.00',
      export: '2750000.00',
      outsourcing: '7400000.00',
      offshore: '1800000.00',
    },
    trend: [845, 930, 1018],
  },
  {
    name: '广州杉屿数字科技有限公司',
    industryCluster: '数字营销',
    sizeClass: 'micro',
    district: '天河区',
    statsRegisteredOn: '2021-09-09',
    violations: false,
    outcome: 'below_threshold',
    figures2022: {
      import: '214200.00',
      export: '650000.00',
      outsourcing: '520000.00',
      offshore: '180000.00',
    },
    trend: [0, 603, 1290],
  },
  {
    name: '广州苇汀音乐文化有限公司',
    industryCluster: '数字音乐',
    sizeClass: 'micro',
    district: '天河区',
    statsRegisteredOn: '2020-06-30',
    violations: false,
    outcome: 'below_threshold',
    figures2022: { import: '96500.00', export: '322000.00', outsourcing: '410000.00', offshore: '120000.00' },
    trend: [760, 905, 1111],
  },
];
