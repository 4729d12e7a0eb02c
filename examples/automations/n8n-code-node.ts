// An n8n Code node ("Run Once for All Items") after a survey trigger: score each answer and the whole batch.
// Self-hosted n8n can require supportkit in a Code node when it is installed next to n8n and allowed with
// NODE_FUNCTION_ALLOW_EXTERNAL=supportkit-ts (see docs/automations.md). Here `$input` is simulated, offline.
import { normalizeChannel, npsCategory, parseWhen, scoreNps } from 'supportkit-ts/automations';

// What the node receives: items with a `json` field, values as the survey tool sent them.
const $input = {
  all: () => [
    { json: { score: '9 - very likely', channel: 'E-mail', answeredAt: '02/03/2026 09:15' } },
    { json: { score: '6', channel: 'Telefono', answeredAt: '02/03/2026 11:40' } },
    { json: { score: '', channel: 'chat', answeredAt: '03/03/2026 16:05' } },
    { json: { score: '10', channel: 'WhatsApp', answeredAt: '04/03/2026 08:30' } },
  ],
};

// ---- the Code node body ----
const items = $input.all();
const perAnswer = items.map(({ json }) => ({
  json: {
    category: json.score === '' ? null : npsCategory(json.score).category,
    channel: normalizeChannel(json.channel).value,
    answeredAt: parseWhen(json.answeredAt, { timeZone: 'Europe/Rome', dateOrder: 'day-first' }).iso,
  },
}));
const summary = { json: scoreNps(items.map(({ json }) => json.score)) };
const result = [...perAnswer, summary];
// ---- end of the Code node body (in n8n: `return result;`) ----

console.log(JSON.stringify(result, null, 2));
// 9 and 10 promoters, 6 a detractor, one blank: (2 − 1) / 3 = 33.3.
if (summary.json.nps !== 33.3 || summary.json.blanks !== 1) throw new Error('unexpected NPS');
