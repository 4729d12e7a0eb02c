/**
 * renderReport: a MetricsReport or report data, as text, Markdown, HTML or JSON, in five languages, numbers in
 * the locale's Intl format, dates and times in the report's time zone.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/errors/index.js';
import { summarize } from '../../src/metrics/index.js';
import { REPORT_LANGUAGES, type ReportData, renderReport } from '../../src/report/index.js';
import { en } from '../../src/report/labels/en.js';
import { type ReportLabels, reportLabels } from '../../src/report/labels/index.js';
import { collect, dataset, OPTIONS } from './fixture.js';

const report = summarize(dataset, { timeZone: OPTIONS.timeZone, interval: 'week' });
const data: Record<string, ReportData> = {};

beforeAll(async () => {
  for (const language of REPORT_LANGUAGES) {
    const collector = collect();
    const collected = collector.finish();
    collected.sections.push(...(await collector.planning({ locale: language })));
    data[language] = collected;
  }
}, 120_000);

/** Every string of a labels table with its path. */
function leaves(value: unknown, path: string[] = []): [string, string][] {
  if (typeof value === 'string') return [[path.join('.'), value]];
  return Object.entries(value as object).flatMap(([key, v]) => leaves(v, [...path, key]));
}
/** The text as whole words: 'calendar' is not in 'calendario'. */
const wholeWords = (text: string) =>
  new RegExp(`(?<![\\p{L}\\p{N}])${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'u');
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the labels of each language', () => {
  it('have every key English has, none empty, with the same placeholders', () => {
    const english = new Map(leaves(en));
    for (const language of REPORT_LANGUAGES) {
      const table = new Map(leaves(reportLabels(language)));
      expect([...table.keys()].sort(), language).toEqual([...english.keys()].sort());
      for (const [path, text] of table) {
        expect(text.trim(), `${language} ${path}`).not.toBe('');
        expect(placeholders(text), `${language} ${path}`).toEqual(placeholders(english.get(path)!));
      }
    }
  });

  it('reach every format: no English label is left in a report in another language', () => {
    // English words the other languages translate, long enough not to be part of a name or a number.
    for (const language of REPORT_LANGUAGES.filter((l) => l !== 'en')) {
      const table = new Map(leaves(reportLabels(language) as ReportLabels));
      const english = leaves(en)
        .filter(([path, text]) => table.get(path) !== text && !text.includes('{') && text.length >= 7)
        .map(([, text]) => text);
      expect(english.length).toBeGreaterThan(100);
      for (const format of ['text', 'md', 'html'] as const) {
        const out = renderReport(data[language]!, { format, locale: language });
        // The embedded JSON holds data, not labels, and element ids are no text: leave them out.
        const shown = out.replace(/<script[\s\S]*<\/script>/, '').replace(/ id="[^"]*"/g, '');
        const left = english.filter((text) => wholeWords(text).test(shown));
        expect(left, `${language} ${format}`).toEqual([]);
      }
    }
  });
});

describe('renderReport', () => {
  it('renders a MetricsReport alone in every format and language (no histograms, surveys per period or arrivals)', () => {
    for (const locale of REPORT_LANGUAGES) {
      const text = renderReport(report, { format: 'text', locale });
      expect(text.split('\n')[0]).toBe(reportLabels(locale).title);
      expect(text).toContain(reportLabels(locale).sections.speed);
      expect(text).not.toContain(reportLabels(locale).sections.firstReply);
      const html = renderReport(report, { format: 'html', locale });
      expect(html).toContain(`<html lang="${locale}">`);
      expect(html).not.toContain('id="arrivals"');
      expect(renderReport(report, { format: 'md', locale })).toMatch(/^# /);
      expect(JSON.parse(renderReport(report, { format: 'json', locale })).tickets.total).toBe(
        report.tickets.total,
      );
    }
    // The JSON of a report renders like the report.
    const again = JSON.parse(JSON.stringify(report));
    expect(renderReport(again, { format: 'text' })).toBe(renderReport(report, { format: 'text' }));
  });

  it('writes every number in the locale’s Intl format and every time in the report’s zone', () => {
    const total = report.tickets.total;
    for (const locale of ['en', 'it', 'de', 'fr', 'es', 'de-CH'] as const) {
      const text = renderReport(report, { format: 'text', locale });
      expect(text).toContain(new Intl.NumberFormat(locale).format(total));
      const median = report.firstReply.calendarMinutes.median! / 60;
      const shown = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
      expect(text).toContain(shown.format(median));
    }
    // asOf is midnight in Rome, 23:00 UTC the day before: the header says Rome's time, not UTC's.
    expect(report.asOf.toISOString()).toBe('2026-03-08T23:00:00.000Z');
    const header = renderReport(report, { format: 'text' }).split('\n')[1]!;
    expect(header).toContain('as of Mar 9, 2026, 12:00 AM (Europe/Rome)');
    expect(header).not.toContain('UTC');
    const italian = renderReport(report, { format: 'text', locale: 'it' }).split('\n')[1]!;
    expect(italian).toContain('aggiornato al 9 mar 2026, 00:00 (Europe/Rome)');
    const newYork = renderReport(report, { format: 'text', timeZone: 'America/New_York' }).split('\n')[1]!;
    // New York is on summer time from 8 March 2026: UTC−4.
    expect(newYork).toContain('as of Mar 8, 2026, 7:00 PM (America/New_York)');
  });

  it('names SLA targets in words and channels in the report’s language', () => {
    const text = renderReport(report, { format: 'text' });
    expect(text).toMatch(/^first reply time +\d/m);
    expect(text).not.toMatch(/firstReply|nextReply/);
    const italian = renderReport(report, { format: 'text', locale: 'it' });
    expect(italian).toMatch(/^tempo di prima risposta +\d/m);
    expect(italian).toMatch(/^telefono +\d/m);
    expect(italian).toMatch(/^\(non assegnato\) +\d/m);
  });

  it('refuses a wrong option or input with a ValidationError naming it', () => {
    const wrong: [unknown, RegExp][] = [
      [{ format: 'pdf' }, /format/],
      [{ locale: 'xx' }, /locale/],
      [{ locale: 'not a tag!' }, /locale/],
      [{ timeZone: 'Mars/Olympus' }, /timeZone/],
      [{ lang: 'it' }, /lang/],
      ['html', /options/],
    ];
    for (const [options, name] of wrong) {
      expect(() => renderReport(report, options as never)).toThrow(ValidationError);
      expect(() => renderReport(report, options as never)).toThrow(name);
    }
    expect(() => renderReport(null as never)).toThrow(ValidationError);
    expect(() => renderReport({ tickets: 'secret customer text' } as never)).toThrow(ValidationError);
    try {
      renderReport({ ...report, asOf: 'Mario Rossi <mario@example.com>' } as never);
    } catch (error) {
      expect(String((error as Error).message)).not.toContain('mario@example.com');
    }
  });

  it('keeps ids that are object keys (__proto__, constructor) as ids', () => {
    const collected = data.en!;
    const names = {
      agent: JSON.parse('{"__proto__":"Proto Agent","constructor":"Ctor"}'),
      group: {},
      organization: {},
    };
    const text = renderReport({ ...collected, names }, { format: 'text' });
    expect(text).toContain('By agent');
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
  });
});
