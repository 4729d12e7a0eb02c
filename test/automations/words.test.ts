import { describe, expect, it } from 'vitest';
import {
  normalizeChannel,
  normalizePriority,
  normalizeStatus,
  splitTags,
} from '../../src/automations/index.js';

describe('splitTags', () => {
  it('splits on commas, semicolons, new lines and bars; trims, lower-cases, joins inner spaces, dedupes', () => {
    expect(splitTags('billing, Refund;  vip')).toEqual({
      tags: ['billing', 'refund', 'vip'],
      tagList: 'billing,refund,vip',
      count: 3,
    });
    expect(splitTags('#Late Delivery | late delivery\nVIP')).toEqual({
      tags: ['late_delivery', 'vip'],
      tagList: 'late_delivery,vip',
      count: 2,
    });
    expect(splitTags(['a, b', 'B', ''])).toMatchObject({ tags: ['a', 'b'] });
    expect(splitTags('')).toEqual({ tags: [], tagList: '', count: 0 });
    expect(splitTags(null)).toEqual({ tags: [], tagList: '', count: 0 });
  });

  it('keeps __proto__ as an ordinary tag', () => {
    expect(splitTags('__proto__, constructor').tags).toEqual(['__proto__', 'constructor']);
  });

  it('refuses objects', () => {
    expect(() => splitTags({ tag: 'x' })).toThrow('Validation failed for splitTags() value');
  });
});

describe('normalizeStatus, normalizePriority, normalizeChannel', () => {
  it.each([
    ['Risolto', 'solved'],
    ['RESOLVED', 'solved'],
    ['Gelöst', 'solved'],
    ['résolu', 'solved'],
    ['Resuelto', 'solved'],
    ['Waiting on Customer', 'pending'],
    ['In attesa', 'pending'],
    ['En attente', 'pending'],
    ['stalled', 'pending'],
    ['On-Hold', 'hold'],
    ['Waiting on Third Party', 'hold'],
    ['Aperto', 'open'],
    ['in_progress', 'open'],
    ['Nuevo', 'new'],
    ['Geschlossen', 'closed'],
    ['Fermé', 'closed'],
    ['closed', 'closed'],
  ])('status %j → %s', (word, status) => {
    expect(normalizeStatus(word)).toEqual({ value: status, recognized: true });
  });

  it.each([
    ['Alta', 'high'],
    ['Haute', 'high'],
    ['Hoch', 'high'],
    ['P1', 'urgent'],
    ['Critical', 'urgent'],
    ['Dringend', 'urgent'],
    ['Medium', 'normal'],
    ['Media', 'normal'],
    ['Bassa', 'low'],
    ['niedrig', 'low'],
    ['Urgent', 'urgent'],
  ])('priority %j → %s', (word, priority) => {
    expect(normalizePriority(word).value).toBe(priority);
  });

  it.each([
    ['E-mail', 'email'],
    ['e_mail', 'email'],
    ['Courriel', 'email'],
    ['Correo electrónico', 'email'],
    ['Web Form', 'web'],
    ['Modulo', 'web'],
    ['Telefono', 'phone'],
    ['Anruf', 'phone'],
    ['WhatsApp', 'chat'],
    ['Live Chat', 'chat'],
    ['Twitter', 'social'],
    ['API', 'api'],
  ])('channel %j → %s', (word, channel) => {
    expect(normalizeChannel(word).value).toBe(channel);
  });

  it('refuses unknown words, listing what it takes, without echoing the word', () => {
    const call = () => normalizeStatus('Frobnicated-secret');
    expect(call).toThrow('Validation failed for normalizeStatus() value');
    expect(call).toThrow(
      'is not a status word this knows: expected one of new, open, pending, hold, solved, closed',
    );
    expect(call).not.toThrow(/Frobnicated/);
    expect(() => normalizePriority('')).toThrow('is blank: expected one of low, normal, high, urgent');
    expect(() => normalizeChannel('carrier pigeon')).toThrow('is not a channel word this knows');
    expect(() => normalizeStatus('__proto__')).toThrow('is not a status word');
  });

  it('gives the fallback, marked unrecognised, when one is set', () => {
    expect(normalizeStatus('Frobnicated', { fallback: 'open' })).toEqual({
      value: 'open',
      recognized: false,
    });
    expect(normalizeChannel('pigeon', { fallback: 'Altro' })).toEqual({ value: 'other', recognized: false });
    expect(() => normalizeStatus('x', { fallback: 'maybe' })).toThrow('normalizeStatus() fallback');
  });
});
