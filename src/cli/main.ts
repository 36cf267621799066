// The `huiqi` command (bin/huiqi.mjs runs this file through tsx).
import type { CliIo } from './cli-context';
import { runCli } from './run-cli';

// `huiqi program list | head` closes the pipe early: that is the reader's choice, not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

const io: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  stdin: process.stdin,
};
process.exitCode = await runCli(process.argv.slice(2), io);
