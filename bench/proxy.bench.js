// `npm run bench -- proxy`: what a team costs Huawei through the signing proxy, and what a shared
// answer costs the proxy. Huawei is the local stub that verifies every signature (proxy/testing/),
// answering after 80 ms; each proxy instance is the `dns-import-status-proxy` command in its own
// process; two instances share a real redis-server (Debian's package, started here).
//
// 1. Upstream requests per minute: viewers as HTTP clients polling one zone every second (the
//    next poll a second after each answer, as the element schedules it) for BENCH_PROXY_SECONDS
//    (default 30), each sending back the ETag it last saw, as the element does;
//    1, 20 and 200 viewers on one instance, 20 split over two instances sharing Redis; with the
//    default minInterval (1000 ms) and with minInterval 0 (no cache: only requests in flight shared).
// 2. A cache hit on a 2,000-record body (about 0.4 MB): answers per second with 16 clients as fast
//    as they go, and the time to the first and to the last byte at 500 requests per second, full
//    answers as they are, full answers asked for as a browser asks (`Accept-Encoding: gzip,
//    deflate, br`: the proxy sends them gzipped) and 304 revalidations,
//    beside a plain node:http server sending the same bytes (and the same bytes gzipped) from
//    memory (what the proxy adds is the difference) and beside minInterval 0. The clients read
//    the bytes as they come and inflate nothing: what unzipping costs a browser is timed apart.
// Benchmarks measure; they never assert.
import { spawn } from 'node:child_process';
import { Agent, createServer, request } from 'node:http';
import { gunzipSync, gzipSync } from 'node:zlib';
import { startHuaweiDnsStub } from '../proxy/testing/huawei-dns-stub.js';
import { startRedisServer } from '../proxy/testing/redis-server.js';
import { ms, printTable } from './support.js';

const AK = 'BENCHAKEXAMPLE000000';
const SK = 'bench-secret-2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e';
const ZONE = 'ff8080825b8fc86c015b94bc6f8712c3';
const SECONDS = Number(process.env.BENCH_PROXY_SECONDS ?? 30);
const UPSTREAM_LATENCY_MS = 80;
const CLI = new URL('../proxy/cli.js', import.meta.url).pathname;
const PATH = `/api/dns/v2/zones/${ZONE}/import/recordsets`;

/** A finished import with 2,000 failed records, in the documented shape. */
function twoThousandRecordTask() {
  const items = Array.from({ length: 2000 }, (_, i) => ({
    name: `host-${i}.import.example.com.`,
    type: 'A',
    line: 'default_view',
    ttl: '300',
    value: [`192.168.${i >> 8}.${i & 255}`, `10.0.${i >> 8}.${i & 255}`],
    error_code: 'DNS.0806',
    error_message: 'This line is not be supported in this DNS version.',
  }));
  return Buffer.from(JSON.stringify({ code: 200, data: { task_id: '4011afa265b412380165b415b1400001', status: 'DONE', created_at: '2026-11-30T12:50:45.181', updated_at: '2026-11-30T12:52:46.344', zone_id: ZONE, zone_type: 'public', language: 'en-us', total_count: 2000, success_count: 0, error_count: 2000, error_items: items } }));
}

/** One `dns-import-status-proxy` process; resolves with its base URL once it listens. */
async function startInstance(stubUrl, { minInterval, redisUrl }) {
  const args = [CLI, '--port', '0', '--endpoint', stubUrl, '--min-interval', String(minInterval), ...(redisUrl ? ['--redis-url', redisUrl] : [])];
  const child = spawn(process.execPath, args, { env: { ...process.env, HUAWEICLOUD_SDK_AK: AK, HUAWEICLOUD_SDK_SK: SK }, stdio: ['ignore', 'pipe', 'inherit'] });
  let output = '';
  const url = await new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the proxy exited (${code})`)));
    child.stdout.on('data', (chunk) => {
      // Its one line per request is read and dropped, as a log collector would.
      if (output.length < 4096) output += chunk;
      const match = /on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match) resolve(match[1]);
    });
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  return { url, stop: () => (child.kill('SIGTERM'), exited) };
}

/** How a browser asks: it unzips gzip, deflate and brotli by itself. */
const BROWSER_ENCODINGS = { 'Accept-Encoding': 'gzip, deflate, br' };

/** A GET that reads the whole answer; resolves with its status, the bytes of its body, and the milliseconds to its first and last byte. */
function timedGet(agent, base, headers = {}) {
  const { hostname, port } = new URL(base);
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path: PATH, agent, headers }, (res) => {
      const firstByte = performance.now() - started;
      let bytes = 0;
      res.on('data', (chunk) => (bytes += chunk.length));
      res.on('end', () => resolve({ status: res.statusCode, etag: res.headers.etag, encoding: res.headers['content-encoding'], bytes, firstByte, ms: performance.now() - started }));
    });
    req.on('error', reject);
    req.end();
  });
}

const sleep = (duration) => new Promise((resolve) => setTimeout(resolve, duration));

/** Viewers polling every second for SECONDS, spread over the instances; upstream requests per minute. */
async function pollingRun(stub, instances, viewers) {
  const agent = new Agent({ keepAlive: true, maxSockets: 512 });
  const before = stub.requests.length;
  const started = performance.now();
  const end = started + SECONDS * 1000;
  let answers = 0;
  let notModified = 0;
  let errors = 0;
  await Promise.all(
    Array.from({ length: viewers }, async (_, i) => {
      const base = instances[i % instances.length];
      let etag;
      // Each viewer's own phase within the second, as browsers that opened the page at different
      // times; then, as the element does, the next poll a second after each answer.
      await sleep(Math.random() * 1000);
      while (performance.now() < end) {
        const answer = await timedGet(agent, base, etag ? { 'If-None-Match': etag } : {}).catch(() => ({ status: 0 }));
        answers += 1;
        if (answer.status === 304) notModified += 1;
        else if (answer.status === 200) etag = answer.etag;
        else errors += 1;
        await sleep(1000);
      }
    }),
  );
  agent.destroy();
  const upstream = stub.requests.length - before;
  return { perMinute: (upstream * 60) / SECONDS, answers, notModified, errors };
}

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** Requests at a fixed rate for `seconds`; latency percentiles of the answers. */
async function openLoop(base, rate, seconds, headers) {
  const agent = new Agent({ keepAlive: true, maxSockets: 256 });
  const latencies = [];
  const firstBytes = [];
  const pending = [];
  const started = performance.now();
  let sent = 0;
  let errors = 0;
  let bytes = 0;
  while (performance.now() - started < seconds * 1000) {
    const due = Math.floor(((performance.now() - started) / 1000) * rate);
    for (; sent < due; sent += 1) {
      pending.push(
        timedGet(agent, base, headers).then(
          (answer) => {
            if (answer.status !== 200 && answer.status !== 304) return (errors += 1);
            latencies.push(answer.ms);
            firstBytes.push(answer.firstByte);
            bytes = answer.bytes;
          },
          () => (errors += 1),
        ),
      );
    }
    await sleep(1);
  }
  await Promise.all(pending);
  agent.destroy();
  latencies.sort((a, b) => a - b);
  firstBytes.sort((a, b) => a - b);
  return { bytes, rate: latencies.length / seconds, p50: percentile(latencies, 50), p99: percentile(latencies, 99), firstP50: percentile(firstBytes, 50), firstP99: percentile(firstBytes, 99), errors };
}

/** As many answers as `clients` keep-alive clients get in `seconds`. */
async function closedLoop(base, clients, seconds, headers) {
  const agent = new Agent({ keepAlive: true, maxSockets: clients });
  const end = performance.now() + seconds * 1000;
  let answers = 0;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < end) {
        const answer = await timedGet(agent, base, headers);
        if (answer.status === 200 || answer.status === 304) answers += 1;
      }
    }),
  );
  agent.destroy();
  return answers / seconds;
}

/** The same bytes from memory (gzipped beforehand, for a client that names gzip), with no proxy: the floor of what loopback HTTP costs here. */
async function startPlainServer(body, etag) {
  const gzipped = gzipSync(body);
  const server = createServer((req, res) => {
    if (req.headers['if-none-match'] === etag) return res.writeHead(304, { ETag: etag }).end();
    if (/\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) return res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip', ETag: etag, 'Content-Length': gzipped.length }).end(gzipped);
    res.writeHead(200, { 'Content-Type': 'application/json', ETag: etag, 'Content-Length': body.length }).end(body);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${server.address().port}`, close: () => (server.closeAllConnections(), new Promise((resolve) => server.close(resolve))) };
}

export async function run() {
  const body = twoThousandRecordTask();
  const stub = await startHuaweiDnsStub({ credentials: { [AK]: SK }, answer: () => ({ raw: body, headers: { 'Content-Type': 'application/json' }, delayMs: UPSTREAM_LATENCY_MS }) });
  const redis = await startRedisServer();
  try {
    const rows = [];
    for (const [label, viewers, instanceCount] of [['1 viewer, one instance', 1, 1], ['20 viewers, one instance', 20, 1], ['200 viewers, one instance', 200, 1], ['20 viewers, two instances sharing Redis', 20, 2]]) {
      const row = { viewers: label };
      for (const minInterval of [1000, 0]) {
        const instances = await Promise.all(Array.from({ length: instanceCount }, () => startInstance(stub.url, { minInterval, redisUrl: instanceCount > 1 ? redis.url : undefined })));
        try {
          const result = await pollingRun(stub, instances.map((i) => i.url), viewers);
          row[`upstream/min (minInterval ${minInterval})`] = result.perMinute.toFixed(1);
          if (minInterval === 1000) row['viewer answers (304s)'] = `${result.answers} (${result.notModified})${result.errors ? `, ${result.errors} errors` : ''}`;
        } finally {
          await Promise.all(instances.map((i) => i.stop()));
        }
      }
      rows.push(row);
      console.error(`proxy bench: ${label} done`);
    }
    const single = Number(rows[0]['upstream/min (minInterval 1000)']);
    for (const row of rows) row['vs one viewer'] = `${(Number(row['upstream/min (minInterval 1000)']) / single).toFixed(2)}x`;
    printTable(`Upstream requests per minute, viewers polling one zone every 1 s for ${SECONDS} s (Huawei stub answering in ${UPSTREAM_LATENCY_MS} ms)`, rows);

    const cached = await startInstance(stub.url, { minInterval: 60_000 });
    const uncached = await startInstance(stub.url, { minInterval: 0 });
    const first = await timedGet(undefined, cached.url);
    const plain = await startPlainServer(body, first.etag);
    const latencyRows = [];
    try {
      for (const [what, base] of [['proxy, cache hit', cached.url], ['plain node:http server, same bytes from memory', plain.url], ['proxy, minInterval 0 (every answer from upstream, in-flight shared)', uncached.url]]) {
        for (const [kind, headers] of [['200, full body', {}], ['200, full body, gzip (as a browser asks)', BROWSER_ENCODINGS], ['304 to If-None-Match', { 'If-None-Match': first.etag }]]) {
          const throughput = await closedLoop(base, 16, 5, headers);
          const at500 = await openLoop(base, 500, 10, headers);
          latencyRows.push({
            server: what,
            answer: kind,
            'bytes sent': at500.bytes,
            'answers/s (16 clients)': Math.round(throughput),
            'first byte p50 / p99 at 500 req/s': `${ms(at500.firstP50)} / ${ms(at500.firstP99)}`,
            'last byte p50 / p99 at 500 req/s': `${ms(at500.p50)} / ${ms(at500.p99)}`,
            'achieved rate': `${Math.round(at500.rate)}/s${at500.errors ? `, ${at500.errors} errors` : ''}`,
          });
          console.error(`proxy bench: ${what}, ${kind} done`);
        }
      }
    } finally {
      await plain.close();
      await cached.stop();
      await uncached.stop();
    }
    printTable(`A 2,000-record body (${(body.length / 1024).toFixed(0)} KB) through one instance`, latencyRows);
    const gzipped = gzipSync(body);
    const inflations = Array.from({ length: 50 }, () => {
      const started = performance.now();
      gunzipSync(gzipped);
      return performance.now() - started;
    }).sort((a, b) => a - b);
    console.log(`Unzipping the ${gzipped.length}-byte gzip of that body (what the browser does, off the page's main thread): ${ms(percentile(inflations, 50))} median, ${ms(percentile(inflations, 99))} p99 of 50 (Node's zlib, this machine).`);
  } finally {
    await redis.stop();
    await stub.close();
  }
}
