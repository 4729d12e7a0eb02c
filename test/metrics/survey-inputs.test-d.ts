import { expectTypeOf, test } from 'vitest';
import { npsCategory, scoreCes, scoreCsat, scoreNps } from '../../src/automations/index.js';
import {
  type CesResponse,
  type CsatResponse,
  ces,
  cesAccumulator,
  csat,
  csatAccumulator,
  type NpsResponse,
  nps,
  npsAccumulator,
} from '../../src/index.js';

declare const npsResponses: NpsResponse[];
declare const csatResponses: CsatResponse[];
declare const cesResponses: CesResponse[];

test('nps takes scores or responses; text answers are for the automation helpers', () => {
  expectTypeOf(nps([9, 10]).score).toEqualTypeOf<number | null>();
  nps(npsResponses);
  nps([{ id: 'n1', score: 9, createdAt: new Date() }]); // a response as written, extra fields and all
  nps(new Set([9, 10]));
  // @ts-expect-error '9' is text: it compiled and then threw (issue 29)
  nps(['9', '10']);
  // @ts-expect-error a CSAT response is not an NPS answer
  nps(csatResponses);
  // @ts-expect-error text, even with invalid: 'skip'
  nps(['9 - very likely'], { invalid: 'skip' });
  // @ts-expect-error the accumulator takes what nps takes
  npsAccumulator().add('9');
  npsAccumulator().add(9).add({ score: 10 });
  expectTypeOf(npsCategory).parameter(0).toEqualTypeOf<unknown>();
  expectTypeOf(scoreNps).parameter(0).toEqualTypeOf<unknown>();
  scoreNps(['9', '10 - extremely likely']);
});

test('csat takes good/bad, ratings 1..5, null, or responses; words are for scoreCsat', () => {
  csat(['good', 'bad', 5, null]);
  csat(csatResponses);
  csat([{ rating: 'good' }, { rating: null }]);
  // @ts-expect-error a word in another case or language: scoreCsat reads it
  csat(['Good']);
  // @ts-expect-error
  csatAccumulator().add('Soddisfatto');
  scoreCsat(['Soddisfatto', '4/5']);
});

test('ces takes scores 1..7 or responses; text is for scoreCes', () => {
  ces([7, 6]);
  ces(cesResponses);
  // @ts-expect-error
  ces(['6/7']);
  // @ts-expect-error
  cesAccumulator().add('6');
  scoreCes('7, 6, 2');
});
