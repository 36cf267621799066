// The department, its basis documents, the two demo programs with their calls, and one user per role.
//
// The story: the 2023 program is the seed's — budget 129.96万元, planned for the first half of the year but,
// the district budget being tight, the call only opened in October and the money arrived in December. The
// second program is the 2026 round of the same clause, rewarding 2025 performance; its call is open now (the
// demo's today is 2026-11-25; loaded later, open-round.ts moves the round so that it is open on the day), so a
// visitor can apply. It is named after its own year rather than as a
// "2024 program" because a 2024 round whose call ran in late 2026 would be a story no bureau tells. The
// policy of 2020 is assumed to have been extended; its 2026 guide already accepts contract copies instead of
// the costly audit report, as the 2023 evaluation recommended.
import { APPLICANT_ENTERPRISES, FEATURED_ENTERPRISES } from './data-enterprises';
import type {
  DemoApplication,
  DemoBasisDocument,
  DemoCall,
  DemoDepartment,
  DemoPolicy,
  DemoProgram,
  DemoUser,
} from './data-types';

export const DEMO_DEPARTMENT: DemoDepartment = {
  code: 'gz-tianhe-commerce',
  name: '广州市天河区商务和金融工作局',
  regionCode: '440106',
  regionName: '天河区',
};

const POLICY: DemoBasisDocument = {
  kind: 'policy',
  docNumber: '穗天府规〔2020〕3号',
  title: '广州市天河区人民政府关于印发天河区推动经济高质量发展的若干政策意见的通知',
  citation: '第三条第17项第（2）点',
};

const FUND_RULES: DemoBasisDocument = {
  kind: 'fund_rules',
  docNumber: '穗天商金〔2023〕4号',
  title: '天河区商务金融局政策专项资金使用管理办法（第二次修订版）',
  citation: null,
};

const GUIDE: DemoBasisDocument = {
  kind: 'guide',
  docNumber: null,
  title: '关于天河区推动经济高质量发展的若干政策意见资金兑现关键环节的工作指引',
  citation: null,
};

// The seed gives the documents' years, not their days: effective dates are the first day of that year.
export const DEMO_POLICIES: readonly DemoPolicy[] = [
  {
    docNumber: POLICY.docNumber as string,
    title: POLICY.title,
    issuer: '广州市天河区人民政府',
    effectiveFrom: '2020-01-01',
    effectiveTo: null,
    departmentCode: DEMO_DEPARTMENT.code,
    clauses: [
      {
        citation: POLICY.citation as string,
        summary:
          '服务外包业绩奖励和服务贸易额业绩奖励：支持在天河区依法登记注册、从事服务外包和服务贸易业务的企业，' +
          '对上一年度服务贸易额超过100万美元的企业给予奖励。',
        version: 1,
      },
    ],
  },
  {
    docNumber: FUND_RULES.docNumber as string,
    title: FUND_RULES.title,
    issuer: DEMO_DEPARTMENT.name,
    effectiveFrom: '2023-01-01',
    effectiveTo: null,
    departmentCode: DEMO_DEPARTMENT.code,
    clauses: [],
  },
];

export const DEMO_PROGRAMS: readonly DemoProgram[] = [
  {
    code: 'tianhe-2023-service-trade',
    name: '服务外包业绩奖励和服务贸易额业绩奖励',
    year: 2023,
    departmentCode: DEMO_DEPARTMENT.code,
    budget: '1299600.00',
    fundSource: '区财政资金',
    status: 'completed',
    basis: [
      POLICY,
      FUND_RULES,
      GUIDE,
      {
        kind: 'work_plan',
        docNumber: null,
        title: '2023年天河区商务金融局高质量发展政策兑现工作方案',
        citation: null,
      },
    ],
    // Actual dates are working days on the 2023 official calendar (10-07 and 10-08 were make-up working days,
    // so the call opened on the first Monday after the National Day break).
    milestones: [
      {
        kind: 'call_open',
        plannedOn: '2023-06-01',
        actualOn: '2023-10-09',
        note: '受区财政紧张影响，申报工作于10月开展',
      },
      { kind: 'collection', plannedOn: '2023-06-30', actualOn: '2023-10-27', note: '申报截止，资料收集完成' },
      { kind: 'review', plannedOn: '2023-07-21', actualOn: '2023-11-10', note: '形式审查与材料评审完成' },
      {
        kind: 'publicity',
        plannedOn: '2023-08-01',
        actualOn: '2023-11-20',
        note: '公示5个工作日（11月20日至24日）',
      },
      { kind: 'approval', plannedOn: '2023-08-18', actualOn: '2023-12-01', note: '奖励名单审定' },
      { kind: 'payment', plannedOn: '2023-09-15', actualOn: '2023-12-15', note: '129.96万元拨付至10家企业' },
    ],
  },
  {
    code: 'tianhe-2026-service-trade',
    name: '服务外包业绩奖励和服务贸易额业绩奖励（2025年度业绩）',
    year: 2026,
    departmentCode: DEMO_DEPARTMENT.code,
    budget: '1500000.00',
    fundSource: '区财政资金',
    status: 'open',
    basis: [POLICY, FUND_RULES, GUIDE],
    milestones: [
      { kind: 'call_open', plannedOn: '2026-11-02', actualOn: '2026-11-02', note: null },
      { kind: 'collection', plannedOn: '2026-12-11', actualOn: null, note: null },
      { kind: 'review', plannedOn: '2026-12-16', actualOn: null, note: null },
      { kind: 'publicity', plannedOn: '2026-12-17', actualOn: null, note: '公示5个工作日' },
      { kind: 'approval', plannedOn: '2026-12-25', actualOn: null, note: null },
      { kind: 'payment', plannedOn: '2026-12-30', actualOn: null, note: '年底前拨付' },
    ],
  },
  // The next round, in planning: no rules imported and its call not published yet, as a program stands while the
  // bureau drafts it.
  {
    code: 'tianhe-2027-service-trade',
    name: '服务外包业绩奖励和服务贸易额业绩奖励（2026年度业绩，筹备中）',
    year: 2027,
    departmentCode: DEMO_DEPARTMENT.code,
    budget: '1500000.00',
    fundSource: '区财政资金',
    status: 'draft',
    basis: [POLICY, FUND_RULES],
    milestones: [
      { kind: 'call_open', plannedOn: '2027-09-01', actualOn: null, note: null },
      { kind: 'collection', plannedOn: '2027-10-15', actualOn: null, note: null },
      { kind: 'review', plannedOn: '2027-10-29', actualOn: null, note: null },
      { kind: 'publicity', plannedOn: '2027-11-01', actualOn: null, note: '公示5个工作日' },
      { kind: 'approval', plannedOn: '2027-11-12', actualOn: null, note: null },
      { kind: 'payment', plannedOn: '2027-11-30', actualOn: null, note: null },
    ],
  },
];

export const DEMO_CALLS: readonly DemoCall[] = [
  {
    code: 'tianhe-2023-service-trade-call',
    programCode: 'tianhe-2023-service-trade',
    title: '2023年天河区服务外包业绩奖励和服务贸易额业绩奖励申报通知',
    opensAt: '2023-10-09T09:00:00+08:00',
    closesAt: '2023-10-27T17:30:00+08:00',
    status: 'closed',
    guide:
      '根据《广州市天河区人民政府关于印发天河区推动经济高质量发展的若干政策意见的通知》（穗天府规〔2020〕3号）' +
      '第三条第17项第（2）点，现组织开展2023年服务外包业绩奖励和服务贸易额业绩奖励申报工作。\n' +
      '一、申报条件：在天河区依法登记注册并纳入服务外包与服务贸易统计，无违法违规记录，' +
      '2022年度服务贸易额（服务进口额与服务出口额之和）超过100万美元。\n' +
      '二、申报材料：申报表、营业执照、服务贸易收支或离岸服务外包专项审计报告、收款账户信息。\n' +
      '三、申报时间：2023年10月9日至10月27日，逾期不予受理。\n' +
      '四、评审结果在区商务和金融工作局网站公示5个工作日，公示无异议后按程序拨付。',
    publicityDays: 5,
    publicityKind: 'workdays',
  },
  {
    code: 'tianhe-2026-service-trade-call',
    programCode: 'tianhe-2026-service-trade',
    title: '2026年天河区服务外包业绩奖励和服务贸易额业绩奖励申报通知（2025年度业绩）',
    opensAt: '2026-11-02T09:00:00+08:00',
    closesAt: '2026-12-11T17:30:00+08:00',
    status: 'open',
    guide:
      '现组织开展2026年服务外包业绩奖励和服务贸易额业绩奖励申报工作，奖励对象为2025年度业绩。\n' +
      '一、申报条件：在天河区依法登记注册并纳入服务外包与服务贸易统计，无违法违规记录，' +
      '2025年度服务贸易额超过100万美元。\n' +
      '二、申报材料：申报表、营业执照、收款账户信息；业绩证明可任选其一：服务贸易收支或离岸服务外包专项审计报告，' +
      '或全部服务合同复印件及收汇凭证。\n' +
      '三、申报时间：2026年11月2日至12月11日，逾期不予受理。\n' +
      '四、评审结果公示5个工作日，公示无异议后于年底前拨付。',
    publicityDays: 5,
    publicityKind: 'workdays',
    // The 2023 evaluation's first suggestion: the costly special audit report, or the contracts with their
    // foreign exchange receipts instead.
    materials: {
      always: ['business_license', 'bank_account'],
      clauses: { 'service-trade-volume': [['special_audit_report'], ['contract_copies', 'fx_receipts']] },
      commitment: true,
    },
  },
  {
    code: 'tianhe-2027-service-trade-call',
    programCode: 'tianhe-2027-service-trade',
    title: '2027年天河区服务外包业绩奖励和服务贸易额业绩奖励申报通知（2026年度业绩）',
    opensAt: '2027-09-01T09:00:00+08:00',
    closesAt: '2027-10-15T17:30:00+08:00',
    status: 'draft',
    guide: '',
    publicityDays: 5,
    publicityKind: 'workdays',
  },
];

/**
 * The open 2026 call as each applicant user finds it: `applicant` has a draft with its business licence
 * uploaded, to finish and submit; `applicant2` has submitted with contract copies and foreign exchange receipts
 * instead of an audit report, and waits for intake review.
 */
export const DEMO_APPLICATIONS: readonly DemoApplication[] = [
  {
    username: 'applicant',
    callCode: 'tianhe-2026-service-trade-call',
    clause: 'service-trade-volume',
    status: 'draft',
    declared: { service_trade_usd: '1860000.00' },
    materials: [
      {
        kind: 'business_license',
        name: '营业执照（副本）.pdf',
        lines: ['Business licence (copy) - demo document', 'Fictional enterprise of the Huiqi demo'],
      },
    ],
  },
  {
    username: 'applicant2',
    callCode: 'tianhe-2026-service-trade-call',
    clause: 'service-trade-volume',
    status: 'submitted',
    declared: { service_trade_usd: '3425000.00', service_export_usd: '2950000.00' },
    materials: [
      {
        kind: 'business_license',
        name: '营业执照.pdf',
        lines: [
          'Business licence - demo document',
          'Guangzhou Puheng Software Development Co., Ltd. (fictional)',
        ],
      },
      {
        kind: 'bank_account',
        name: '收款账户信息.pdf',
        lines: [
          'Receiving bank account - demo document',
          'Account holder: Guangzhou Puheng Software (fictional)',
        ],
      },
      {
        kind: 'contract_copies',
        name: '2025年服务合同汇编.pdf',
        lines: [
          'Service contracts 2025 - demo document',
          'Contract HK-2025-014: software development, USD 1,980,000.00',
          'Contract SG-2025-031: testing services, USD 1,445,000.00',
          'Total: USD 3,425,000.00',
        ],
      },
      {
        kind: 'fx_receipts',
        name: '2025年收汇凭证.pdf',
        lines: ['Foreign exchange receipts 2025 - demo document', 'Receipts total: USD 2,950,000.00'],
      },
    ],
    commitmentSigner: '郑璞',
  },
];

/** The password of every demo user — for the demo database only, never a real deployment. */
export const DEMO_PASSWORD = 'Huiqi-demo-2023';

const applicantEnterprise = APPLICANT_ENTERPRISES[0];
const applicant2Enterprise = FEATURED_ENTERPRISES.find((e) => e.name === '广州璞衡软件开发有限公司');

// The roles that must use TOTP in production (approver, finance, admin): the demo's approver and finance may
// skip it so a visitor can look around; its administrator enrols like a real one.
export const DEMO_USERS: readonly DemoUser[] = [
  { role: 'admin', username: 'admin', password: DEMO_PASSWORD, displayName: '系统管理员' },
  { role: 'intake', username: 'intake', password: DEMO_PASSWORD, displayName: '林晓（受理）' },
  { role: 'expert', username: 'expert', password: DEMO_PASSWORD, displayName: '陈立衡（评审专家）' },
  {
    role: 'approver',
    username: 'approver',
    password: DEMO_PASSWORD,
    displayName: '黄志远（审批）',
    totpOptional: true,
  },
  {
    role: 'finance',
    username: 'finance',
    password: DEMO_PASSWORD,
    displayName: '周敏（财务）',
    totpOptional: true,
  },
  { role: 'evaluator', username: 'evaluator', password: DEMO_PASSWORD, displayName: '吴思齐（绩效管理）' },
  {
    role: 'applicant',
    username: 'applicant',
    password: DEMO_PASSWORD,
    displayName: '李澄（澄屿软件）',
    enterpriseUscc: applicantEnterprise?.uscc,
  },
  {
    role: 'applicant',
    username: 'applicant2',
    password: DEMO_PASSWORD,
    displayName: '郑璞（璞衡软件）',
    enterpriseUscc: applicant2Enterprise?.uscc,
  },
];
