/**
 * Renames the npm package (what users install and import) without renaming the product or its command: the
 * `supportkit` bin, `supportkit sync …`, "supportkit's" and error prefixes stay. Re-runnable: every rule matches
 * the old name only where a specifier ends (a quote, `/`, a closing backtick, a space), so text already renamed
 * (`supportkit-ts`) is left alone, and running it again over merged text renames only what is new.
 *
 * Usage: `npx tsx scripts/rename-package.ts <old> <new>`, e.g. `npx tsx scripts/rename-package.ts supportkit
 * supportkit-ts`; then `npm run api:update`. It rewrites, in the files git tracks (not CHANGELOG.md, the generated
 * docs/api, or bench/results):
 * - import specifiers: `from '<old>'`, `from '<old>/zendesk'`, `require(…)`, `import(…)`, `require.resolve(…)`,
 *   `vi.mock(…)`, in code and in the examples of docs and TSDoc;
 * - a subpath anywhere (`<old>/metrics`, `<old>/*`, `<old>/<vendor>`), and the aliases `/^<old>$/`, `/^<old>\//`;
 * - the bare `"<old>"` key of tsconfig paths; `` `<old>` `` as a name in prose, except "the `<old>` command" / "bin";
 * - `npm install <old>` (and pnpm/yarn/bun add), `npx <old> …` (npx runs the package's one bin), an n8n allow-list;
 * - the `name` of package.json and package-lock.json (the bin keeps its name).
 * It prints each file it changed with its count of replacements.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

const [from, to] = process.argv.slice(2);
const NAME = /^(?:@[a-z0-9][\w.-]*\/)?[a-z0-9][\w.-]*$/;
if (!from || !to || !NAME.test(from) || !NAME.test(to) || from === to) {
  console.error('usage: npx tsx scripts/rename-package.ts <old-name> <new-name>');
  process.exit(2);
}
const root = resolve(import.meta.dirname, '..');
const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const old = literal(from);
const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as { exports: object };
// The subpaths of the exports map (`./models`, `./schemas/*.json`, `./package.json`), plus the placeholders docs use.
const subpaths = Object.keys(pkg.exports)
  .filter((key) => key !== '.')
  .map((key) => literal(key.slice(2).split('/')[0]!))
  .concat('\\*', '<', '\\$\\{');
const subpath = `/(?:${subpaths.join('|')})`;

/** Each rule: a pattern whose whole match is the old name (lookarounds give the context). */
const RULES: readonly RegExp[] = [
  // Specifiers: from '<old>' / from "<old>/x", require('<old>'), import('<old>'), require.resolve, vi.mock.
  new RegExp(`(?<=\\b(?:from|import|require|resolve|mock)\\s*\\(?\\s*['"\`])${old}(?=['"\`/])`, 'g'),
  // A subpath anywhere: `<old>/metrics`, "<old>/*", <old>/<vendor>, `<old>/${name}`; not a path's segment.
  new RegExp(`(?<![\\w.@/-])${old}(?=${subpath})`, 'g'),
  // Aliases as regular expressions: /^<old>$/, /^<old>\/(.*)$/.
  new RegExp(`(?<=\\^)${old}(?=\\$|\\\\/)`, 'g'),
  // Installing it, running its bin with npx, allowing it in n8n.
  new RegExp(
    `(?<=\\b(?:npm (?:install|i|add)|pnpm add|yarn add|bun add)(?: +-{1,2}[\\w-]+)* +)${old}(?![\\w/-])`,
    'g',
  ),
  new RegExp(`(?<=\\bnpx +)${old}(?= )`, 'g'),
  new RegExp(`(?<=ALLOW_EXTERNAL=(?:[\\w@/.-]+,)*)${old}(?![\\w/-])`, 'g'),
  // The package named in prose, `<old>`, but not the command: "the `<old>` command", "the `<old>` bin".
  new RegExp(`(?<=\`)${old}(?=\`(?!\\s+(?:command|bin)\\b))`, 'g'),
];
/** tsconfig paths: the bare key `"<old>": [...]` (package.json's bin has the same shape and keeps its name). */
const TSCONFIG_KEY = new RegExp(`(?<=")${old}(?="\\s*:)`, 'g');

const SKIP =
  /^(?:CHANGELOG\.md|docs\/api\/|bench\/results\/|package(?:-lock)?\.json$|scripts\/rename-package\.ts$)/;
const TEXT = /\.(?:[cm]?[jt]s|md|json|html|ya?ml|sh)$/;
const files = execFileSync('git', ['ls-files'], { cwd: root, encoding: 'utf8' })
  .split('\n')
  .filter((file) => file && TEXT.test(file) && !SKIP.test(file));

let total = 0;
for (const file of files) {
  const path = resolve(root, file);
  const before = readFileSync(path, 'utf8');
  let count = 0;
  let after = before;
  const rules = /(?:^|\/)tsconfig[\w.-]*\.json$/.test(file) ? [...RULES, TSCONFIG_KEY] : RULES;
  for (const rule of rules)
    after = after.replace(rule, () => {
      count++;
      return to;
    });
  if (after === before) continue;
  writeFileSync(path, after);
  total += count;
  console.log(`${String(count).padStart(4)}  ${file}`);
}

// The package's own name; the bin (`"bin": { "<old>": … }`) keeps the command's name.
for (const file of ['package.json', 'package-lock.json']) {
  const path = resolve(root, file);
  const json = JSON.parse(readFileSync(path, 'utf8')) as {
    name?: string;
    packages?: Record<string, { name?: string }>;
  };
  let count = 0;
  if (json.name === from) {
    json.name = to;
    count++;
  }
  const self = json.packages?.[''];
  if (self?.name === from) {
    self.name = to;
    count++;
  }
  if (count === 0) continue;
  writeFileSync(path, `${JSON.stringify(json, null, 2)}\n`);
  total += count;
  console.log(`${String(count).padStart(4)}  ${file} (name)`);
}
console.log(`${total} replacements of ${from} → ${to}; now run npm run api:update`);
