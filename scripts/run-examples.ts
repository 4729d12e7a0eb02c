/**
 * Runs every example as a user would (`tsx examples/<name>.ts`) and fails if one exits non-zero or prints
 * nothing: examples are part of the product and must keep working.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const ts = (dir: string) =>
  readdirSync(join(root, 'examples', dir))
    .filter((file) => file.endsWith('.ts'))
    .map((file) => (dir === '' ? file : `${dir}/${file}`));
// The top level, and the automation steps (each simulates its platform's input, offline).
const examples = [...ts(''), ...ts('automations')];
const tsx = join(root, 'node_modules', '.bin', 'tsx');
for (const file of examples) {
  const output = execFileSync(tsx, [join('examples', file)], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (output.trim() === '') throw new Error(`examples/${file} printed nothing`);
  console.log(`ok  examples/${file} (${output.trim().split('\n').length} lines)`);
}
