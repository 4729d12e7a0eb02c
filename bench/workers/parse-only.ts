/** Worker: the floor for any JavaScript reader of the file — read it and JSON.parse every line, nothing else. */
import { createReadStream } from 'node:fs';
import { peakRssMiB } from '../lib/measure.js';

const [path] = process.argv.slice(2) as [string];
const started = performance.now();
let rest = '';
let lines = 0;
for await (const chunk of createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 22 })) {
  const text = rest + (chunk as string);
  let start = 0;
  for (let end = text.indexOf('\n'); end !== -1; end = text.indexOf('\n', start)) {
    if (end > start) {
      JSON.parse(text.slice(start, end));
      lines++;
    }
    start = end + 1;
  }
  rest = text.slice(start);
}
console.log(JSON.stringify({ ms: performance.now() - started, peakRssMiB: peakRssMiB(), lines }));
