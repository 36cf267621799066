// A simulation at scale (a million applicants) in two passes over the file. Pass one feeds every applicant to
// a tally that keeps only what allocation and the distribution need — computed amount, USCC, size class and
// score, a few dozen bytes each — then allocates. Pass two reads the file again and presents each applicant
// with its reasons and its allocated amount from the tally. Pure: the caller does the reading and writing.
import type { Locale } from '../../shared/i18n';
import { SIZE_CLASSES, type SizeClass } from '../../shared/program-file';
import { type Fen, fen, yuanString } from '../money/money';
import { allocateColumns } from './allocate';
import { Amounts } from './amounts';
import { computeAward } from './award';
import type { CompiledProgram } from './compile';
import { type Distribution, summarizeAllocated } from './distribution';
import { type RuleReason, reasonRenderer } from './eligibility';
import type { ApplicantFacts } from './facts';
import { SME_CLASSES } from './facts';
import type { SimulationTotals } from './simulate';

const USCC_BYTES = 18;
const SME = new Uint8Array(SIZE_CLASSES.map((size) => (SME_CLASSES.has(size) ? 1 : 0)));

export interface TallyResult {
  allocated: Amounts;
  totals: SimulationTotals;
  reduced: boolean;
  distribution: Distribution;
}

export class SimulationTally {
  private readonly computed = new Amounts();
  private uscc = new Uint8Array(1024 * USCC_BYTES);
  private size = new Uint8Array(1024);
  private scores: Float64Array | null = null;
  private count = 0;
  private eligible = 0;
  private computedTotal = 0n;

  constructor(readonly program: CompiledProgram) {
    if (program.allocation.method === 'ranking' && program.allocation.by === 'score')
      this.scores = new Float64Array(1024);
  }

  get applicants(): number {
    return this.count;
  }

  /** Pass one: one applicant, in file order. */
  add(facts: ApplicantFacts): void {
    const award = computeAward(this.program, facts, { reasons: false, trace: false });
    const i = this.count;
    if (i === this.size.length) this.grow();
    this.computed.push(award.computed);
    this.computedTotal += award.computed;
    if (award.eligible) this.eligible += 1;
    this.size[i] = SIZE_CLASSES.indexOf(facts.sizeClass);
    for (let k = 0; k < USCC_BYTES; k++) this.uscc[i * USCC_BYTES + k] = facts.uscc.charCodeAt(k) & 0xff;
    if (this.scores) this.scores[i] = facts.score ?? 0;
    this.count += 1;
  }

  /** Allocates the budget over everyone added; the same result as simulateProgram on the same applicants. */
  finish(): TallyResult {
    const { uscc, scores, program } = this;
    const compareIds = (a: number, b: number) => {
      for (let k = 0; k < USCC_BYTES; k++) {
        const d = (uscc[a * USCC_BYTES + k] as number) - (uscc[b * USCC_BYTES + k] as number);
        if (d !== 0) return d;
      }
      return 0;
    };
    const allocation = allocateColumns(
      scores
        ? { computed: this.computed, compareIds, score: (i) => scores[i] ?? 0 }
        : { computed: this.computed, compareIds },
      program.budget,
      program.allocation,
    );
    const totals: SimulationTotals = {
      eligible: this.eligible,
      computed: fen(this.computedTotal),
      allocated: allocation.total,
      budget: program.budget,
    };
    const distribution = summarizeAllocated(allocation.allocated, (i) => SME[this.size[i] as number] === 1);
    return { allocated: allocation.allocated, totals, reduced: allocation.reduced, distribution };
  }

  private grow(): void {
    const size = new Uint8Array(this.size.length * 2);
    size.set(this.size);
    this.size = size;
    const uscc = new Uint8Array(this.uscc.length * 2);
    uscc.set(this.uscc);
    this.uscc = uscc;
    if (this.scores) {
      const scores = new Float64Array(this.scores.length * 2);
      scores.set(this.scores);
      this.scores = scores;
    }
  }
}

/** One applicant of pass two: what the output shows. */
export interface PresentedApplicant {
  uscc: string;
  name: string;
  sizeClass: SizeClass;
  eligible: boolean;
  reasons: string[];
  computed: Fen;
  allocated: Fen;
}

// One memoising renderer per locale for every pass two: its cache is keyed by the compiled rules, so it holds
// a few sentences per rule whatever the number of applicants.
const renderers = new Map<Locale, (reason: RuleReason) => string>();

function rendererFor(locale: Locale): (reason: RuleReason) => string {
  let render = renderers.get(locale);
  if (render === undefined) {
    render = reasonRenderer(locale);
    renderers.set(locale, render);
  }
  return render;
}

/** Pass two: the applicant at position `index` of pass one, with its reasons in the locale. */
export function presentApplicant(
  program: CompiledProgram,
  facts: ApplicantFacts,
  allocated: bigint,
  locale: Locale,
): PresentedApplicant {
  const award = computeAward(program, facts, { trace: false });
  const render = rendererFor(locale);
  return {
    uscc: award.uscc,
    name: facts.name,
    sizeClass: facts.sizeClass,
    eligible: award.eligible,
    reasons: award.clauses.flatMap((c) => c.eligibility.reasons.map(render)),
    computed: award.computed,
    allocated: fen(allocated),
  };
}

/** Result-file columns, and one applicant's cells (amounts in 元 with two decimals, reasons one per line). */
export const RESULT_COLUMNS = ['uscc', 'name', 'size_class', 'eligible', 'computed', 'allocated', 'reasons'];

export function resultCells(row: PresentedApplicant): string[] {
  return [
    row.uscc,
    row.name,
    row.sizeClass,
    String(row.eligible),
    yuanString(row.computed),
    yuanString(row.allocated),
    row.reasons.join('\n'),
  ];
}

/**
 * A cell a spreadsheet would read as a formula (`=`, `+`, `-`, `@`, tab or CR first) gets a leading
 * apostrophe, so an applicant's name can never run as a formula when the result file is opened (CSV injection).
 */
export function neutralizeCell(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** One CSV record (RFC 4180), cells neutralised, with CRLF. */
export function csvRecord(cells: readonly string[]): string {
  return `${cells
    .map((cell) => {
      const safe = neutralizeCell(cell);
      return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
    })
    .join(',')}\r\n`;
}
