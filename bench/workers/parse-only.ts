/**
 * Worker: the floor for any JavaScript reader of the file — read it and JSON.parse every line, nothing else.
 * Lines are cut from the bytes and decoded one by one, as supportkit's reader does (decoding 4 MiB at a time
 * makes one accented line turn the whole piece into a two-byte string, slower to slice and parse).
 */
import { createReadStream } from 'node:fs';
import { peakRssMiB } from '../lib/measure.js';

const [path] = process.argv.slice(2) as [string];
const started = performance.now();
let rest: Buffer | null = null;
let lines = 0;
for await (const chunk of createReadStream(path, { highWaterMark: 1 << 22 })) {
  const bytes: Buffer = rest ? Buffer.concat([rest, chunk as Buffer]) : (chunk as Buffer);
  let start = 0;
  for (let end = bytes.indexOf(10); end !== -1; end = bytes.indexOf(10, start)) {
    if (end > start) {
      JSON.parse(bytes.toString('utf8', start, end));
      lines++;
    }
    start = end + 1;
  }
  rest = bytes.subarray(start);
}
if (rest && rest.toString('utf8').trim() !== '') {
  JSON.parse(rest.toString('utf8'));
  lines++;
}
console.log(JSON.stringify({ ms: performance.now() - started, peakRssMiB: peakRssMiB(), lines }));
