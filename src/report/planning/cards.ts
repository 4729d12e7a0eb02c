/**
 * "Customers by card state": each customer with a ticket in the report, counted by the traffic light their card
 * shows at the report's moment (red: a request nobody on the team has acted on; yellow: being worked; green:
 * everything resolved).
 */
import type { ReportSection } from '../data.js';
import { hbarChart } from '../svg.js';
import type { PlanningContext } from './context.js';

const COLORS = { red: '#dc2626', yellow: '#eab308', green: '#16a34a' } as const;

/**
 * The card-state section from each customer's worst state (rank 3 red, 2 yellow, 1 green).
 * @example `cardsSection(new Map([['zendesk\u0000c1', 3]]), context).table.rows[0] // ['red: …', '1', '100.0%']`
 */
export function cardsSection(customers: ReadonlyMap<string, number>, ctx: PlanningContext): ReportSection {
  const { fmt } = ctx;
  const L = fmt.labels.planning.cards;
  const counts = { red: 0, yellow: 0, green: 0 };
  for (const rank of customers.values()) {
    if (rank === 3) counts.red++;
    else if (rank === 2) counts.yellow++;
    else if (rank === 1) counts.green++;
  }
  const total = counts.red + counts.yellow + counts.green;
  const states = ['red', 'yellow', 'green'] as const;
  const svg = hbarChart({
    label: L.chart,
    rows: states.map((state) => ({
      name: L.short[state],
      value: counts[state],
      note: L[state],
      color: COLORS[state],
    })),
    format: (value, digits) => fmt.decimal(value, digits),
  });
  return {
    id: 'card-states',
    title: L.title,
    note: total === 0 ? fmt.labels.notes.notInData : L.note,
    ...(svg ? { svg } : {}),
    table: {
      header: [L.state, L.customers, L.share],
      rows:
        total === 0
          ? []
          : states.map((state) => [
              L[state],
              fmt.count(counts[state]),
              fmt.percent((100 * counts[state]) / total),
            ]),
    },
  };
}
