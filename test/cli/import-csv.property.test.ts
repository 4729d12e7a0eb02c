import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fold } from '../../src/automations/text.js';
import { CHANNEL_WORDS, PRIORITY_WORDS, STATUS_WORDS } from '../../src/automations/vocabulary.js';
import { normalizeStatus } from '../../src/automations/words.js';
import { idFromName } from '../../src/cli/csv/people.js';
import { readCsv } from '../../src/cli/csv/read.js';

/** A cell a spreadsheet might hold: words, the delimiter, quotes, line breaks of every kind, accents. */
const cellText = fc
  .array(fc.constantFrom('a', 'Zoë', ' ', ';', ',', '"', '\r\n', '\n', 'è', '1', '-', '|'), { maxLength: 6 })
  .map((parts) => parts.join('').trim());

const quoted = (cell: string, delimiter: string) =>
  cell.includes(delimiter) || /["\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;

describe('readCsv (property)', () => {
  it('gives back every cell as written, and the line each row starts on, whatever the cells hold', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }).chain((width) =>
          fc.record({
            width: fc.constant(width),
            rows: fc.array(fc.array(cellText, { minLength: width, maxLength: width }), { maxLength: 6 }),
            delimiter: fc.constantFrom(';', ',', '\t'),
            eol: fc.constantFrom('\r\n', '\n'),
            bom: fc.boolean(),
          }),
        ),
        ({ width, rows, delimiter, eol, bom }) => {
          const header = Array.from({ length: width }, (_, i) => `col ${i}`);
          // A one-column row of one blank cell is a blank line, which a wider file skips: keep rows non-blank.
          const kept = rows.filter((row) => row.some((cell) => cell !== ''));
          const lines = [header, ...kept].map((row) =>
            row.map((cell) => quoted(cell, delimiter)).join(delimiter),
          );
          const text = `${bom ? '\uFEFF' : ''}${lines.join(eol)}${eol}`;
          const read = readCsv(text, 'x.csv', delimiter);
          expect(read.header).toEqual(header);
          expect(read.rows.map((row) => header.map((column) => row.cells.get(column)))).toEqual(
            kept.map((row) => row.map((cell) => cell.trim())),
          );
          let line = 2;
          read.rows.forEach((row, index) => {
            expect(row.line).toBe(line);
            expect(row.row).toBe(index + 2);
            line += 1 + (lines[index + 1]!.match(/\r\n|\n/g)?.length ?? 0);
          });
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('idFromName (property)', () => {
  it('is the same for a name in any case, with or without accents; only letters, digits and single dashes', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), (name) => {
        const id = idFromName('agent', name);
        if (id === null) {
          expect(fold(name)).not.toMatch(/[\p{L}\p{N}]/u);
          return;
        }
        expect(id).toMatch(/^agent(?:-[\p{L}\p{N}]+)+$/u);
        expect(idFromName('agent', name.toUpperCase().normalize('NFD'))).toBe(
          idFromName('agent', name.toLowerCase()),
        );
      }),
      { numRuns: 500 },
    );
  });
});

describe('the status, priority and channel vocabulary', () => {
  it('lists each word in its folded form, so every one can be found', () => {
    for (const table of [STATUS_WORDS, PRIORITY_WORDS, CHANNEL_WORDS])
      for (const word of table.keys()) expect(fold(word)).toBe(word);
  });

  it('finds a word whatever its case, accents and separators (property)', () => {
    const words = [...STATUS_WORDS.keys()];
    fc.assert(
      fc.property(
        fc.constantFrom(...words),
        fc.array(fc.boolean(), { minLength: 40, maxLength: 40 }),
        fc.constantFrom(' ', '-', '_', '  '),
        (word, upper, separator) => {
          const written = [...word.replaceAll(' ', separator)]
            .map((char, i) => (upper[i % upper.length] ? char.toUpperCase() : char))
            .join('');
          expect(normalizeStatus(written).value).toBe(STATUS_WORDS.get(word));
        },
      ),
    );
  });
});
