import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { apiReports, entryPoints } from '../../scripts/api-report.js';

/**
 * The public surface is recorded in docs/api/*.api.md: a change to what any entry point exports — a name added,
 * removed or re-typed — fails here until the report is regenerated on purpose (`npm run api:update`) and the
 * change described in CHANGELOG.md.
 */
const TRANSPORT_BLOCKS = [
  'createHttpClient',
  'paginate',
  'createRateLimiter',
  'retryDelay',
  'errorFromResponse',
  'redactUrl',
];

describe('API report', () => {
  it('matches what every entry point exports', { timeout: 180_000 }, () => {
    const reports = apiReports();
    expect([...reports.keys()].length).toBe(entryPoints().length);
    for (const [name, text] of reports) {
      const recorded = readFileSync(resolve(import.meta.dirname, '../../docs/api', name), 'utf8');
      expect(
        text,
        `docs/api/${name} is out of date: run npm run api:update if the change is deliberate`,
      ).toBe(recorded);
    }
  });

  it('keeps transport building blocks out of the root, in supportkit-ts/transport', () => {
    const report = (name: string) =>
      readFileSync(resolve(import.meta.dirname, '../../docs/api', name), 'utf8');
    const root = report('supportkit.api.md');
    const transport = report('supportkit.transport.api.md');
    for (const name of TRANSPORT_BLOCKS) {
      expect(root).not.toContain(`\`${name}\``);
      expect(transport).toContain(`\`${name}\``);
    }
  });
});
