import { mkdtempSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './run.js';

describe('the moment a folder report describes, untold', { timeout: 60_000 }, () => {
  it('an import: the latest time in its rows (import.json), not the day it is read', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'supportkit-asof-'));
    writeFileSync(
      join(dir, 'tickets.csv'),
      'ID;Oggetto;Stato;Cliente;Aperto il;Risolto il\n1;Accesso;In corso;Mario Rossi;02/03/2026 14:05;\n2;Fattura;Completato;Anna Verdi;03/03/2026 09:00;05/03/2026 17:30\n',
    );
    writeFileSync(
      join(dir, 'map.json'),
      JSON.stringify({
        kind: 'tickets',
        timeZone: 'Europe/Rome',
        dateOrder: 'day-first',
        columns: {
          id: 'ID',
          subject: 'Oggetto',
          status: 'Stato',
          requesterName: 'Cliente',
          createdAt: 'Aperto il',
          solvedAt: 'Risolto il',
        },
      }),
    );
    const imported = await runCli(['import', 'csv', 'tickets.csv', '--map', 'map.json', '--out', 'it'], {
      cwd: dir,
    });
    expect(imported.code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'it', 'import.json'), 'utf8')).asOf).toBe(
      '2026-03-05T16:30:00.001Z',
    );
    const report = JSON.parse((await runCli(['report', 'it', '--json'], { cwd: dir })).stdout);
    expect(report.report.asOf).toBe('2026-03-05T16:30:00.001Z');
    // The last solve (at the sheet's latest time) counts.
    expect(report.report.volumes.at(-1).solved).toBe(1);
    expect(report.report.volumes.at(-1).period).toBe('2026-03-02'); // the export's week, not December's
    const told = JSON.parse(
      (await runCli(['report', 'it', '--json', '--as-of', '2026-04-01'], { cwd: dir })).stdout,
    );
    expect(told.report.asOf).toBe('2026-04-01T00:00:00.000Z');
  });

  it('a sync folder: when its last batch was saved (the checkpoint’s time)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'supportkit-asof-'));
    expect((await runCli(['sync', 'memory', '--out', 'demo', '--tickets', '60'], { cwd: dir })).code).toBe(0);
    const saved = new Date('2026-04-06T08:00:00Z');
    utimesSync(join(dir, 'demo', 'checkpoint.json'), saved, saved);
    const report = JSON.parse((await runCli(['report', 'demo', '--json'], { cwd: dir })).stdout);
    expect(report.report.asOf).toBe(saved.toISOString());
  });
});
