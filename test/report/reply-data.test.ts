/**
 * Tickets without reply data (a spreadsheet export with no first-reply column): the report says reply data is
 * missing instead of "200 unanswered" about tickets mostly solved.
 */
import { describe, expect, it } from 'vitest';
import { summarize } from '../../src/metrics/index.js';
import { REPORT_LANGUAGES, renderReport } from '../../src/report/index.js';
import { reportLabels } from '../../src/report/labels/index.js';
import { collect, dataset, OPTIONS, records } from './fixture.js';

const ticketsOnly = records.filter((r) => r.kind !== 'messages' && r.kind !== 'events');

describe('reply data', () => {
  it('missing: every format and language says so, and counts no ticket as unanswered', () => {
    const data = collect({}, ticketsOnly).finish();
    expect(data.seen).toEqual({ tickets: dataset.tickets.length, messages: 0, events: 0 });
    // The library, given no messages, finds every ticket unreplied: the report must not repeat that.
    expect(data.report.firstReply.unreplied).toBe(dataset.tickets.length);
    for (const locale of REPORT_LANGUAGES) {
      const L = reportLabels(locale);
      const unanswered = new RegExp(L.headline.unanswered.other.replace('{n}', '[\\d.,\\s]+'));
      for (const format of ['text', 'md', 'html'] as const) {
        const out = renderReport(data, { format, locale });
        const head = format === 'html' ? out.split('</header>')[0]! : out.split('\n').slice(0, 6).join('\n');
        expect(head, `${locale} ${format}`).toContain(L.headline.noReplyData);
        expect(head, `${locale} ${format}`).not.toMatch(unanswered);
        expect(out).toContain(
          L.notes.noReplyData.replace(/['’]/g, (c) => (format === 'html' ? '&#39;' : c)).split('&#39;')[0]!,
        );
      }
      // No first-reply rows or columns: they would show dashes that read as "not answered".
      const text = renderReport(data, { format: 'text', locale });
      expect(text).not.toContain(L.rows.firstReply);
      expect(text).not.toContain(L.columns.firstReplyMedian);
    }
    // A bare MetricsReport without a single reply reads the same way.
    const bare = summarize({ ...dataset, messages: [], events: [] }, { timeZone: OPTIONS.timeZone });
    expect(renderReport(bare, { format: 'text' }).split('\n')[3]).toContain('reply data missing');
  });

  it('present: the headline counts the unanswered tickets', () => {
    const data = collect().finish();
    expect(data.seen!.messages).toBe(dataset.messages.length);
    const head = renderReport(data, { format: 'text' }).split('\n')[3]!;
    expect(head).toContain(`${data.report.firstReply.unreplied} unanswered`);
    expect(head).not.toContain('reply data missing');
  });
});
