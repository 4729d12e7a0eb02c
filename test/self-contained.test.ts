/**
 * `npm test` must pass in any clone of the repository (a contributor's, a fork's, CI's): no test may read a file
 * outside it. Vendor API descriptions in particular live next to the project, not in it; the tests read what
 * scripts/derive-spec-fixtures.ts derived from them into test/fixtures/specs.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const testDir = join(root, 'test');

function* filesUnder(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* filesUnder(path);
    else if (/\.(ts|mts|cts|js|mjs|cjs|json)$/.test(entry.name)) yield path;
  }
}

/** A folder the project shares with its siblings, or an absolute path on the machine that wrote the test. */
const OUTSIDE = [/\.\.\/shared\b/, /(^|[^\w.-])\/work\//, /(^|[^\w.-])\/home\/\w/, /(^|[^\w.-])\/Users\/\w/];
/** A relative path in a string literal: resolved against the file (as `new URL(path, import.meta.url)` does). */
const RELATIVE = /(['"`])((?:\.\.\/)+[^'"`\s]*)\1/g;

/** Each line of `file` that points outside the repository, as `path:line: text`. */
function outsideReferences(file: string): string[] {
  const found: string[] = [];
  const lines = readFileSync(file, 'utf8').split('\n');
  for (const [index, line] of lines.entries()) {
    const escapes = [...line.matchAll(RELATIVE)].some(([, , path]) =>
      relative(root, resolve(dirname(file), path!)).startsWith('..'),
    );
    if (escapes || OUTSIDE.some((pattern) => pattern.test(line))) {
      found.push(`${relative(root, file)}:${index + 1}: ${line.trim()}`);
    }
  }
  return found;
}

describe('the test suite is self-contained', () => {
  it('no test file references a path outside the repository', () => {
    const files = [...filesUnder(testDir)];
    expect(files.length).toBeGreaterThan(20);
    expect(files.flatMap(outsideReferences)).toEqual([]);
  });

  it('each derived vendor description records the file, version and sha256 it came from', () => {
    const fixtures = join(testDir, 'fixtures/specs');
    const names = readdirSync(fixtures).filter((name) => name.endsWith('.json'));
    expect(names.sort()).toEqual(['trello.json', 'zendesk.json']);
    for (const name of names) {
      const { derived } = JSON.parse(readFileSync(join(fixtures, name), 'utf8'));
      expect(derived, name).toMatchObject({
        by: 'scripts/derive-spec-fixtures.ts',
        source: expect.stringMatching(/^[a-z]+\/[\w.-]+\.(json|yaml)$/),
        version: expect.any(String),
        sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      });
      expect(derived.kept.operations.length, name).toBeGreaterThan(0);
    }
  });

  it('the check itself catches a sibling folder, an absolute path and a relative path that climbs out', () => {
    const probe = (text: string) =>
      OUTSIDE.some((pattern) => pattern.test(text)) ||
      [...text.matchAll(RELATIVE)].some(([, , path]) =>
        relative(root, resolve(join(testDir, 'adapters'), path!)).startsWith('..'),
      );
    expect(probe(`readFileSync('${'..'}/shared/specs/x.yaml')`)).toBe(true);
    expect(probe(`readFileSync('${'/wo'}rk/main/x.json')`)).toBe(true);
    expect(probe(`new URL('${'../'.repeat(3)}shared/x.json', import.meta.url)`)).toBe(true);
    expect(probe(`new URL('../fixtures/specs/zendesk.json', import.meta.url)`)).toBe(false);
    expect(probe(`import { seed } from '../contract/contract-suite.js';`)).toBe(false);
  });
});
