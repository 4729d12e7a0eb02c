/**
 * The library's entry points must not pull in the command line or its dependencies: an app importing
 * `supportkit-ts` should never load csv-parse, cli-progress or src/cli. Walks the static imports of each entry.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const tsup = readFileSync(join(root, 'tsup.config.ts'), 'utf8');
const entries = [...tsup.matchAll(/'?([\w/-]+\/index|index)'?: '(src\/[^']+)'/g)].map((m) => m[2]!);
const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+'([^']+)'/g;

/** Every file (and bare package) reachable from `entry` through static imports. */
function reachable(entry: string): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    if (!file.startsWith('src/')) return;
    const text = readFileSync(join(root, file), 'utf8');
    for (const [, spec] of text.matchAll(IMPORT)) {
      if (spec!.startsWith('.'))
        visit(relative(root, resolve(dirname(join(root, file)), spec!.replace(/\.js$/, '.ts'))));
      else
        visit(
          spec!.split('/')[0]!.startsWith('@')
            ? spec!.split('/').slice(0, 2).join('/')
            : spec!.split('/')[0]!,
        );
    }
  };
  visit(entry);
  return seen;
}

describe('the library without the command line', () => {
  it('finds the entries', () => {
    expect(entries).toContain('src/index.ts');
    expect(entries.length).toBeGreaterThanOrEqual(10);
  });

  it.each(entries.filter((e) => e !== 'src/report/index.ts'))(
    '%s reaches neither src/cli, src/report, csv-parse nor cli-progress',
    (entry) => {
      const files = [...reachable(entry)];
      expect(files.filter((f) => /^src\/(cli|report)\/|^(csv-parse|cli-progress)$/.test(f))).toEqual([]);
    },
  );

  it('supportkit-ts/report (the renderer the CLI uses) reaches neither src/cli, csv-parse nor cli-progress', () => {
    expect(entries).toContain('src/report/index.ts');
    const files = [...reachable('src/report/index.ts')];
    expect(files).toContain('src/report/render.ts');
    expect(files.filter((f) => /^src\/cli\/|^(csv-parse|cli-progress)$/.test(f))).toEqual([]);
  });

  it('the walk does see the command line from the bin (the check can fail)', () => {
    const files = reachable('src/cli/main.ts');
    expect(files.has('src/cli/registry.ts')).toBe(true);
    expect(reachable('src/cli/commands/survey.ts').has('csv-parse')).toBe(true);
  });
});
