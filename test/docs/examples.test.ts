/**
 * Every TypeScript and JavaScript block of README.md and docs/*.md runs here, as a reader who copied it into a
 * script would run it (scripts/doc-examples.ts says how blocks are marked). `npm run typecheck` type-checks the
 * same programs with the sources.
 */
import { describe, expect, it } from 'vitest';
import {
  type DocBlock,
  docPrograms,
  readDocBlocks,
  runDocProgram,
  writeDocPrograms,
} from '../../scripts/doc-examples.js';

const blocks = readDocBlocks();
const programs = docPrograms(blocks);
const paths = writeDocPrograms(programs);

describe('the docs’ code blocks', () => {
  it('are programs, or fragments that say why', () => {
    const examples = blocks.filter((block): block is DocBlock => 'code' in block);
    const fragments = examples.filter((block) => block.marker.kind === 'fragment');
    // Each block either runs (alone, continuing the page's previous program, or as a Zapier step) or says why
    // not; fragments stay the exception.
    expect(examples.length).toBeGreaterThan(25);
    expect(programs.length).toBe(examples.length - fragments.length);
    expect(fragments.length).toBeLessThanOrEqual(6);
  });

  it.each(programs.map((program, i) => [program.name, program, paths[i]!] as const))(
    '%s runs',
    async (_name, program, path) => {
      const { code, stderr } = await runDocProgram(path, program.files);
      expect({ code, stderr: code === 0 ? '' : stderr }).toEqual({ code: 0, stderr: '' });
    },
    120_000,
  );
});
