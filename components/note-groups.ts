import type { Note } from '@/utils/notes/note';

const dayFormat = new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' });

/** Local midnight of the day holding `time`. */
function startOfDay(time: number): number {
  const date = new Date(time);
  date.setHours(0, 0, 0, 0);
  return date.getTime();
}

/** A local-calendar day key, "YYYY-MM-DD". */
export function dayKey(time: number): string {
  const date = new Date(time);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** "Today", "Yesterday", or the date, in the reader's time zone. */
export function dayLabel(time: number, now: number = Date.now()): string {
  const today = startOfDay(now);
  const day = startOfDay(time);
  if (day === today) return 'Today';
  // Yesterday's midnight: one calendar day back (not 24 h, which daylight saving breaks).
  const yesterday = new Date(today);
  yesterday.setDate(yesterday.getDate() - 1);
  if (day === yesterday.getTime()) return 'Yesterday';
  return dayFormat.format(time);
}

export interface NoteGroup {
  key: string;
  label: string;
  notes: Note[];
}

export interface NoteGroupTree extends NoteGroup {
  groups: NoteGroup[];
}

/** Groups in order of first appearance (the list is newest first, so groups are too). */
function groupBy(notes: readonly Note[], keyOf: (note: Note) => string, labelOf: (note: Note) => string): NoteGroup[] {
  const groups = new Map<string, NoteGroup>();
  for (const note of notes) {
    const key = keyOf(note);
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { key, label: labelOf(note), notes: [] }));
    group.notes.push(note);
  }
  return [...groups.values()];
}

export type Grouping = 'date' | 'site';

const siteLabel = (note: Note) => note.site || 'unknown site';

/**
 * Notes (newest first) in two levels: by day then site, or by site then day.
 * Groups keep the list's order, so the newest group comes first.
 */
export function groupNotes(notes: readonly Note[], grouping: Grouping, now: number = Date.now()): NoteGroupTree[] {
  const byDay = (list: readonly Note[]) => groupBy(list, (n) => dayKey(n.createdAt), (n) => dayLabel(n.createdAt, now));
  const bySite = (list: readonly Note[]) => groupBy(list, (n) => n.site, siteLabel);
  const [outer, inner] = grouping === 'date' ? [byDay, bySite] : [bySite, byDay];
  return outer(notes).map((group) => ({ ...group, groups: inner(group.notes) }));
}
