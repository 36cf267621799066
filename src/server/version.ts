// The application version, read once from package.json so health checks and the OpenAPI document agree.
import { readFileSync } from 'node:fs';
import { projectPath } from '../project-root';

const pkg = JSON.parse(readFileSync(projectPath('package.json'), 'utf8')) as {
  version: string;
};

export const VERSION: string = pkg.version;
