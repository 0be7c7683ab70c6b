// Runs a command while worker threads keep every core busy, to show that the tests hold on a
// busy machine (a test that only passes on an idle one waits for time, not for what it asserts).
//
//   node scripts/with-cpu-load.js [--workers N] [--] <command> [args…]
//   node scripts/with-cpu-load.js npx wtr --port 8401 "test/soak.test.ts"
//   BROWSERS=webkit node scripts/with-cpu-load.js -- npx wtr
//
// N defaults to the number of cores (LOAD_WORKERS sets it too). Exits with the command's exit
// code, and stops the load when the command ends; prints how much CPU the load really took.
import { spawn } from 'node:child_process';
import os from 'node:os';
import { Worker } from 'node:worker_threads';

const args = process.argv.slice(2);
let workers = Number(process.env.LOAD_WORKERS ?? os.availableParallelism());
if (args[0] === '--workers') {
  workers = Number(args[1]);
  args.splice(0, 2);
}
if (args[0] === '--') args.shift();
if (args.length === 0 || !Number.isInteger(workers) || workers < 0) {
  console.error('usage: node scripts/with-cpu-load.js [--workers N] [--] <command> [args…]');
  process.exit(2);
}

// A busy loop that never yields: all it does is take a core away from the command.
const BURN = 'let x = 0; for (;;) x = (x * 1103515245 + 12345) % 2147483648;';
const started = Date.now();
const load = Array.from({ length: workers }, () => new Worker(BURN, { eval: true }));
console.log(`with-cpu-load: ${workers} busy worker thread(s) on ${os.availableParallelism()} core(s); running: ${args.join(' ')}`);

const child = spawn(args[0], args.slice(1), { stdio: 'inherit', shell: process.platform === 'win32' });
const forward = (signal) => child.kill(signal);
process.on('SIGINT', forward);
process.on('SIGTERM', forward);

child.on('error', (error) => finish(`could not start ${args[0]}: ${error.message}`, 127));
child.on('exit', (code, signal) => finish(signal ? `the command ended on ${signal}` : '', code ?? 1));

let finished = false;
async function finish(problem, code) {
  if (finished) return;
  finished = true;
  const seconds = (Date.now() - started) / 1000;
  // This process's CPU time is the workers' (the command runs in a child process of its own).
  const { user, system } = process.cpuUsage();
  await Promise.all(load.map((worker) => worker.terminate()));
  if (problem) console.error(`with-cpu-load: ${problem}`);
  console.log(
    `with-cpu-load: exit code ${code}; the load used ${((user + system) / 1e6).toFixed(0)} s of CPU in ${seconds.toFixed(0)} s ` +
      `(${workers} worker(s) would use ${(workers * seconds).toFixed(0)} s on idle cores)`,
  );
  process.exit(code);
}
