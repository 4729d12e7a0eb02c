// A "Code by Zapier" (Run JavaScript) action after a "new ticket" trigger: classify the ticket, normalise its
// priority, and promise a reply deadline. Zapier hands the step `inputData` (every value a string) and takes
// `output` (flat JSON). Code by Zapier cannot install npm packages, so in a Zap this body runs from a bundle
// (see docs/automations.md: `esbuild --bundle --format=cjs --target=node18`); here it runs as it is, offline.
import { classifyTicket, normalizePriority, slaDeadline, splitTags } from 'supportkit-ts/automations';

// What Zapier would map from the trigger: strings only, a date without an offset, a priority in Italian.
const inputData: Record<string, string> = {
  subject: 'Rimborso non ricevuto',
  description: 'Ho pagato due volte, la fattura è sbagliata. Where is my refund?',
  priority: 'Alta',
  tags: 'billing, VIP;  web',
  createdAt: '2026-03-06 17:00',
};

// ---- the Code step body, as pasted into Zapier (there, `output = …` is the last line) ----
const topic = classifyTicket(
  `${inputData.subject}\n${inputData.description}`,
  'billing: fattura, rimborso, refund, invoice; shipping: consegna, delivery',
  { fallback: 'other' },
);
const priority = normalizePriority(inputData.priority, { fallback: 'normal' }).value;
const target = priority === 'urgent' || priority === 'high' ? '4h' : '8h';
const due = slaDeadline({
  start: inputData.createdAt!,
  target,
  hours: 'lun-ven 9-13, 14-18',
  timeZone: 'Europe/Rome',
  country: 'IT',
});
const output = {
  topic: topic.primary,
  tags: splitTags([inputData.tags!, topic.tagList]).tagList,
  priority,
  replyBy: due.deadline,
  replyByLocal: due.deadlineLocal,
};
// ---- end of the Code step body ----

console.log(output);
// Friday 17:00 + 4 business hours (17–18 Friday, 9–12 Monday) → Monday 9 March 12:00 Rome.
if (output.replyBy !== '2026-03-09T11:00:00.000Z') throw new Error(`unexpected deadline ${output.replyBy}`);
