/**
 * fast-check arbitraries for hostile import-task bodies: plausible tasks with wrong types in
 * every field, random JSON and JavaScript values, huge strings, deep nesting, lone surrogates,
 * markup and bidi controls. Shared by the fuzz, injection and soak tests.
 */
import fc from 'fast-check';

/** Fixed, so that every run (and CI) checks the same cases; fast-check prints it on failure. */
export const FUZZ_SEED = 0x7_1d5_0007;

/** Counterexamples may hold 1 MiB strings: collapse long runs so that a failure report stays readable. */
export function shortenReport(text: string): string {
  const collapsed = text.replace(/([\s\S]{1,40}?)\1{8,}/g, (run, unit: string) => `${unit}…(×${Math.round(run.length / unit.length)})`);
  return collapsed.length > 6000 ? `${collapsed.slice(0, 6000)}… (${collapsed.length} characters)` : collapsed;
}

/** fast-check parameters for these tests: the fixed seed, and fast-check's own report, shortened. */
export function fuzzParameters<Ts>(numRuns: number): fc.Parameters<Ts> {
  return {
    seed: FUZZ_SEED,
    numRuns,
    reporter(details) {
      if (!details.failed) return;
      const report = fc.defaultReportMessage(details) ?? 'Property failed';
      throw new Error(shortenReport(`${report}\nFailure: ${String(details.errorInstance)}`));
    },
  };
}

/** Payloads that would do something if any of them reached the DOM as markup, a URL or CSS. */
export const INJECTION_PAYLOADS = [
  '<script>window.__pwned = "script"</script>',
  '<img src=x onerror="window.__pwned = \'img\'">',
  '"><svg onload="window.__pwned = \'svg\'"></svg>',
  "' onmouseover='window.__pwned = \"attr\"' x='",
  'javascript:window.__pwned="url"',
  '</style><style>*{display:none !important}</style>',
  '<style>:host{display:none}</style><b>bold</b>',
  '<iframe srcdoc="<script>parent.__pwned=\'iframe\'</script>"></iframe>',
  '<a href="javascript:window.__pwned=1">click</a>',
  '<template><img src=x onerror="window.__pwned=\'tpl\'"></template>',
  '${window.__pwned = "template literal"}',
  '{{constructor.constructor("window.__pwned=1")()}}',
  '&lt;b&gt;entity&lt;/b&gt; &amp;amp;',
  '<!-- comment --><?lit$123$>',
  '\u202Egnp.exe\u202C',
  '\u202E\u2066RLO+LRI',
  '\u200F\u061C\u2067',
] as const;

const HUGE_LENGTH = 1 << 20;
/** 1 MiB of text: built once, shared by every case that picks it. */
export const HUGE_TEXT = 'A'.repeat(HUGE_LENGTH);
export const HUGE_MARKUP = '<b onclick="window.__pwned=1">x</b>'.repeat(HUGE_LENGTH / 32);

/** Strings that may hold unpaired surrogates (invalid UTF-16), which JSON.parse also produces from `"\ud800"`. */
export const brokenUtf16 = fc.string({
  unit: fc.oneof(
    fc.integer({ min: 0xd800, max: 0xdfff }).map((code) => String.fromCharCode(code)),
    fc.constantFrom('\uD800', '\uDFFF', '\uDBFF\uDFFF', '\uFFFE', '\uFEFF', '\u0000', '\u202E'),
    fc.string({ unit: 'binary', maxLength: 1 }),
  ),
  maxLength: 12,
});

/** Text that looks like a number to someone: the normalizer turns some into numbers. */
export const numericText = fc.oneof(
  fc.constantFrom('300', ' 300 ', '+5', '-0', '0', '1e3', '.5', '5.', '007', '1e308', '0x10', 'NaN',
    'Infinity', '12345678901234567890', '1_000', '1,000', '３００', ''),
  fc.integer().map(String),
  fc.double().map(String),
);

/** Wraps a value `depth` times in arrays or objects (deep nesting that a recursive reader would choke on). */
export function nest(value: unknown, depth: number, inObjects: boolean): unknown {
  let current = value;
  // One child per level: a shared child would make a DAG whose serialization is exponential.
  for (let i = 0; i < depth; i++) current = inObjects ? { [i % 2 ? 'data' : 'error_items']: current } : [current];
  return current;
}

export const deeplyNested = fc
  .tuple(fc.integer({ min: 50, max: 1000 }), fc.boolean(), fc.jsonValue({ maxDepth: 1 }))
  .map(([depth, inObjects, leaf]) => nest(leaf, depth, inObjects));

export const apiTime = fc
  .date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true })
  .map((date) => date.toISOString().replace('Z', ''));
export interface HostileArbitraries {
  hostileText: fc.Arbitrary<string>;
  wrongType: fc.Arbitrary<unknown>;
  rawItem: fc.Arbitrary<Record<string, unknown>>;
  rawTask: fc.Arbitrary<Record<string, unknown>>;
  errorBody: fc.Arbitrary<unknown>;
  /** Every kind of body, weighted towards plausible ones so that valid tasks are common too. */
  responseBody: fc.Arbitrary<unknown>;
}

/**
 * The hostile arbitraries, with `huge` as the long strings to mix in: 1 MiB ones for the
 * normalizer; shorter ones for the live element, since Chromium lays out one long unbroken
 * word in quadratic time (see the skipped layout test in fuzz-element.test.ts).
 */
export function hostileArbitraries(huge: readonly string[]): HostileArbitraries {
  const hostileText = fc.oneof(
    { withCrossShrink: true },
    { weight: 4, arbitrary: fc.string({ unit: 'grapheme', maxLength: 24 }) },
    { weight: 3, arbitrary: fc.constantFrom(...INJECTION_PAYLOADS) },
    { weight: 2, arbitrary: brokenUtf16 },
    { weight: 1, arbitrary: numericText },
    { weight: 1, arbitrary: fc.constantFrom('', ' ', '__proto__', 'constructor', 'toString', 'hasOwnProperty', 'null', 'undefined') },
    { weight: 1, arbitrary: fc.constantFrom(...huge) },
  );

  /** A value of any type: what a field may hold when the server (or a proxy) is wrong. */
  const wrongType: fc.Arbitrary<unknown> = fc.oneof(
    fc.constant(null),
    fc.constant(undefined),
    fc.boolean(),
    fc.double(),
    fc.integer(),
    fc.bigInt(),
    fc.array(hostileText, { maxLength: 3 }),
    fc.dictionary(fc.string({ maxLength: 6 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }),
    fc.constantFrom({}, [], [[]], [null], new Date(0), new Map([['a', 1]]), Object.create(null) as object),
    deeplyNested,
  );

  /** Mostly a valid value, sometimes the wrong type. Used with `requiredKeys: []`, so keys may also be absent. */
  const field = <T>(valid: fc.Arbitrary<T>, odds = 40) =>
    fc.oneof({ weight: odds, arbitrary: valid as fc.Arbitrary<unknown> }, { weight: 1, arbitrary: wrongType });

  const recordType = fc.constantFrom('A', 'AAAA', 'CNAME', 'MX', 'TXT', 'NS', 'SRV', 'CAA');
  const lineName = fc.constantFrom('default_view', 'Dianxin', 'Liantong', 'Abroad');
  const ttlLike = fc.oneof(fc.integer({ min: 0, max: 2_147_483_647 }), fc.double(), numericText, hostileText);
  const valueLike = fc.oneof(
    hostileText,
    fc.array(fc.oneof({ weight: 6, arbitrary: hostileText as fc.Arbitrary<unknown> }, { weight: 1, arbitrary: fc.integer() }, { weight: 1, arbitrary: fc.boolean() }), { maxLength: 5 }),
  );
  const countLike = fc.oneof(
    { weight: 6, arbitrary: fc.nat() as fc.Arbitrary<unknown> },
    { weight: 1, arbitrary: fc.integer() },
    { weight: 1, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }) },
    { weight: 1, arbitrary: numericText },
  );

  const hostileOr = <T>(plain: fc.Arbitrary<T>) => fc.oneof({ weight: 3, arbitrary: plain as fc.Arbitrary<unknown> }, { weight: 2, arbitrary: hostileText });

  const rawItem = fc.record(
    {
      name: field(hostileOr(fc.domain().map((d) => `${d}.`))),
      type: field(hostileOr(recordType)),
      line: field(hostileOr(lineName)),
      ttl: field(ttlLike),
      weight: field(ttlLike),
      value: field(valueLike),
      records: field(valueLike),
      error_code: field(hostileOr(fc.constantFrom('DNS.0016', 'DNS.0303', 'DNS.0806', 'DNS.1601'))),
      error_message: field(hostileText),
      status: field(hostileOr(fc.constantFrom('ERROR', 'SUCCESS'))),
    },
    { requiredKeys: [] },
  );

  const itemList = fc.array(fc.oneof({ weight: 30, arbitrary: rawItem as fc.Arbitrary<unknown> }, { weight: 1, arbitrary: wrongType }), { maxLength: 25 });

  const rawTask = fc.record(
    {
      task_id: field(fc.oneof(fc.stringMatching(/^[0-9a-f]{32}$/), hostileText, fc.integer()), 8),
      status: field(fc.oneof(fc.constantFrom('PENDING', 'DONE'), hostileText)),
      created_at: field(fc.oneof(apiTime, hostileText)),
      updated_at: field(fc.oneof(apiTime, hostileText)),
      zone_id: field(hostileText),
      zone_type: field(fc.oneof(fc.constantFrom('public', 'private'), hostileText)),
      language: field(fc.oneof(fc.constantFrom('zh-cn', 'en-us'), hostileText)),
      total_count: field(countLike),
      success_count: field(countLike),
      error_count: field(countLike),
      error_items: field(itemList, 8),
    },
    { requiredKeys: ['task_id', 'status'] },
  );

  /** Huawei error bodies, with hostile codes and messages. */
  const errorBody = fc.oneof(
    fc.record({ code: field(hostileText), message: field(hostileText) }, { requiredKeys: [] }),
    fc.record({ error_code: field(hostileText), error_msg: field(hostileText) }, { requiredKeys: [] }),
    fc.record({ code: fc.oneof(fc.integer(), hostileText), error: fc.record({ errorCode: field(hostileText), errorMsg: field(hostileText) }) }),
  );

  /** Any text, then JSON.parse where it parses: what a server that sends garbage gives the fetcher. */
  const parsedText = fc
    .oneof(fc.string({ unit: 'binary-ascii', maxLength: 40 }), fc.json(), fc.constantFrom('{"code":200,"data":', '{"a":"\\ud800"}', '[1,2', '<html>', 'null', '""', '1e999', '{"__proto__":{"task_id":"x","status":"DONE"}}'))
    .map((text) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        return text;
      }
    });

  /** Every kind of body, weighted towards plausible ones so that valid tasks are common too. */
  const responseBody: fc.Arbitrary<unknown> = fc.oneof(
    { weight: 6, arbitrary: fc.tuple(fc.constantFrom<unknown>(200, '200', undefined), rawTask).map(([code, data]) => (code === undefined ? { data } : { code, data })) },
    { weight: 4, arbitrary: rawTask },
    { weight: 1, arbitrary: fc.record({ code: fc.oneof(fc.constantFrom<unknown>(200, '200', 0, null, 404, '404'), hostileText), data: field(fc.constantFrom<unknown>({}, [], null)) }, { requiredKeys: [] }) },
    { weight: 1, arbitrary: errorBody },
    { weight: 1, arbitrary: fc.jsonValue() },
    {
      weight: 1,
      arbitrary: fc.anything({
        withBoxedValues: true, withMap: true, withSet: true, withNullPrototype: true, withBigInt: true, withDate: true,
        withTypedArray: true, withObjectString: true,
      }),
    },
    { weight: 1, arbitrary: parsedText },
    { weight: 1, arbitrary: deeplyNested },
    { weight: 1, arbitrary: rawTask.map((task) => nest({ code: 200, data: task }, 3, true)) },
  );
  return { hostileText, wrongType, rawItem, rawTask, errorBody, responseBody };
}

/** For the normalizer: 1 MiB strings. */
export const { hostileText, rawTask, responseBody } = hostileArbitraries([HUGE_TEXT, HUGE_MARKUP]);

/** Plausible tasks where every field has an accepted type: they must always normalize, with nothing lost. */
const text = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 24 }), fc.constantFrom(...INJECTION_PAYLOADS), brokenUtf16);
export const wellTypedItem = fc.record(
  {
    name: fc.oneof(text, fc.integer(), fc.boolean()),
    type: text,
    line: text,
    ttl: fc.oneof(fc.nat(), text),
    weight: fc.oneof(fc.nat(), text),
    value: fc.oneof(text, fc.array(fc.oneof(text, fc.integer()), { maxLength: 4 })),
    records: fc.array(text, { maxLength: 2 }),
    error_code: text,
    error_message: text,
    status: fc.oneof(text, fc.nat()),
  },
  { requiredKeys: [] },
);
export const wellTypedTask = fc.record(
  {
    task_id: fc.oneof(fc.stringMatching(/^[0-9a-f]{32}$/), text.filter((s) => s !== ''), fc.nat()),
    status: fc.oneof(fc.constantFrom('PENDING', 'DONE'), text.filter((s) => s !== '')),
    created_at: apiTime,
    updated_at: fc.oneof(apiTime, text),
    zone_id: text,
    zone_type: text,
    language: text,
    total_count: fc.oneof(fc.nat(), fc.nat().map(String)),
    success_count: fc.oneof(fc.nat(), fc.nat().map(String)),
    error_count: fc.oneof(fc.nat(), fc.nat().map(String)),
    error_items: fc.array(wellTypedItem, { maxLength: 25 }),
  },
  { requiredKeys: ['task_id', 'status'] },
);
