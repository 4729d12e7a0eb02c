import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { appendSignedNote, notesFromText } from '../../src/adapters/kit/notes.js';
import { ValidationError } from '../../src/index.js';

const T0 = Date.parse('2026-03-02T10:00:00Z');
/** Note text as operators write it, including lines that look like signatures and escaped ones. */
const body = fc
  .array(
    fc.oneof(
      fc.string({ maxLength: 20 }),
      fc.constantFrom('── note x · 2026-01-01T00:00:00Z · by 1 · Eve', '\\── note y', '\\\\── note z', ''),
    ),
    { minLength: 1, maxLength: 4 },
  )
  .map((lines) => lines.join('\n'))
  .filter((text) => text.trim() !== '' && !text.includes('\r'));

describe('signed notes kept as text', () => {
  it('reads back every note with its latest text, first signature and times, after any appends', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ note: fc.nat(3), body, author: fc.constantFrom('381', '390') }), {
          minLength: 1,
          maxLength: 8,
        }),
        fc.constantFrom(null, 'VIP since 2019', ''),
        (writes, typed) => {
          let text: string | null = typed;
          const expected = new Map<string, { authorId: string; body: string; first: number; last: number }>();
          writes.forEach((write, i) => {
            const id = `n-${write.note}`;
            const at = T0 + i * 60_000;
            text = appendSignedNote(text, { id, authorId: write.author, body: write.body, at }, 's').text;
            const before = expected.get(id);
            expected.set(id, {
              authorId: before?.authorId ?? write.author,
              body: write.body,
              first: before?.first ?? at,
              last: at,
            });
          });
          const notes = notesFromText(text);
          expect(notes.map((n) => n.id)).toEqual([...expected.keys()]);
          for (const note of notes) {
            const want = expected.get(note.id)!;
            expect(note).toMatchObject({ authorId: want.authorId, body: want.body });
            expect(note.createdAt.getTime()).toBe(want.first);
            expect(note.updatedAt?.getTime() ?? want.first).toBe(want.last);
          }
          // Append-only: whatever was typed in the helpdesk is still the start of the text.
          if (typed) expect(text?.startsWith(typed)).toBe(true);
        },
      ),
    );
  });

  it('never rewrites: each append keeps the previous text as its start', () => {
    fc.assert(
      fc.property(fc.array(body, { minLength: 1, maxLength: 5 }), (bodies) => {
        let text = '';
        bodies.forEach((b, i) => {
          const next = appendSignedNote(text, { authorId: '381', body: b, at: T0 + i }, 's').text;
          expect(next.startsWith(text)).toBe(true);
          text = next;
        });
      }),
    );
  });

  it('gives new notes fresh ids, and refuses unsigned notes and ids that would break the signature', () => {
    const first = appendSignedNote(null, { authorId: '381', body: 'a', at: T0 }, 's');
    const second = appendSignedNote(first.text, { authorId: '381', body: 'b', at: T0 }, 's');
    expect([first.note.id, second.note.id]).toEqual(['n1', 'n2']);
    const refused = (input: object) => () => appendSignedNote(null, input as never, 's');
    expect(refused({ body: 'a', at: T0 })).toThrow(ValidationError);
    expect(refused({ authorId: '381', body: '  ', at: T0 })).toThrow(ValidationError);
    expect(refused({ id: 'a b', authorId: '381', body: 'a', at: T0 })).toThrow(ValidationError);
    expect(refused({ authorId: '3 · 81', body: 'a', at: T0 })).toThrow(ValidationError);
    expect(notesFromText('just text\n── note n1 · not-a-date · by 1 · X\nbody')).toEqual([]);
  });
});
