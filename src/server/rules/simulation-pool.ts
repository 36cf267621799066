// Simulations are CPU-bound (a large applicants CSV takes seconds), so they run in worker threads: the event
// loop keeps answering other requests, a run past the time limit is terminated, and a run past the memory
// limit dies alone instead of taking the server with it. Workers are kept warm between runs.
import { Worker } from 'node:worker_threads';
import { AppError, type ErrorDetail, type ErrorKind } from '../../shared/errors';
import type { Locale, MessageParams } from '../../shared/i18n';
import type { SimulationInput } from './run-simulation';

export interface SimulationJob {
  /** Program files already checked (checkSimulationPrograms); the worker reads the CSV and runs. */
  input: SimulationInput;
  locale: Locale;
}

export type SimulationReply =
  | { ok: true; json: Uint8Array }
  | { ok: false; error: { code: string; kind: ErrorKind; params: MessageParams; details: ErrorDetail[] } };

export interface SimulationPoolOptions {
  /** Wall-clock limit of one run, counted from the moment a worker takes it. */
  timeLimitMs: number;
  /** Heap limit of one worker; a run that needs more answers SIMULATION_TOO_LARGE. */
  memoryLimitMb: number;
  /** Runs at once; more wait in line, up to `queueLimit`, then answer SIMULATION_BUSY. */
  workers: number;
  queueLimit: number;
}

export const DEFAULT_SIMULATION_POOL: SimulationPoolOptions = {
  timeLimitMs: 20_000,
  memoryLimitMb: 1024,
  workers: 1,
  queueLimit: 8,
};

export interface SimulationPool {
  /** The response body as JSON (UTF-8), already checked against `simulationResponse`. */
  run(job: SimulationJob): Promise<Buffer>;
  close(): Promise<void>;
}

// From source the worker needs tsx's loader; from compiled JavaScript it is a plain module beside this one.
const WORKER_URL = import.meta.url.endsWith('.ts')
  ? new URL('./simulation-worker-boot.mjs', import.meta.url)
  : new URL('./simulation-worker.js', import.meta.url);

export function createSimulationPool(
  options: SimulationPoolOptions = DEFAULT_SIMULATION_POOL,
): SimulationPool {
  const all = new Set<Worker>();
  const idle = new Set<Worker>();
  const waiting: (() => void)[] = [];
  let running = 0;

  const spawn = () => {
    const worker = new Worker(WORKER_URL, {
      resourceLimits: { maxOldGenerationSizeMb: options.memoryLimitMb },
    });
    all.add(worker);
    worker.on('exit', () => {
      all.delete(worker);
      idle.delete(worker);
    });
    return worker;
  };

  const dispatch = (job: SimulationJob) =>
    new Promise<Buffer>((resolve, reject) => {
      const first = idle.values().next();
      const worker = first.done ? spawn() : first.value;
      idle.delete(worker);
      worker.ref();
      const settle = () => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
      };
      const onMessage = (reply: SimulationReply) => {
        settle();
        worker.unref();
        idle.add(worker);
        if (reply.ok) resolve(Buffer.from(reply.json.buffer, reply.json.byteOffset, reply.json.byteLength));
        else
          reject(new AppError(reply.error.code, reply.error.kind, reply.error.params, reply.error.details));
      };
      const onError = (error: Error & { code?: string }) => {
        settle();
        void worker.terminate();
        reject(
          error.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? new AppError('SIMULATION_TOO_LARGE', 'payload_too_large', { megabytes: options.memoryLimitMb })
            : error,
        );
      };
      const onExit = (exitCode: number) => {
        settle();
        reject(new Error(`simulation worker exited with code ${exitCode}`));
      };
      const timer = setTimeout(() => {
        settle();
        void worker.terminate();
        reject(new AppError('SIMULATION_TOO_LONG', 'unavailable', { seconds: options.timeLimitMs / 1000 }));
      }, options.timeLimitMs);
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      worker.postMessage(job);
    });

  return {
    async run(job) {
      if (running < options.workers) running += 1;
      else if (waiting.length >= options.queueLimit) throw new AppError('SIMULATION_BUSY', 'unavailable');
      // A finishing run hands its slot straight to the first in line, so the count never overshoots.
      else await new Promise<void>((resolve) => waiting.push(resolve));
      try {
        return await dispatch(job);
      } finally {
        const next = waiting.shift();
        if (next) next();
        else running -= 1;
      }
    },
    async close() {
      await Promise.all([...all].map((worker) => worker.terminate()));
    },
  };
}
