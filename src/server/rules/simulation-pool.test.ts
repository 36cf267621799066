import { afterAll, describe, expect, it } from 'vitest';
import type { SimulationResponse } from '../../shared/api/rules';
import { AppError } from '../../shared/errors';
import { DEMO_APPLICANTS_CSV, generatedApplicantsCsv, SERVICE_TRADE_PROGRAM } from './rules-test-support';
import { checkSimulationPrograms } from './run-simulation';
import { createSimulationPool, DEFAULT_SIMULATION_POOL } from './simulation-pool';

const body = (json: Buffer) => JSON.parse(json.toString('utf8')) as SimulationResponse;
const demo = {
  input: checkSimulationPrograms(
    { program: SERVICE_TRADE_PROGRAM, applicantsCsv: DEMO_APPLICANTS_CSV },
    'en-US',
  ),
  locale: 'en-US' as const,
};

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('simulation pool', () => {
  const pools: ReturnType<typeof createSimulationPool>[] = [];
  const pool = (options: Partial<typeof DEFAULT_SIMULATION_POOL> = {}) => {
    const created = createSimulationPool({ ...DEFAULT_SIMULATION_POOL, ...options });
    pools.push(created);
    return created;
  };
  afterAll(() => Promise.all(pools.map((p) => p.close())));

  it('runs a simulation in a worker and answers its domain errors as AppErrors', async () => {
    const simulations = pool();
    const result = body(await simulations.run(demo));
    expect(result.result.totals.allocated).toBe('1299600.00');
    const bad = await failure(
      simulations.run({ ...demo, input: { ...demo.input, applicantsCsv: 'uscc\n' } }),
    );
    expect(bad.code).toBe('CSV_INVALID');
    expect(bad.status).toBe(422);
    expect(bad.details.length).toBeGreaterThan(0);
  });

  it('stops a run past the time limit with SIMULATION_TOO_LONG and keeps serving', async () => {
    const simulations = pool({ timeLimitMs: 50 });
    const big = { ...demo, input: { ...demo.input, applicantsCsv: generatedApplicantsCsv(4 << 20) } };
    const error = await failure(simulations.run(big));
    expect(error.code).toBe('SIMULATION_TOO_LONG');
    expect(error.status).toBe(503);
    expect(error.params).toEqual({ seconds: 0.05 });
    const slower = pool({ timeLimitMs: 20_000 });
    expect(body(await slower.run(demo)).result.totals.eligible).toBe(10);
  });

  it('stops a run past the memory limit with SIMULATION_TOO_LARGE', async () => {
    const simulations = pool({ memoryLimitMb: 48 });
    const big = { ...demo, input: { ...demo.input, applicantsCsv: generatedApplicantsCsv(24 << 20) } };
    const error = await failure(simulations.run(big));
    expect(error.code).toBe('SIMULATION_TOO_LARGE');
    expect(error.status).toBe(413);
  });

  it('answers SIMULATION_BUSY when the line of waiting runs is full', async () => {
    const simulations = pool({ workers: 1, queueLimit: 1 });
    const runs = [simulations.run(demo), simulations.run(demo)];
    const error = await failure(simulations.run(demo));
    expect(error.code).toBe('SIMULATION_BUSY');
    expect(error.status).toBe(503);
    for (const result of await Promise.all(runs)) expect(body(result).result.totals.eligible).toBe(10);
  });
});
