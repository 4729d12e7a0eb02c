import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');

/** Runs a module body under tsx in a fresh process (the test runner has loaded everything already). */
function runFresh(body: string): string {
  return execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', body], {
    cwd: root,
    encoding: 'utf8',
  }).trim();
}

describe('the holiday calendar is loaded only when holidays are asked for', () => {
  it('importing the metrics leaves date-holidays unloaded; holidaysFor() loads it, synchronously', () => {
    const out = runFresh(`
      import { createRequire } from 'node:module';
      const cache = createRequire(import.meta.url).cache;
      const loaded = () => Object.keys(cache).some((key) => key.includes('date-holidays'));
      const metrics = await import('./src/metrics/index.ts');
      const before = loaded();
      const holidays = metrics.holidaysFor({ country: 'IT' }, [2026]);
      console.log(JSON.stringify({ before, after: loaded(), first: holidays[0] }));
    `);
    // 1 January is Capodanno in Italy; the first public holiday of 2026.
    expect(JSON.parse(out)).toEqual({
      before: false,
      after: true,
      first: { name: 'Capodanno', startDate: '2026-01-01', endDate: '2026-01-01' },
    });
  }, 60_000); // a fresh process under tsx, on a busy machine
});
