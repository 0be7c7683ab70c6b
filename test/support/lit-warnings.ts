/**
 * Lit's development build (the one these tests load: they import src/, and web-test-runner
 * resolves the "development" export condition) records every warning it prints in
 * `globalThis.litIssuedWarnings`, and prints each one only once per page. So a test that looks
 * for new entries must first check that the set exists (else it passes without seeing anything),
 * and must empty it meanwhile (else a warning an earlier test caused goes unseen).
 */
import { expect } from '@open-wc/testing';

const GLOBAL = globalThis as { litIssuedWarnings?: Set<string> };

/** Starts watching; the function it returns stops and gives the warnings Lit issued meanwhile. */
export function watchLitWarnings(): () => string[] {
  const issued = GLOBAL.litIssuedWarnings;
  expect(issued, 'globalThis.litIssuedWarnings: Lit is not in dev mode, no warning could be seen').to.be.instanceOf(Set);
  const earlier = [...issued!];
  issued!.clear();
  return () => {
    const seen = [...issued!].filter((warning) => !/dev mode/i.test(warning));
    for (const entry of earlier) issued!.add(entry);
    return seen;
  };
}
