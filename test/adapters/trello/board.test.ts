import { describe, expect, it } from 'vitest';
import { wireReader } from '../../../src/adapters/kit/index.js';
import { readBoardShape } from '../../../src/adapters/trello/board.js';
import type { TrelloRequest } from '../../../src/adapters/trello/context.js';

const ANSWERS: Record<string, unknown[]> = {
  '/boards/b1/lists': [
    { id: 'l3', name: 'Done', pos: 3 },
    { id: 'l1', name: 'Inbox', pos: 1 },
    { id: 'l2', name: 'Old', pos: 2, closed: true },
  ],
  '/boards/b1/labels': [
    { id: 'g1', name: 'VIP', color: 'red' },
    { id: 'g2', name: '', color: 'green' },
  ],
  '/boards/b1/customFields': [{ id: 'f1', name: 'Requester', type: 'text' }],
  '/boards/b1/members': [{ id: 'm1', fullName: 'Marco' }],
};

describe('readBoardShape', () => {
  it('reads lists, labels, custom fields and members into the shape the mapping and the writes use', async () => {
    const paths: string[] = [];
    const request = (async (_method, path) => {
      paths.push(path);
      return ANSWERS[path];
    }) as TrelloRequest;
    const shape = await readBoardShape({
      request,
      fromWire: wireReader('Trello'),
      boardId: 'b1',
      mapping: {},
    });
    expect(paths.sort()).toEqual(Object.keys(ANSWERS).sort());
    // Archived lists still name their cards' status; only open ones, in board order, take new cards.
    expect([...shape.lists.keys()]).toEqual(['l3', 'l1', 'l2']);
    expect(shape.listIds).toEqual([
      { id: 'l1', status: 'new' },
      { id: 'l3', status: 'solved' },
    ]);
    expect([...shape.labels]).toEqual([
      ['g1', 'VIP'],
      ['g2', 'color:green'],
    ]);
    expect(shape.labelIds.get('vip')).toBe('g1');
    expect(shape.customFields.map((f) => f.id)).toEqual(['f1']);
    expect([...shape.members]).toEqual(['m1']);
  });
});
