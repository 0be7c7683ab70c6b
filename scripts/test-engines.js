// Runs the web-test-runner suite once per engine, one engine after the other (each run has
// its own simulated API, whose request counters the tests assert), and fails if any failed.
//
//   node scripts/test-engines.js [all | chromium firefox webkit …] [-- extra wtr arguments]
//
// Coverage (V8) exists in Chromium only: --coverage, and with it the thresholds of
// web-test-runner.config.js, goes to the Chromium run alone.
import { spawn } from 'node:child_process';
import { selectedEngines } from './lib/engines.js';

const separator = process.argv.indexOf('--');
const ours = separator === -1 ? process.argv.slice(2) : process.argv.slice(2, separator);
const wtrArgs = separator === -1 ? [] : process.argv.slice(separator + 1);
const coverage = !ours.includes('--no-coverage');
const engines = selectedEngines(ours.filter((arg) => !arg.startsWith('--')).join(',') || process.env.BROWSERS || 'all');

function run(engine) {
  const args = ['node_modules/@web/test-runner/dist/bin.js', ...(coverage && engine === 'chromium' ? ['--coverage'] : []), ...wtrArgs];
  const started = Date.now();
  console.log(`\n=== ${engine}: wtr ${args.slice(1).join(' ')}`.trimEnd());
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { stdio: 'inherit', env: { ...process.env, BROWSERS: engine } });
    const forward = (signal) => child.kill(signal);
    process.once('SIGINT', forward).once('SIGTERM', forward);
    child.once('exit', (code, signal) => {
      process.off('SIGINT', forward).off('SIGTERM', forward);
      resolve({ engine, ok: code === 0, code: code ?? signal, seconds: Math.round((Date.now() - started) / 1000) });
    });
  });
}

const results = [];
for (const engine of engines) results.push(await run(engine));

console.log('\n| engine | result | time |\n| --- | --- | --- |');
for (const r of results) console.log(`| ${r.engine} | ${r.ok ? 'passed' : `FAILED (exit ${r.code})`} | ${r.seconds} s |`);
process.exit(results.every((r) => r.ok) ? 0 : 1);
