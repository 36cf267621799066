// Preloaded into the command under benchmark (`node --import`): at exit it writes the process's resource
// usage, whose maxRSS is the peak resident set of the whole process (every thread, tsx's loader included),
// to the file named by HUIQI_BENCH_RUSAGE_FILE. It adds nothing else to the run.
import { writeFileSync } from 'node:fs';

const file = process.env.HUIQI_BENCH_RUSAGE_FILE;
if (file) process.on('exit', () => writeFileSync(file, JSON.stringify(process.resourceUsage())));
