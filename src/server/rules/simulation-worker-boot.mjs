// Starts the simulation worker from TypeScript source (development and tests), the way bin/huiqi.mjs starts
// the CLI: a worker thread does not inherit the parent's tsx loader, so it registers its own.
import { register } from 'tsx/esm/api';

register();
await import('./simulation-worker.ts');
