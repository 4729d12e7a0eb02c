import { truncateKey, ValidationError, type ValidationIssue } from '../../errors/validation.js';

/**
 * Refuses option names a function does not take: a misspelt `timezone` or `horizion` would otherwise fall back
 * to its default and give a wrong forecast or staffing figure silently. Suggests the name it resembles.
 * @example `checkOptionNames('forecastVolume', options, ['interval', 'timeZone', 'horizon']);`
 */
export function checkOptionNames(fn: string, options: object, names: readonly string[]): void {
  const known = new Set(names);
  const bySpelling = new Map(names.map((n) => [n.toLowerCase(), n]));
  const issues: ValidationIssue[] = [];
  for (const key of Object.keys(options)) {
    if (known.has(key)) continue;
    const near = bySpelling.get(key.toLowerCase().replace(/[_-]/g, ''));
    issues.push({
      path: [truncateKey(key)],
      code: 'unrecognized_keys',
      message: near ? `unknown option: did you mean ${near}?` : 'unknown option',
    });
  }
  if (issues.length > 0) throw new ValidationError(`${fn}() options`, issues);
}

/** The options every series function takes. */
export const SERIES_OPTIONS = ['interval', 'timeZone', 'holidays', 'holidayEffect', 'end'] as const;
