import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const root = join(import.meta.dirname, '..', '..');
export const resultsDir = join(root, 'bench', 'results');
export const dataDir = join(root, 'bench', '.data');

/** Runs a worker script in its own process (so peak RSS is its own) and returns the JSON it prints last. */
export function runWorker<T>(script: string, args: string[]): T {
  const tsx = join(root, 'node_modules', '.bin', 'tsx');
  const out = execFileSync(tsx, [join(root, 'bench', 'workers', script), ...args], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 1 << 26,
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, NODE_OPTIONS: '--max-old-space-size=16384' },
  });
  const lines = out.trim().split('\n');
  return JSON.parse(lines[lines.length - 1]!) as T;
}

export function writeResult(name: string, result: unknown): void {
  mkdirSync(resultsDir, { recursive: true });
  writeFileSync(join(resultsDir, `${name}.json`), `${JSON.stringify(result, null, 2)}\n`);
}

/** Peak resident set size of this process so far, in MiB. */
export const peakRssMiB = () => process.resourceUsage().maxRSS / 1024;

export const machine = () => ({
  node: process.version,
  cpus: (() => {
    try {
      return Number(execFileSync('nproc', { encoding: 'utf8' }).trim());
    } catch {
      return null;
    }
  })(),
  date: new Date().toISOString(),
});

/** The fastest of `repeats` runs of `run`, in milliseconds (the least disturbed by a noisy machine). */
export function bestOf(run: () => unknown, repeats = 3): number {
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < repeats; i++) {
    const start = performance.now();
    run();
    best = Math.min(best, performance.now() - start);
  }
  return best;
}
