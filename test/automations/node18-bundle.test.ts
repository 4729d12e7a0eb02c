import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { automationSchemas } from '../../src/automations/index.js';

/**
 * Zapier's code runtime is Node 18. The helpers, bundled as a step would ship them (esbuild, target node18),
 * must use only syntax esbuild can lower to Node 18 (it fails the build otherwise) and no built-in API that
 * arrived after Node 18; the bundle must then run every helper's example in a fresh process.
 */
const root = resolve(import.meta.dirname, '../..');
/**
 * Built-ins newer than Node 18 (V8 10.2): calling one would throw "is not a function" there. (Set's `union` and
 * `intersection` are left out: luxon's Interval has methods of those names.)
 */
const AFTER_NODE_18 = [
  'toSorted',
  'toReversed',
  'toSpliced',
  '.with(',
  'groupBy',
  'withResolvers',
  'fromAsync',
  'isWellFormed',
  'toWellFormed',
  'import.meta.dirname',
  'import.meta.filename',
  'symmetricDifference',
  'isSubsetOf',
  'Promise.try',
  'RegExp.escape',
];

let dir: string;
let code: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'supportkit-node18-'));
  const result = await build({
    entryPoints: [join(root, 'src/automations/index.ts')],
    bundle: true,
    minify: true,
    format: 'cjs',
    platform: 'node',
    target: 'node18',
    external: ['date-holidays'],
    write: false,
    logLevel: 'silent',
  });
  code = result.outputFiles[0]!.text;
  writeFileSync(join(dir, 'automations.cjs'), code);
}, 60_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('supportkit-ts/automations bundled for Node 18', () => {
  it('bundles no schema library: the light import loads neither zod nor the models', () => {
    // zod's classes carry these names even minified (they are string literals in its error and type tags).
    expect(code).not.toMatch(/\$ZodType|ZodError|\$ZodCheck/);
  });

  it('uses no built-in API newer than Node 18', () => {
    expect(AFTER_NODE_18.filter((api) => code.includes(api))).toEqual([]);
  });

  it('runs every helper example from the bundle in a fresh process', () => {
    const script = `
      const automations = require(${JSON.stringify(join(dir, 'automations.cjs'))});
      const out = {};
      for (const [name, schema] of Object.entries(automations.automationSchemas))
        out[name] = automations.callAutomation(name, schema.example.input);
      console.log(JSON.stringify(out));`;
    const out = JSON.parse(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }));
    for (const [name, schema] of Object.entries(automationSchemas))
      expect(out[name]).toEqual(schema.example.output);
  }, 60_000);
});
