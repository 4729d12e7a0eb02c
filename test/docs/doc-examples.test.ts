import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type DocBlock,
  docPrograms,
  extractDocBlocks,
  placeholderEnv,
  programsDir,
  repositoryRoot,
} from '../../scripts/doc-examples.js';

const page = (...parts: string[]) => parts.join('\n');
const programsOf = (markdown: string) => docPrograms(extractDocBlocks(markdown, 'docs/t.md'));

describe('extractDocBlocks', () => {
  it('finds ts and js blocks with their line, and leaves other languages alone', () => {
    const blocks = extractDocBlocks(
      page('# T', '', '```ts', 'const a = 1;', '```', '', '```sh', 'npm test', '```', '```js', 'b();', '```'),
      'docs/t.md',
    );
    expect(blocks).toEqual([
      { file: 'docs/t.md', line: 3, lang: 'ts', code: 'const a = 1;', marker: { kind: 'program' } },
      { file: 'docs/t.md', line: 10, lang: 'js', code: 'b();', marker: { kind: 'program' } },
    ]);
  });

  it('does not take a block shown inside a longer fence (a Markdown sample) as an example', () => {
    const blocks = extractDocBlocks(
      page('````markdown', '```ts', 'not an example', '```', '````', '```ts', 'an example', '```'),
      'docs/t.md',
    );
    expect(blocks.map((b) => ('code' in b ? b.code : ''))).toEqual(['an example']);
  });

  it('reads the markers, and refuses an unknown one, a fragment without its reason, an unclosed block', () => {
    const [fragment, continues] = extractDocBlocks(
      page('<!-- fragment: a server -->', '```ts', 'x', '```', '<!-- continues -->', '', '```ts', 'y', '```'),
      'docs/t.md',
    ) as DocBlock[];
    expect(fragment!.marker).toEqual({ kind: 'fragment', reason: 'a server' });
    expect(continues!.marker).toEqual({ kind: 'continues' });
    expect(() => extractDocBlocks(page('<!-- fragmnet: typo -->', '```ts', 'x', '```'), 'docs/t.md')).toThrow(
      'docs/t.md:2: unknown marker',
    );
    expect(() => extractDocBlocks(page('<!-- fragment -->', '```ts', 'x', '```'), 'docs/t.md')).toThrow(
      'says why',
    );
    expect(() => extractDocBlocks(page('<!-- fragment: x -->', '```sh', 'x', '```'), 'docs/t.md')).toThrow(
      'only a file marker',
    );
    expect(() => extractDocBlocks(page('```ts', 'x'), 'docs/t.md')).toThrow('never closes');
  });

  it('gives back any code that holds no fence, exactly (property)', () => {
    const line = fc.string({ maxLength: 40 }).filter((s) => !/[`~]{3}|[\r\n]/.test(s));
    fc.assert(
      fc.property(
        fc.array(line, { minLength: 1, maxLength: 8 }),
        fc.constantFrom('ts', 'js'),
        (lines, lang) => {
          const code = lines.join('\n');
          const [block] = extractDocBlocks(page('# T', '', `\`\`\`${lang}`, code, '```', ''), 'docs/t.md');
          expect(block).toEqual({ file: 'docs/t.md', line: 3, lang, code, marker: { kind: 'program' } });
        },
      ),
    );
  });
});

describe('docPrograms', () => {
  it('runs a continued block after the program before it, skipping fragments, and not across pages', () => {
    const programs = programsOf(
      page(
        '```ts',
        'const a = 1;',
        '```',
        '<!-- fragment: why -->',
        '```ts',
        'undefinedThing();',
        '```',
        '<!-- continues -->',
        '```ts',
        'console.log(a);',
        '```',
      ),
    );
    expect(programs.map((p) => p.name)).toEqual(['docs/t.md:1', 'docs/t.md:9']);
    expect(programs[1]!.source).toContain('const a = 1;');
    expect(programs[1]!.source).toContain('console.log(a);');
    expect(programs[1]!.source).not.toContain('undefinedThing');
    expect(() => programsOf(page('<!-- continues -->', '```ts', 'x', '```'))).toThrow('continues');
    const other = extractDocBlocks(page('<!-- continues -->', '```ts', 'x', '```'), 'docs/u.md');
    expect(() =>
      docPrograms([...extractDocBlocks(page('```ts', 'a', '```'), 'docs/t.md'), ...other]),
    ).toThrow('docs/u.md:2: continues');
  });

  it('hands a page’s files to the programs after them', () => {
    const programs = programsOf(
      page(
        '```ts',
        'one',
        '```',
        '<!-- file: sop.md -->',
        '````markdown',
        '# SOP',
        '````',
        '```ts',
        'two',
        '```',
      ),
    );
    expect(programs[0]!.files.size).toBe(0);
    expect(programs[1]!.files).toEqual(new Map([['sop.md', '# SOP\n']]));
  });

  it('runs a Zapier step with its inputData and prints its output', () => {
    const [program] = programsOf(
      page('<!-- zapier inputData: {"a": "1"} -->', '```js', 'output = { b: inputData.a };', '```'),
    );
    expect(program!.fileName).toBe('docs-t-md-2.cjs');
    // Run the wrapped step in-process with a console that records.
    const printed: string[] = [];
    const run = new Function('console', program!.source);
    run({ log: (text: string) => printed.push(text) });
    return new Promise<void>((done) =>
      setImmediate(() => {
        expect(printed).toEqual(['{"b":"1"}']);
        done();
      }),
    );
  });
});

describe('placeholderEnv', () => {
  it('gives every variable a program reads a placeholder, never the machine’s value', () => {
    expect(
      placeholderEnv('tokenAuth(process.env.RT_TOKEN!); process.env.TRELLO_KEY; process.env.RT_TOKEN'),
    ).toEqual(
      new Map([
        ['RT_TOKEN', 'doc-example-rt-token'],
        ['TRELLO_KEY', 'doc-example-trello-key'],
      ]),
    );
  });
});

describe('the typecheck covers the doc examples', () => {
  it('tsconfig.json includes the folder the programs are written to, and npm run typecheck writes them first', () => {
    const tsconfig = JSON.parse(readFileSync(join(repositoryRoot, 'tsconfig.json'), 'utf8'));
    expect(tsconfig.include).toContain(programsDir.slice(repositoryRoot.length + 1));
    const scripts = JSON.parse(readFileSync(join(repositoryRoot, 'package.json'), 'utf8')).scripts;
    expect(scripts.typecheck).toMatch(/^tsx scripts\/doc-examples\.ts --extract && tsc --noEmit$/);
  });
});
