// The worker side of the simulation pool: runs one simulation at a time off the server's event loop and
// answers with the response body already checked against its schema and serialized (checking and
// serializing thousands of applicants costs the event loop hundreds of milliseconds), or with the AppError
// the request should answer.
import { parentPort } from 'node:worker_threads';
import { simulationResponse } from '../../shared/api/rules';
import { AppError } from '../../shared/errors';
import { runSimulation } from './run-simulation';
import type { SimulationJob, SimulationReply } from './simulation-pool';

const port = parentPort;
if (port === null) throw new Error('simulation-worker runs only as a worker thread');

port.on('message', (job: SimulationJob) => {
  let reply: SimulationReply;
  try {
    const body = simulationResponse.parse(runSimulation(job.input, job.locale));
    reply = { ok: true, json: new TextEncoder().encode(JSON.stringify(body)) };
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    reply = {
      ok: false,
      error: { code: error.code, kind: error.kind, params: error.params, details: error.details },
    };
  }
  port.postMessage(reply, reply.ok ? [reply.json.buffer as ArrayBuffer] : []);
});
