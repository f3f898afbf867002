import { describe, expect, it } from 'vitest';
import { dayLabel, groupNotes } from '@/components/note-groups';
import { note, testId } from '../notes/fixtures';

const now = new Date(2026, 10, 27, 10, 0).getTime();
const at = (days: number, hours = 9) => new Date(2026, 10, 27 - days, hours, 0).getTime();

describe('note groups', () => {
  it('labels days Today, Yesterday, then dates', () => {
    expect(dayLabel(at(0, 0), now)).toBe('Today');
    expect(dayLabel(at(1, 23), now)).toBe('Yesterday');
    expect(dayLabel(at(1, 0), now)).toBe('Yesterday');
    const older = dayLabel(at(2), now);
    expect(older).not.toMatch(/Today|Yesterday/);
    expect(older).toContain('2026');
  });

  it('groups by day then site, newest first, keeping the list order', () => {
    const notes = [
      note({ id: testId(1), site: 'a.com', createdAt: at(0, 9) }),
      note({ id: testId(2), site: 'b.com', createdAt: at(0, 8) }),
      note({ id: testId(3), site: 'a.com', createdAt: at(0, 7) }),
      note({ id: testId(4), site: 'a.com', createdAt: at(1) }),
      note({ id: testId(5), site: 'b.com', createdAt: at(40) }),
    ];
    const groups = groupNotes(notes, 'date', now);
    expect(groups.map((g) => g.label).slice(0, 2)).toEqual(['Today', 'Yesterday']);
    expect(groups).toHaveLength(3);
    expect(groups[0]!.groups.map((g) => [g.label, g.notes.map((n) => n.id)])).toEqual([
      ['a.com', [testId(1), testId(3)]],
      ['b.com', [testId(2)]],
    ]);
    const bySite = groupNotes(notes, 'site', now);
    expect(bySite.map((g) => g.label)).toEqual(['a.com', 'b.com']);
    expect(bySite[0]!.groups.map((g) => g.label)).toEqual(['Today', 'Yesterday']);
    expect(bySite[1]!.groups.map((g) => g.notes.length)).toEqual([1, 1]);
  });
});
