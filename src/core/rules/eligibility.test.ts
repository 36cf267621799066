import { describe, expect, test } from 'vitest';
import type { Rule } from '../../shared/program-file';
import { type CompiledRule, compileProgram } from './compile';
import {
  evaluateEligibility,
  explainEligibility,
  type RuleReason,
  reasonRenderer,
  renderReason,
  renderReasons,
} from './eligibility';
import type { ApplicantFacts } from './facts';
import { applicant, SIXTEEN } from './fixtures/applicants';
import { BASE, DEMO_ELIGIBILITY, program } from './fixtures/programs';

const formula = { kind: 'rate', base: BASE, rate: '1%' } as const;
const compile = (rule: Rule) => {
  const clauses = [
    { id: 'c1', citation: '第一条', summary: '测试', eligibility: rule, formula, materials: [] },
  ];
  return compileProgram(program(formula, { clauses })).clauses[0]?.eligibility as CompiledRule;
};
const trade = { source: 'registry', metric: 'service_trade_usd', year: -1 } as const;
const firm = applicant({
  name: '广州云帆软件科技有限公司',
  trade: '1500000.00',
  sizeClass: 'small',
  industry: '软件',
});

describe('operators', () => {
  test.each<[string, Rule, boolean]>([
    ['eq text', { op: 'eq', fact: { source: 'profile', field: 'district' }, value: '天河区' }, true],
    ['eq text fails', { op: 'eq', fact: { source: 'profile', field: 'district' }, value: '越秀区' }, false],
    ['ne text', { op: 'ne', fact: { source: 'profile', field: 'district' }, value: '越秀区' }, true],
    ['eq flag', { op: 'eq', fact: { source: 'profile', field: 'violations' }, value: false }, true],
    ['ne flag', { op: 'ne', fact: { source: 'profile', field: 'stats_registered' }, value: true }, false],
    ['gt', { op: 'gt', fact: trade, value: '1500000.00' }, false],
    ['gte', { op: 'gte', fact: trade, value: '1500000.00' }, true],
    ['lt', { op: 'lt', fact: trade, value: '1500000.01' }, true],
    ['lte', { op: 'lte', fact: trade, value: '1499999.99' }, false],
    ['eq amount', { op: 'eq', fact: trade, value: '1500000' }, true],
    ['ne amount', { op: 'ne', fact: trade, value: '1500000.00' }, false],
    ['in', { op: 'in', fact: { source: 'profile', field: 'size_class' }, values: ['small', 'micro'] }, true],
    ['in fails', { op: 'in', fact: { source: 'profile', field: 'industry' }, values: ['金融服务'] }, false],
    ['between inclusive low', { op: 'between', fact: trade, min: '1500000.00', max: '2000000.00' }, true],
    ['between inclusive high', { op: 'between', fact: trade, min: '1000000.00', max: '1500000.00' }, true],
    ['between outside', { op: 'between', fact: trade, min: '1500000.01', max: '2000000.00' }, false],
    ['missing year fails', { op: 'gte', fact: { ...trade, year: -3 }, value: '0.00' }, false],
    ['declared missing fails', { op: 'gte', fact: { ...trade, source: 'declared' }, value: '0.00' }, false],
  ])('%s', (_name, rule, expected) => {
    const result = evaluateEligibility(compile(rule), firm, 2023);
    expect(result.pass).toBe(expected);
    expect(result.reasons).toHaveLength(1);
    expect(result.reasons[0]?.pass).toBe(expected);
  });

  const yes: Rule = { op: 'eq', fact: { source: 'profile', field: 'district' }, value: '天河区' };
  const no: Rule = { op: 'eq', fact: { source: 'profile', field: 'district' }, value: '越秀区' };
  test.each<[string, Rule, boolean, number]>([
    ['all true', { op: 'all', rules: [yes, yes] }, true, 2],
    ['all with one false', { op: 'all', rules: [yes, no] }, false, 2],
    ['any with one true', { op: 'any', rules: [no, yes] }, true, 2],
    ['any all false', { op: 'any', rules: [no, no] }, false, 2],
    ['not false', { op: 'not', rule: no }, true, 1],
    ['not true', { op: 'not', rule: yes }, false, 1],
    ['nested', { op: 'all', rules: [yes, { op: 'any', rules: [no, { op: 'not', rule: no }] }] }, true, 3],
  ])('%s', (_name, rule, expected, reasons) => {
    const result = evaluateEligibility(compile(rule), firm, 2023);
    expect(result.pass).toBe(expected);
    expect(result.reasons).toHaveLength(reasons);
  });
});

describe('reasons', () => {
  test('one sentence per leaf in both locales, with actual and required values', () => {
    const rich = applicant({ name: '广州云帆软件科技有限公司', trade: '1234567.00' });
    const result = evaluateEligibility(compile(DEMO_ELIGIBILITY), rich, 2023);
    expect(result.pass).toBe(true);
    expect(renderReasons(result, 'zh-CN')).toEqual([
      '注册地：天河区，要求为天河区（满足）',
      '已纳入区服务贸易统计（依法统计）（满足）',
      '无违法违规记录（满足）',
      '上一年度服务贸易额 USD 1,234,567.00，高于 USD 1,000,000.00（满足）',
    ]);
    expect(renderReasons(result, 'en-US')[3]).toBe(
      'Service trade volume of the previous year USD 1,234,567.00, above USD 1,000,000.00 (met)',
    );
  });

  test('failing and missing facts say so', () => {
    const rule = compile(DEMO_ELIGIBILITY);
    const noData = SIXTEEN[15] as ApplicantFacts;
    const result = evaluateEligibility(rule, noData, 2023);
    expect(result.pass).toBe(false);
    expect(renderReason(result.reasons[3] as RuleReason, 'zh-CN')).toBe(
      '上一年度服务贸易额：无数据（不满足）',
    );
    const atThreshold = evaluateEligibility(rule, SIXTEEN[10] as ApplicantFacts, 2023);
    expect(renderReason(atThreshold.reasons[3] as RuleReason, 'zh-CN')).toContain(
      '未高于 USD 1,000,000.00（不满足）',
    );
  });

  test('explainEligibility gives the same number of sentences in both locales', () => {
    const both = explainEligibility(
      evaluateEligibility(compile(DEMO_ELIGIBILITY), SIXTEEN[12] as ApplicantFacts, 2023),
    );
    expect(both['zh-CN'][1]).toBe('未纳入区服务贸易统计，要求已纳入区服务贸易统计（依法统计）（不满足）');
    expect(both['en-US'][1]).toBe(
      "Not counted in the district's service trade statistics, required: counted in the district's service trade statistics (not met)",
    );
    expect(both['en-US']).toHaveLength(4);
  });

  test('the demo rule admits exactly the ten qualifying fixtures', () => {
    const rule = compile(DEMO_ELIGIBILITY);
    const passing = SIXTEEN.filter((facts) => evaluateEligibility(rule, facts, 2023).pass);
    expect(passing.map((f) => f.name)).toEqual(SIXTEEN.slice(0, 10).map((f) => f.name));
  });
});

describe('the reason renderer of a simulation at scale', () => {
  const rules: Rule[] = [
    DEMO_ELIGIBILITY,
    { op: 'ne', fact: { source: 'profile', field: 'district' }, value: '越秀区' },
    { op: 'ne', fact: { source: 'profile', field: 'stats_registered' }, value: true },
    { op: 'in', fact: { source: 'profile', field: 'size_class' }, values: ['small', 'micro'] },
    { op: 'eq', fact: { source: 'profile', field: 'size_class' }, value: 'medium' },
    { op: 'in', fact: { source: 'profile', field: 'industry' }, values: ['软件', '金融服务'] },
    { op: 'between', fact: trade, min: '1000000.00', max: '2000000.00' },
    { op: 'lte', fact: { ...trade, year: -2 }, value: '1200000.00' },
    { op: 'gte', fact: { ...trade, source: 'declared' }, value: '0.00' },
  ];
  const people = [...SIXTEEN, firm, applicant({ name: 'x', district: '广州市天河区', industry: '金融服务' })];

  test.each(['zh-CN', 'en-US'] as const)('%s: the same sentence as renderReason for every leaf', (locale) => {
    const render = reasonRenderer(locale);
    for (const rule of rules.map(compile))
      for (const facts of people)
        for (const reason of evaluateEligibility(rule, facts, 2023).reasons) {
          // Twice: once filling the cache, once from it.
          expect(render(reason)).toBe(renderReason(reason, locale));
          expect(render(reason)).toBe(renderReason(reason, locale));
        }
  });

  test('evaluating without reasons gives the same verdict and no reasons', () => {
    for (const rule of rules.map(compile))
      for (const facts of people) {
        const quiet = evaluateEligibility(rule, facts, 2023, false);
        expect(quiet).toEqual({ pass: evaluateEligibility(rule, facts, 2023).pass, reasons: [] });
      }
  });
});
