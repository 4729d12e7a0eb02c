import { describe, expect, it } from 'vitest';
import type { DatasetRecord } from '../../src/models/dataset.js';
import { renderReport, reportCollector } from '../../src/report/index.js';
import { breakdownTable } from '../../src/report/tables.js';
import { generateDataset } from '../../src/testing/index.js';

const dataset = generateDataset({ seed: 5, tickets: 80, days: 20 });
const asOf = dataset.asOf!;

/** The records as a synced folder holds them: people first, then each ticket with its messages. */
function records(people: DatasetRecord[]): DatasetRecord[] {
  const out: DatasetRecord[] = [...people];
  for (const value of dataset.tickets) {
    out.push({ kind: 'tickets', value });
    for (const m of dataset.messages.filter((x) => x.ticketId === value.id))
      out.push({ kind: 'messages', value: m });
  }
  return out;
}

/** The id that most tickets name in a field: the first row of its breakdown. */
const busiest = (key: 'assigneeId' | 'groupId' | 'organizationId') => {
  const counts = new Map<string, number>();
  for (const t of dataset.tickets) if (t[key]) counts.set(t[key]!, (counts.get(t[key]!) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]![0];
};

describe('the report names agents, groups and organizations', () => {
  it('shows names from the folder’s people (the latest version), ids where it has none', () => {
    const agent = busiest('assigneeId');
    const group = busiest('groupId');
    const organization = busiest('organizationId');
    const collector = reportCollector({ asOf, source: 'helpdesk/' });
    for (const record of records([
      { kind: 'agents', value: { ...dataset.agents.find((a) => a.id === agent)!, name: 'Old Name' } },
      {
        kind: 'agents',
        value: {
          ...dataset.agents.find((a) => a.id === agent)!,
          name: 'Marco Rossi',
          updatedAt: new Date(asOf),
        },
      },
      { kind: 'groups', value: { id: group, name: 'Assistenza clienti', scheduleId: null } },
      {
        kind: 'organizations',
        value: { id: organization, name: 'Acme S.p.A.', domains: [], tags: [], customFields: {} },
      },
    ]))
      collector.push(record);
    const data = collector.finish();
    expect(breakdownTable(data.report, 'agent', data.names).rows[0]![0]).toBe('Marco Rossi');
    expect(breakdownTable(data.report, 'group', data.names).rows[0]![0]).toBe('Assistenza clienti');
    expect(breakdownTable(data.report, 'organization', data.names).rows[0]![0]).toBe('Acme S.p.A.');
    const text = renderReport(data, { format: 'text' });
    expect(text).toMatch(/By organization/);
    expect(text).toMatch(/Marco Rossi/);
    expect(text).not.toMatch(/Old Name/);
    // An agent the folder does not name keeps its id.
    const other = data.report.breakdowns.agent.find((row) => row.key !== agent)!.key;
    expect(breakdownTable(data.report, 'agent', data.names).rows.map((r) => r[0])).toContain(other);
    expect(renderReport(data, { format: 'html' })).toMatch(/Assistenza clienti/);
  });

  it('two people with one name are told apart by id; shards merge their names', () => {
    const [a, b] = dataset.agents;
    const left = reportCollector({ asOf, source: 'x' });
    const right = reportCollector({ asOf, source: 'x' });
    left.push({ kind: 'agents', value: { ...a!, name: 'Giulia' } });
    right.push({ kind: 'agents', value: { ...b!, name: 'Giulia' } });
    for (const record of records([])) right.push(record);
    left.merge(JSON.parse(JSON.stringify(right.toJSON())));
    const data = left.finish();
    expect(data.names?.agent).toEqual({ [a!.id]: 'Giulia', [b!.id]: 'Giulia' });
    const rows = breakdownTable(data.report, 'agent', data.names).rows;
    const keys = data.report.breakdowns.agent
      .slice()
      .sort((x, y) => y.tickets - x.tickets)
      .slice(0, 10)
      .map((row) => row.key);
    const named = keys.filter((key) => key === a!.id || key === b!.id);
    expect(named.length).toBeGreaterThan(0);
    for (const key of named) expect(rows[keys.indexOf(key)]![0]).toBe(`Giulia (${key})`);
  });
});

describe('renderReport of a bare MetricsReport', () => {
  it('shows the names of the people it is given, ids without them; refuses a list that is not { id, name }', async () => {
    const { summarize } = await import('../../src/metrics/index.js');
    const { ValidationError } = await import('../../src/errors/index.js');
    const report = summarize(dataset, { asOf });
    const top = [...report.breakdowns.agent].sort((a, b) => b.tickets - a.tickets)[0]!.key;
    const name = dataset.agents.find((a) => a.id === top)!.name;
    expect(renderReport(report, { format: 'text' })).not.toContain(name);
    const named = renderReport(report, { format: 'text', people: dataset });
    expect(named).toContain(name);
    expect(renderReport(report, { format: 'html', locale: 'it', people: dataset })).toContain(name);
    expect(() => renderReport(report, { people: { agents: [{ id: 1 }] } as never })).toThrow(ValidationError);
    expect(() => renderReport(report, { people: { agents: [{ id: 1 }] } as never })).toThrow(
      /people\.agents/,
    );
  });
});
