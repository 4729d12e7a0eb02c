/**
 * Import time and bundle size of the light subpaths, for automation steps with a one-second limit.
 *
 * Import time: `node -e "import('supportkit-ts/automations')"` (and `…/metrics`, `…/models`) against a bare
 * `node -e ""`, each a fresh process, interleaved so that load on the machine falls on all of them alike; the
 * median wall time of many runs, with the difference and ratio to bare node. The median CPU time (user + system)
 * is reported too: on a shared machine it moves less than wall time. Runs against the built package (dist/).
 * Targets: ≤ 60 ms over bare for automations, ≤ 100 ms for metrics.
 *
 * Bundle size: the automations helpers bundled by esbuild as a step would ship them (minified, ESM, target
 * node18, luxon included, date-holidays left out: it is required only when a `country` is given). Budget below.
 *
 *   npm run build && npx tsx bench/import-time.ts      # IMPORT_RUNS=41 by default
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { machine, root, writeResult } from './lib/measure.js';

const RUNS = Number(process.env.IMPORT_RUNS ?? 41);
/** Minified bundle of the automations helpers, luxon included, holiday data excluded. */
const BUNDLE_BUDGET_BYTES = 120 * 1024;
const TARGETS_MS: Record<string, number> = { 'supportkit-ts/automations': 60, 'supportkit-ts/metrics': 100 };
const SUBJECTS = ['', 'supportkit-ts/automations', 'supportkit-ts/metrics', 'supportkit-ts/models'];

if (!existsSync(join(root, 'dist', 'automations', 'index.js'))) {
  throw new Error('bench/import-time.ts measures the built package: run `npm run build` first');
}

/** One fresh process: wall ms around the spawn, and the child's own CPU ms (user + system) at exit. */
function once(specifier: string): { wall: number; cpu: number } {
  const body =
    specifier === ''
      ? "process.on('exit',()=>{const u=process.cpuUsage();console.log(u.user+u.system)})"
      : `import(${JSON.stringify(specifier)}).then(()=>process.on('exit',()=>{const u=process.cpuUsage();console.log(u.user+u.system)}))`;
  const start = process.hrtime.bigint();
  const child = spawnSync(process.execPath, ['-e', body], { cwd: root, encoding: 'utf8' });
  const wall = Number(process.hrtime.bigint() - start) / 1e6;
  if (child.status !== 0) throw new Error(`node -e "import('${specifier}')" failed: ${child.stderr}`);
  return { wall, cpu: Number(child.stdout.trim()) / 1000 };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const round1 = (value: number) => Math.round(value * 10) / 10;

const samples = new Map(SUBJECTS.map((subject) => [subject, { wall: [] as number[], cpu: [] as number[] }]));
for (let run = 0; run < RUNS; run++) {
  for (const subject of SUBJECTS) {
    const { wall, cpu } = once(subject);
    samples.get(subject)!.wall.push(wall);
    samples.get(subject)!.cpu.push(cpu);
  }
}
const bare = { wall: median(samples.get('')!.wall), cpu: median(samples.get('')!.cpu) };
const imports = SUBJECTS.filter((subject) => subject !== '').map((subject) => {
  const wall = median(samples.get(subject)!.wall);
  const cpu = median(samples.get(subject)!.cpu);
  const target = TARGETS_MS[subject];
  return {
    import: subject,
    medianWallMs: round1(wall),
    overBareMs: round1(wall - bare.wall),
    ratioToBare: Math.round((wall / bare.wall) * 100) / 100,
    medianCpuMs: round1(cpu),
    cpuOverBareMs: round1(cpu - bare.cpu),
    ...(target === undefined ? {} : { targetOverBareMs: target, met: wall - bare.wall <= target }),
  };
});

const bundled = await build({
  stdin: { contents: "export * from 'supportkit-ts/automations';", resolveDir: root },
  bundle: true,
  minify: true,
  format: 'esm',
  platform: 'node',
  target: 'node18',
  external: ['date-holidays'],
  write: false,
  metafile: true,
  logLevel: 'silent',
});
const code = bundled.outputFiles[0]!.contents;
const inputs = Object.entries(bundled.metafile.outputs)[0]![1].inputs;
const luxonBytes = Object.entries(inputs)
  .filter(([path]) => path.includes('node_modules/luxon'))
  .reduce((sum, [, input]) => sum + input.bytesInOutput, 0);
const bundle = {
  what: 'esbuild --bundle --minify --format=esm --target=node18, external date-holidays',
  bytes: code.byteLength,
  gzipBytes: gzipSync(code).byteLength,
  luxonBytes,
  supportkitBytes: code.byteLength - luxonBytes,
  budgetBytes: BUNDLE_BUDGET_BYTES,
  met: code.byteLength <= BUNDLE_BUDGET_BYTES,
  holidayData: 'not bundled: date-holidays is required at run time only by holidaysFor() / a country option',
};

const result = {
  benchmark: 'import time over a bare node start, and the automations bundle size',
  runs: RUNS,
  bare: { medianWallMs: round1(bare.wall), medianCpuMs: round1(bare.cpu) },
  imports,
  bundle,
  load: execFileSync('cat', ['/proc/loadavg'], { encoding: 'utf8' }).trim(),
  machine: machine(),
};
writeResult('import-time', result);
console.log(JSON.stringify(result, null, 2));
