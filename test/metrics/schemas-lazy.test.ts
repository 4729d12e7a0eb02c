/**
 * The build's lazy schema loader (src/metrics/schemas-lazy.ts), with `require` stubbed: it finds the package root
 * by its own name, loads dist/internal/model-schemas once, the ESM file where Node can require() ESM and the CJS
 * file otherwise, and says clearly what is wrong when the file is not there (supportkit bundled).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const required: string[] = [];
let missing = false;
const schemas = { Ticket: 'stub' };

vi.mock('node:module', () => ({
  createRequire: () =>
    Object.assign(
      (id: string) => {
        required.push(id);
        if (missing)
          throw Object.assign(new Error(`Cannot find module '${id}'`), { code: 'MODULE_NOT_FOUND' });
        return schemas;
      },
      { resolve: (id: string) => `/pkg/${id.replace(/^supportkit-ts\//, '')}` },
    ),
}));

/** Node's `process.features.require_module` (a getter), as this test wants it. */
const requireEsm = (value: boolean) =>
  vi.spyOn(process.features as { require_module: boolean }, 'require_module', 'get').mockReturnValue(value);
const load = async () => (await import('../../src/metrics/schemas-lazy.js')).modelSchemas;

beforeEach(() => {
  vi.resetModules();
  required.length = 0;
  missing = false;
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe('modelSchemas() in the build', () => {
  it('loads the ESM file next to package.json once, where Node can require() ESM', async () => {
    requireEsm(true);
    const modelSchemas = await load();
    expect(modelSchemas()).toBe(schemas);
    expect(modelSchemas()).toBe(schemas);
    expect(required).toEqual(['/pkg/dist/internal/model-schemas.js']);
  });

  it('loads the CommonJS file on a Node without require(esm)', async () => {
    requireEsm(false);
    expect((await load())()).toBe(schemas);
    expect(required).toEqual(['/pkg/dist/internal/model-schemas.cjs']);
  });

  it('says to keep supportkit-ts installed when the file is missing (a bundle)', async () => {
    missing = true;
    const modelSchemas = await load();
    // The same module graph as the loader (vi.resetModules() gives each test a fresh one).
    const { SupportkitError } = await import('../../src/errors/index.js');
    expect(modelSchemas).toThrow(SupportkitError);
    expect(modelSchemas).toThrow('keep supportkit-ts in node_modules (do not bundle it)');
    try {
      modelSchemas();
    } catch (error) {
      expect((error as InstanceType<typeof SupportkitError>).code).toBe('unsupported');
    }
  });
});
