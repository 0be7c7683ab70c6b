// Deterministic fake data for the simulated Huawei Cloud DNS import API:
// seeded PRNG, task ids, API timestamps and failed-record (error_items) generation.
// Everything here is a pure function of its inputs, so tests can assert exact values.

/**
 * @typedef {object} SimErrorItem
 * @property {string} name
 * @property {string} type
 * @property {string} line
 * @property {string} ttl        a string, as in the documented sample ("300")
 * @property {string} [weight]   a string, present on some records only
 * @property {string[]} value
 * @property {string} error_code
 * @property {string} error_message
 */

/** 32-bit FNV-1a hash of a string. @param {string} text @returns {number} */
export function hashString(text) {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * mulberry32: a small, fast, seeded PRNG returning floats in [0, 1).
 * @param {number | string} seed
 * @returns {() => number}
 */
export function createRng(seed) {
  let a = typeof seed === 'string' ? hashString(seed) : seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A 32-hex-character id (like Huawei's task ids), stable for a given key.
 * @param {string} key
 * @returns {string}
 */
export function hexId(key) {
  const rng = createRng(`id:${key}`);
  let out = '';
  for (let k = 0; k < 4; k++) out += Math.floor(rng() * 0x100000000).toString(16).padStart(8, '0');
  return out;
}

/**
 * The API's time format: UTC, milliseconds, no zone designator (`2018-09-07T12:50:45.181`).
 * @param {number} ms epoch milliseconds
 * @returns {string}
 */
export function formatApiTime(ms) {
  return new Date(ms).toISOString().slice(0, 23);
}

/** Fixed epoch for the timestamps of the static scenarios: 2024-05-14T08:30:12.181 UTC. */
export const FIXED_EPOCH = Date.UTC(2024, 4, 14, 8, 30, 12, 181);

/**
 * Picks `count` distinct record positions among `total`, sorted ascending (the failures of a run).
 * @param {string} seed
 * @param {number} total
 * @param {number} count
 * @returns {number[]}
 */
export function pickFailures(seed, total, count) {
  const rng = createRng(`${seed}:failures`);
  const positions = Array.from({ length: total }, (_, i) => i);
  const n = Math.min(count, total);
  for (let i = 0; i < n; i++) {
    const j = i + Math.floor(rng() * (total - i));
    [positions[i], positions[j]] = [positions[j], positions[i]];
  }
  return positions.slice(0, n).sort((x, y) => x - y);
}

/** Per-record error codes with their (English, Huawei-style) messages and relative frequency. */
/** @type {ReadonlyArray<readonly [code: string, message: string, weight: number]>} */
export const ERROR_CODES = [
  ['DNS.0016', 'The record set already exists.', 18],
  ['DNS.0303', 'Invalid TTL. The value must range from 1 to 2147483647.', 10],
  ['DNS.0304', 'Invalid record set name.', 10],
  ['DNS.0307', 'Invalid record set type.', 6],
  ['DNS.0308', 'Invalid record set value.', 22],
  ['DNS.0403', 'The number of record sets exceeds the quota.', 8],
  ['DNS.0806', 'This line is not be supported in this DNS version.', 12],
  ['DNS.0807', 'The default line cannot be operated.', 5],
  ['DNS.1601', 'The line does not exist.', 9],
];
const TOTAL_WEIGHT = ERROR_CODES.reduce((sum, [, , w]) => sum + w, 0);

const LABELS = ['www', 'mail', 'api', 'cdn', 'shop', 'blog', 'vpn', 'img', 'm', 'static', 'ftp', 'git', 'smtp', 'dev', 'app'];
const CHINESE_LABELS = ['测试', '邮件', '商城', '博客', '中文'];
const LINES = ['default_view', 'default_view', 'default_view', 'Dianxin', 'Liantong', 'Yidong', 'Abroad'];
const TTLS = ['300', '300', '600', '3600', '86400', '60'];

/** @param {() => number} rng @template T @param {readonly T[]} list @returns {T} */
function pick(rng, list) {
  return list[Math.floor(rng() * list.length)];
}

/** @param {() => number} rng @param {number} min @param {number} max inclusive */
function int(rng, min, max) {
  return min + Math.floor(rng() * (max - min + 1));
}

/** @param {() => number} rng @param {string} type @returns {string} */
function validValue(rng, type) {
  switch (type) {
    case 'AAAA':
      return `2407:c080:${int(rng, 1, 0xfff).toString(16)}::${int(rng, 1, 0xffff).toString(16)}`;
    case 'CNAME':
      return `${pick(rng, LABELS)}.cdn.example.net.`;
    case 'MX':
      return `${pick(rng, [5, 10, 20])} mx${int(rng, 1, 3)}.example.com.`;
    case 'TXT':
      return pick(rng, ['"v=spf1 include:spf.example.com -all"', '"google-site-verification=4x9f2kq"', '"hello world"']);
    case 'CAA':
      return `0 ${pick(rng, ['issue', 'issuewild'])} "${pick(rng, ['ca.example.net', 'letsencrypt.org', 'digicert.com'])}"`;
    default:
      return `${pick(rng, [192, 10, 172, 203])}.${int(rng, 0, 255)}.${int(rng, 0, 255)}.${int(rng, 1, 254)}`;
  }
}

/**
 * The failed record at a given position of a run. Stable: the same (seed, index) always gives
 * the same item, so a growing list keeps its prefix.
 * @param {string} seed
 * @param {number} index position of the record in the uploaded template
 * @returns {SimErrorItem}
 */
export function errorItem(seed, index) {
  const rng = createRng(`${seed}#${index}`);
  let roll = rng() * TOTAL_WEIGHT;
  let entry = ERROR_CODES[0];
  for (const e of ERROR_CODES) {
    roll -= e[2];
    if (roll < 0) {
      entry = e;
      break;
    }
  }
  const [code, message] = entry;
  const chinese = rng() < 0.06;
  let name = chinese ? `${pick(rng, CHINESE_LABELS)}.example.com.` : `${pick(rng, LABELS)}${index + 1}.example.com.`;
  let type = pick(rng, ['A', 'A', 'A', 'AAAA', 'CNAME', 'MX', 'TXT', 'CAA']);
  let line = pick(rng, LINES);
  let ttl = pick(rng, TTLS);
  const several = type !== 'CNAME' && rng() < 0.3;
  /** @type {string[]} */
  let value = [...new Set(Array.from({ length: several ? int(rng, 2, 3) : 1 }, () => validValue(rng, type)))];

  switch (code) {
    case 'DNS.0303':
      ttl = pick(rng, ['0', '2147483648', '-1', '3OO']);
      break;
    case 'DNS.0304':
      name = pick(rng, [`bad..${index + 1}.example.com.`, `-start${index + 1}.example.com.`, `under_score!${index + 1}.example.com.`, `${'a'.repeat(64)}.example.com.`]);
      break;
    case 'DNS.0307':
      type = pick(rng, ['SPF', 'HINFO', 'ALIAS', 'PTR6']);
      break;
    case 'DNS.0308':
      type = 'A';
      value = several ? ['192.168.1.1', pick(rng, ['256.10.0.1', '192.168.1', 'not-an-ip'])] : [pick(rng, ['256.10.0.1', '192.168.1', '10.0.0.0/24'])];
      break;
    case 'DNS.0806':
      line = pick(rng, ['Dianxin_Beijing', 'Liantong_Shanghai', 'Abroad_Asia', 'Jiaoyuwang']);
      break;
    case 'DNS.0807':
      line = 'default_view';
      break;
    case 'DNS.1601':
      line = pick(rng, ['custom_line_9f2c', 'Unknown_Line', 'CN_Xizang_Lhasa']);
      break;
    default:
      break;
  }
  // Weighted records (only where the zone supports them): a string, as in this version of the doc.
  const weight = rng() < 0.15 ? { weight: String(int(rng, 1, 100)) } : {};
  return { name, type, line, ttl, ...weight, value, error_code: code, error_message: message };
}

/**
 * The failed records of a run, for the given record positions (or positions 0..count-1).
 * @param {string} seed
 * @param {number | number[]} positions
 * @returns {SimErrorItem[]}
 */
export function errorItems(seed, positions) {
  if (typeof positions === 'number') return Array.from({ length: positions }, (_, i) => errorItem(seed, i));
  return positions.map((p) => errorItem(seed, p));
}
