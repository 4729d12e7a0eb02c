import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_DATASET } from '../../src/cli/commands/demo.js';
import { summarize } from '../../src/metrics/index.js';
import { parseDataset } from '../../src/models/index.js';
import { generateDataset } from '../../src/testing/index.js';
import { runCli } from './run.js';

describe('supportkit demo', { timeout: 60_000 }, () => {
  it('reports the demo helpdesk: JSON equal to summarize() with the demo’s options, HTML to a file', async () => {
    const dataset = parseDataset(
      JSON.parse(JSON.stringify(generateDataset({ ...DEMO_DATASET, tickets: 600 }))),
    );
    const expected = summarize(dataset, { timeZone: 'Europe/Rome', interval: 'week', recentPeriods: 2 });
    const json = await runCli(['demo', '--json', '--tickets', '600']);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout).report).toEqual(JSON.parse(JSON.stringify(expected)));
    const dir = mkdtempSync(join(tmpdir(), 'supportkit-demo-'));
    const html = await runCli(['demo', '--format', 'html', '--out', 'demo.html', '--tickets', '600'], {
      cwd: dir,
    });
    expect(html.code).toBe(0);
    expect(readFileSync(join(dir, 'demo.html'), 'utf8')).toContain('600 tickets');
    expect((await runCli(['demo', '--format', 'pdf'])).code).toBe(2);
    const italian = await runCli(
      ['demo', '--locale', 'it', '--format', 'html', '--out', 'demo-it.html', '--tickets', '600'],
      { cwd: dir },
    );
    expect(italian.code).toBe(0);
    const page = readFileSync(join(dir, 'demo-it.html'), 'utf8');
    expect(page).toContain('<html lang="it">');
    expect(page).toContain('600 ticket');
    // The planning sections, from the demo's own data.
    for (const id of ['forecast', 'staffing', 'card-states', 'sops', 'knowledge-base'])
      expect(page).toContain(`<section id="${id}">`);
    expect(page).toContain('Previsione: le prossime settimane');
    expect(page).toContain('Clienti per stato della scheda');
  });
});
