/**
 * The code blocks of README.md and docs/*.md, as programs: every TypeScript (and JavaScript) block runs in
 * `npm test`, so an example copied into a script does what the page says. A block is one of:
 *
 * - a program on its own (the default): it imports what it uses and makes the data it needs;
 * - `<!-- continues -->` on the line before the fence: the page's previous program goes on (the blocks run as
 *   one program, so the second need not repeat the first's imports and data; fragments in between are skipped);
 * - `<!-- fragment: why -->`: not run, on purpose, with the reason (a type's shape, a server that never exits, an
 *   account the tests do not have);
 * - `<!-- zapier inputData: {json} -->`: the body of a Zapier Code step (CommonJS), run as Zapier runs it: with
 *   `inputData` given and `output` read back.
 *
 * `<!-- file: name -->` before a block of any language (an SOP in Markdown, a CSV) makes it a file: the programs
 * after it on the page find it under that name in their working folder, as a reader who saved it would.
 *
 * Any other HTML comment right before a block is refused (a misspelt marker must not make a block silently
 * skipped). Run `tsx scripts/doc-examples.ts [file.md …]` to run them; `--extract` writes the programs to
 * `.tmp/doc-examples/` without running them (`npm run typecheck` does, so tsc checks them with the sources).
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/** One fenced TypeScript or JavaScript block of a Markdown page. */
export interface DocBlock {
  /** The page, relative to the repository (`docs/cards.md`). */
  file: string;
  /** 1-based line of the opening fence. */
  line: number;
  lang: 'ts' | 'js';
  code: string;
  marker:
    | { kind: 'program' }
    | { kind: 'continues' }
    | { kind: 'fragment'; reason: string }
    | { kind: 'zapier'; inputData: Record<string, unknown> };
}

/** A block of any language marked `<!-- file: name -->`: the programs after it find it in their folder. */
export interface DocFile {
  file: string;
  line: number;
  name: string;
  content: string;
}

/** A block (with the blocks it continues) as a file to run. */
export interface DocProgram {
  /** `docs/cards.md:18`: the block that ends the program. */
  name: string;
  /** A file name for it (`docs-cards-md-18.ts`). */
  fileName: string;
  source: string;
  /** The page's files before the block: name → content. */
  files: Map<string, string>;
}

const LANGS = new Map<string, 'ts' | 'js'>([
  ['ts', 'ts'],
  ['typescript', 'ts'],
  ['js', 'js'],
  ['javascript', 'js'],
]);

/** A marker's text (inside `<!-- … -->`) as a block's marker; anything unknown is an error naming the place. */
function readMarker(text: string, where: string): DocBlock['marker'] {
  if (text === 'continues') return { kind: 'continues' };
  const fragment = /^fragment:\s*(\S.*)$/.exec(text);
  if (fragment) return { kind: 'fragment', reason: fragment[1]! };
  if (text === 'fragment' || text.startsWith('fragment '))
    throw new Error(`${where}: a fragment says why it is one: <!-- fragment: the reason -->`);
  const zapier = /^zapier inputData:\s*(\{.*\})$/.exec(text);
  if (zapier) {
    let inputData: unknown;
    try {
      inputData = JSON.parse(zapier[1]!);
    } catch {
      throw new Error(`${where}: the zapier marker's inputData is not JSON`);
    }
    return { kind: 'zapier', inputData: inputData as Record<string, unknown> };
  }
  throw new Error(
    `${where}: unknown marker before a code block (known: continues, fragment: <why>, zapier inputData: {…})`,
  );
}

/**
 * The TypeScript and JavaScript blocks of one Markdown page, with their markers, and the blocks marked as files,
 * in page order. Fences follow CommonMark: ``` or ~~~, three or more, closed by the same character at least as
 * long with nothing after it, so a block shown inside a longer fence (a Markdown sample) is not an example.
 *
 * @example
 * extractDocBlocks('# T\n\n```ts\nconsole.log(1);\n```\n', 'docs/t.md');
 * // [{ file: 'docs/t.md', line: 3, lang: 'ts', code: 'console.log(1);', marker: { kind: 'program' } }]
 */
export function extractDocBlocks(markdown: string, file: string): (DocBlock | DocFile)[] {
  const lines = markdown.split(/\r?\n/);
  const blocks: (DocBlock | DocFile)[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^ {0,3}(`{3,}|~{3,})\s*([^\s`]*)/.exec(lines[i]!);
    if (!open) continue;
    const fence = open[1]!;
    let end = i + 1;
    const closes = (line: string) => {
      const close = /^ {0,3}(`{3,}|~{3,})\s*$/.exec(line);
      return close !== null && close[1]![0] === fence[0] && close[1]!.length >= fence.length;
    };
    while (end < lines.length && !closes(lines[end]!)) end++;
    if (end === lines.length) throw new Error(`${file}:${i + 1}: a code block that never closes`);
    const lang = LANGS.get(open[2]!.toLowerCase());
    let before = i - 1;
    while (before >= 0 && lines[before]!.trim() === '') before--;
    const comment = before >= 0 ? /^\s*<!--\s*(.*?)\s*-->\s*$/.exec(lines[before]!) : null;
    const where = `${file}:${i + 1}`;
    const named = comment ? /^file:\s*([\w.-]+)$/.exec(comment[1]!) : null;
    if (named) {
      const content = `${lines.slice(i + 1, end).join('\n')}\n`;
      blocks.push({ file, line: i + 1, name: named[1]!, content });
    } else if (lang) {
      const marker = comment ? readMarker(comment[1]!, where) : ({ kind: 'program' } as const);
      if (marker.kind === 'zapier' && lang !== 'js') throw new Error(`${where}: a Zapier step is a js block`);
      blocks.push({ file, line: i + 1, lang, code: lines.slice(i + 1, end).join('\n'), marker });
    } else if (comment) {
      throw new Error(
        `${where}: only a file marker (<!-- file: name -->) goes before a ${open[2] || 'plain'} block`,
      );
    }
    i = end;
  }
  return blocks;
}

/**
 * The programs that run a page's blocks: each block that is not a fragment, preceded by the blocks it continues.
 * A `continues` block with nothing runnable before it is an error.
 *
 * @example
 * docPrograms(extractDocBlocks(readFileSync('docs/cards.md', 'utf8'), 'docs/cards.md'));
 */
export function docPrograms(blocks: readonly (DocBlock | DocFile)[]): DocProgram[] {
  const programs: DocProgram[] = [];
  let chain: DocBlock[] = [];
  const files = new Map<string, Map<string, string>>();
  for (const block of blocks) {
    const pageFiles = files.get(block.file) ?? new Map<string, string>();
    files.set(block.file, pageFiles);
    if ('name' in block) {
      pageFiles.set(block.name, block.content);
      continue;
    }
    if (chain.length > 0 && chain[0]!.file !== block.file) chain = [];
    const name = `${block.file}:${block.line}`;
    const base = `${block.file.replace(/[^A-Za-z0-9]+/g, '-')}-${block.line}`;
    const { marker } = block;
    // A fragment is not run and not part of a program: a block after it continues the program before it.
    if (marker.kind === 'fragment') continue;
    if (marker.kind === 'continues') {
      const last = chain.at(-1);
      if (!last) throw new Error(`${name}: continues, but the block before it is not a program`);
      if (last.lang !== block.lang) throw new Error(`${name}: continues a block in another language`);
      chain = [...chain, block];
    } else chain = [block];
    if (marker.kind === 'zapier') {
      // Zapier runs the step's code as the body of an async function, with `inputData` given; the step's result
      // is what it assigns to `output`.
      const source = [
        `const inputData = ${JSON.stringify(marker.inputData)};`,
        'let output;',
        '(async () => {',
        block.code,
        '})().then(() => {',
        "  if (output === undefined) throw new Error('the Zapier step set no output');",
        '  console.log(JSON.stringify(output));',
        '});',
        '',
      ].join('\n');
      programs.push({ name, fileName: `${base}.cjs`, source, files: new Map(pageFiles) });
      continue;
    }
    const parts = chain.map((part) => `// ${part.file}:${part.line}\n${part.code}`);
    // `export {}` makes each program a module of its own when tsc checks them together.
    const source = `${parts.join('\n\n')}\n\nexport {};\n`;
    programs.push({
      name,
      fileName: `${base}.${block.lang === 'ts' ? 'ts' : 'mjs'}`,
      source,
      files: new Map(pageFiles),
    });
  }
  return programs;
}

/** The repository's root. */
export const repositoryRoot = resolve(import.meta.dirname, '..');

/** README.md and docs/*.md (not docs/api/, which the API report writes). */
export function docFiles(root = repositoryRoot): string[] {
  const docs = readdirSync(join(root, 'docs'))
    .filter((file) => file.endsWith('.md'))
    .sort()
    .map((file) => `docs/${file}`);
  return ['README.md', ...docs];
}

/** Every block of the given pages. */
export function readDocBlocks(files = docFiles(), root = repositoryRoot): (DocBlock | DocFile)[] {
  return files.flatMap((file) => extractDocBlocks(readFileSync(join(root, file), 'utf8'), file));
}

/** Where the programs are written: git and biome ignore `.tmp/`; the root tsconfig includes this folder. */
export const programsDir = join(repositoryRoot, '.tmp', 'doc-examples');

/** Writes the programs (the folder is emptied first, so a removed block leaves no stale file) and returns paths. */
export function writeDocPrograms(programs: readonly DocProgram[], dir = programsDir): string[] {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  return programs.map((program) => {
    const path = join(dir, program.fileName);
    writeFileSync(path, program.source);
    return path;
  });
}

/** How one program ended. */
export interface DocRunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * The environment a program runs with: the variables it reads (`process.env.RT_TOKEN`) get a placeholder value,
 * whatever the machine has, so an example that builds a vendor adapter from its credentials runs — builds the
 * adapter, checks its options — and can never use real credentials.
 */
export function placeholderEnv(source: string): Map<string, string> {
  const env = new Map<string, string>();
  for (const [, name] of source.matchAll(/process\.env\.([A-Za-z_][A-Za-z0-9_]*)/g))
    env.set(name!, `doc-example-${name!.toLowerCase().replaceAll('_', '-')}`);
  return env;
}

/**
 * Runs a written program with tsx, as a user runs a script: in an empty working folder of its own (a block that
 * writes `helpdesk/records.jsonl` writes it there), with `supportkit-ts` resolved to the sources by the root
 * tsconfig's paths, the placeholder environment, and killed after `timeoutMs`.
 */
export function runDocProgram(
  path: string,
  files: ReadonlyMap<string, string> = new Map(),
  timeoutMs = 60_000,
): Promise<DocRunResult> {
  const cwd = mkdtempSync(join(tmpdir(), 'supportkit-doc-example-'));
  for (const [name, content] of files) writeFileSync(join(cwd, name), content);
  const tsx = join(repositoryRoot, 'node_modules', '.bin', 'tsx');
  const env = {
    ...process.env,
    NO_COLOR: '1',
    ...Object.fromEntries(placeholderEnv(readFileSync(path, 'utf8'))),
  };
  return new Promise((done) => {
    execFile(
      tsx,
      ['--tsconfig', join(repositoryRoot, 'tsconfig.json'), path],
      { cwd, timeout: timeoutMs, encoding: 'utf8', env },
      (error, stdout, stderr) => {
        rmSync(cwd, { recursive: true, force: true });
        const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
        done({ code, stdout, stderr });
      },
    );
  });
}

async function main(args: string[]): Promise<void> {
  const extractOnly = args.includes('--extract');
  const files = args.filter((arg) => !arg.startsWith('--'));
  const programs = docPrograms(readDocBlocks(files.length > 0 ? files : docFiles()));
  const paths = writeDocPrograms(programs);
  if (extractOnly) {
    console.log(`${paths.length} doc examples written to ${relative(process.cwd(), programsDir)}/`);
    return;
  }
  let failed = 0;
  for (const [i, program] of programs.entries()) {
    const { code, stdout, stderr } = await runDocProgram(paths[i]!, program.files);
    if (code === 0) console.log(`ok    ${program.name} (${stdout.trim().split('\n').length} lines)`);
    else {
      failed++;
      console.log(`FAIL  ${program.name} (exit ${code})\n${stderr.trim()}`);
    }
  }
  if (failed > 0) {
    console.log(`${failed} of ${programs.length} doc examples failed`);
    process.exitCode = 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href)
  await main(process.argv.slice(2));
