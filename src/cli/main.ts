// The `huiqi` command (bin/huiqi.mjs runs this file through tsx).
import type { CliIo } from './cli-context';
import { runCli } from './run-cli';

const io: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  stdin: process.stdin,
};
process.exitCode = await runCli(process.argv.slice(2), io);
