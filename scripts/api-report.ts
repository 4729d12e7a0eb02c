/**
 * The public API report: every name each package entry point exports, with its kind and signature, written to
 * `docs/api/<entry>.api.md`. A change to the public surface then shows up as a diff of these files in review, so it is
 * made on purpose (`npm run api:update`), never by accident (`test/public/api-report.test.ts` compares them).
 *
 * Usage: `tsx scripts/api-report.ts` (check, exit 1 on a difference) or `tsx scripts/api-report.ts --update`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import ts from 'typescript';
import tsupConfig from '../tsup.config.js';

const root = resolve(import.meta.dirname, '..');

/** The name users install and import, from package.json. */
const packageName = (JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as { name: string })
  .name;

/**
 * The package's entry points, as tsup builds them: `index` → the package (`supportkit-ts`), `zendesk/index` →
 * `supportkit-ts/zendesk`; `report` names its file after the product (`supportkit.zendesk.api.md`), which a rename of
 * the package leaves alone. Other files tsup builds (a worker thread's entry) are not public.
 */
export function entryPoints(): { subpath: string; file: string; report: string }[] {
  const entry = (tsupConfig as { entry: Record<string, string> }).entry;
  const isPublic = ([name]: [string, string]) => name === 'index' || name.endsWith('/index');
  return Object.entries(entry)
    .filter(isPublic)
    .map(([name, file]) => {
      const sub = name === 'index' ? '' : name.replace(/\/index$/, '');
      return {
        subpath: sub ? `${packageName}/${sub}` : packageName,
        file: resolve(root, file),
        report: `${['supportkit', ...sub.split('/').filter(Boolean)].join('.')}.api.md`,
      };
    });
}

const flags = ts.TypeFormatFlags.NoTruncation;
const clip = (text: string) => {
  // Types from other files print as import("/abs/path/…").Name: the report must read the same in any clone.
  // Never truncated: a change to the last field of a model must show in the diff as much as the first.
  return text.replace(/import\("[^"]*"(?:, \{[^)]*\})?\)\./g, '').replace(/\s+/g, ' ');
};

function describe(checker: ts.TypeChecker, exported: ts.Symbol): string {
  const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
  const declaration = symbol.declarations?.[0];
  const name = exported.getName();
  if (!declaration) return `- \`${name}\``;
  const f = symbol.flags;
  if (f & ts.SymbolFlags.Class) {
    const members = checker
      .getPropertiesOfType(checker.getDeclaredTypeOfSymbol(symbol))
      .filter((m) => !m.getName().startsWith('#'))
      .map((m) => m.getName())
      .sort();
    return `- class \`${name}\` { ${members.join(', ')} }`;
  }
  if (f & ts.SymbolFlags.Function) {
    const type = checker.getTypeOfSymbolAtLocation(symbol, declaration);
    const signatures = type
      .getCallSignatures()
      .map((s) => clip(checker.signatureToString(s, undefined, flags)));
    return `- function \`${name}\`${signatures.map((s) => `\n  - \`${s}\``).join('')}`;
  }
  if (f & ts.SymbolFlags.Interface) {
    const type = checker.getDeclaredTypeOfSymbol(symbol);
    const members = checker.getPropertiesOfType(type).map((m) => {
      const optional = m.flags & ts.SymbolFlags.Optional ? '?' : '';
      const mType = clip(
        checker.typeToString(checker.getTypeOfSymbolAtLocation(m, declaration), undefined, flags),
      );
      return `  - \`${m.getName()}${optional}: ${mType}\``;
    });
    const value = f & ts.SymbolFlags.Value ? ' (and a value of the same name)' : '';
    return `- interface \`${name}\`${value}${members.length ? `\n${members.join('\n')}` : ''}`;
  }
  if (f & ts.SymbolFlags.TypeAlias) {
    const type = checker.getDeclaredTypeOfSymbol(symbol);
    const value = f & ts.SymbolFlags.Value ? ' (and a value of the same name)' : '';
    return `- type \`${name}\`${value} = \`${clip(checker.typeToString(type, undefined, flags | ts.TypeFormatFlags.InTypeAlias))}\``;
  }
  if (f & ts.SymbolFlags.Variable) {
    const type = checker.getTypeOfSymbolAtLocation(symbol, declaration);
    return `- const \`${name}\`: \`${clip(checker.typeToString(type, undefined, flags))}\``;
  }
  return `- \`${name}\``;
}

/** The report of every entry point, by file name under docs/api/. */
export function apiReports(): Map<string, string> {
  const entries = entryPoints();
  const config = ts.getParsedCommandLineOfConfigFile(
    resolve(root, 'tsconfig.json'),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
      },
    },
  );
  if (!config) throw new Error('tsconfig.json could not be read');
  const program = ts.createProgram(
    entries.map((e) => e.file),
    { ...config.options, noEmit: true },
  );
  const checker = program.getTypeChecker();
  const reports = new Map<string, string>();
  for (const { subpath, file, report } of entries) {
    const source = program.getSourceFile(file);
    const module = source && checker.getSymbolAtLocation(source);
    if (!module) throw new Error(`${file}: not a module`);
    const exports = checker
      .getExportsOfModule(module)
      .sort((a, b) => (a.getName() < b.getName() ? -1 : a.getName() > b.getName() ? 1 : 0));
    const lines = exports.map((e) => describe(checker, e));
    reports.set(
      report,
      `# \`${subpath}\` — ${exports.length} exports\n\n` +
        `<!-- Generated by scripts/api-report.ts: do not edit; run \`npm run api:update\` on purpose. -->\n\n` +
        `${lines.join('\n')}\n`,
    );
  }
  return reports;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const update = process.argv.includes('--update');
  let stale = 0;
  for (const [name, text] of apiReports()) {
    const path = resolve(root, 'docs', 'api', name);
    let current = '';
    try {
      current = readFileSync(path, 'utf8');
    } catch {}
    if (current === text) continue;
    if (update) writeFileSync(path, text);
    else {
      stale++;
      console.error(`docs/api/${name} differs from the code's public surface`);
    }
  }
  if (stale) {
    console.error('Run `npm run api:update` if the change is deliberate, and note it in CHANGELOG.md.');
    process.exit(1);
  }
}
