// A Pipedream Node.js code step: Pipedream installs npm packages a step imports, so `supportkit-ts/automations`
// is imported directly. The step answers "are we open?" for an incoming chat and tags it. `steps.trigger.event`
// is simulated here, offline; in Pipedream the body is the `run` method of `defineComponent`.
import { classifyTicket, isOpenNow, normalizeStatus } from 'supportkit-ts/automations';

const trigger = {
  trigger: {
    event: { body: { text: 'My password reset e-mail never arrives', status: 'Nuevo', at: '1772963400' } },
  },
};

// ---- the step's run({ steps, $ }) body ----
function run({ steps }: { steps: typeof trigger }) {
  const { text, status, at } = steps.trigger.event.body;
  const hours = isOpenNow({ hours: 'Mon-Fri 9:00–18:00, Sat 9:00–13:00', timeZone: 'Europe/Madrid', at });
  return {
    open: hours.open,
    nextOpenAt: hours.nextOpenAt,
    status: normalizeStatus(status).value,
    tags: classifyTicket(text, { login: ['password', 'log in', 'sign in'], email: ['e-mail', 'email'] }).tags,
  };
}
// ---- end of the step body ----

const result = run({ steps: trigger });
console.log(result);
// 1772963400 s = Sunday 8 March 2026 09:50Z (10:50 in Madrid): closed; next opening Monday 09:00 Madrid = 08:00Z.
if (result.open || result.nextOpenAt !== '2026-03-09T08:00:00.000Z') throw new Error('unexpected opening');
