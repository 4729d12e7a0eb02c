/**
 * `import('supportkit-ts/metrics')` must not load zod (its load alone is about 100 ms, the whole budget of a
 * metrics import in an automation step): the build swaps src/metrics/schemas.ts for schemas-lazy.ts, which loads
 * the schemas on first use. Walks the static imports of the metrics entry as the build resolves them.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const IMPORT =
  /(?:^|\n)\s*(?:import|export)\s(?!type\b)[^;]*?from\s+'([^']+)'|(?:^|\n)\s*import\s+'([^']+)'/g;

/** Every file and bare package reachable from `entry` through value imports; `swap` maps a file to another. */
function reachable(entry: string, swap: ReadonlyMap<string, string> = new Map()): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    const target = swap.get(file) ?? file;
    if (seen.has(target)) return;
    seen.add(target);
    if (!target.startsWith('src/')) return;
    const text = readFileSync(join(root, target), 'utf8');
    for (const [, from, bare] of text.matchAll(IMPORT)) {
      const spec = (from ?? bare)!;
      if (spec.startsWith('.'))
        visit(relative(root, resolve(dirname(join(root, target)), spec.replace(/\.js$/, '.ts'))));
      else visit(spec.startsWith('node:') ? spec : spec.split('/')[0]!);
    }
  };
  visit(entry);
  return seen;
}

/** The swap tsup.config.ts makes for the published build. */
const BUILD_SWAP = new Map([['src/metrics/schemas.ts', 'src/metrics/schemas-lazy.ts']]);

describe('the metrics entry as built', () => {
  it('tsup.config.ts makes the swap this test assumes', () => {
    const config = readFileSync(join(root, 'tsup.config.ts'), 'utf8');
    expect(config).toContain("'schemas-lazy.ts'");
    expect(config).toContain("'internal/model-schemas': 'src/metrics/model-schemas.ts'");
  });

  it('reaches neither zod nor a zod schema module', () => {
    const files = reachable('src/metrics/index.ts', BUILD_SWAP);
    expect(files.has('luxon')).toBe(true);
    expect(files.has('zod')).toBe(false);
    expect(files.has('src/metrics/model-schemas.ts')).toBe(false);
  });

  it('would reach zod without the swap (the check can fail)', () => {
    const files = reachable('src/metrics/index.ts');
    expect(files.has('src/metrics/model-schemas.ts')).toBe(true);
    expect(files.has('zod')).toBe(true);
  });

  it('nor does the automations entry reach zod', () => {
    expect(reachable('src/automations/index.ts', BUILD_SWAP).has('zod')).toBe(false);
  });
});
