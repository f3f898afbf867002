import type { Note } from './note';

/**
 * Page text as literal Markdown text: HTML is shown, never rendered, and Markdown punctuation
 * loses its meaning. Line breaks are kept as breaks within the same block.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_[\]|~]/g, '\\$&')
    .replace(/^([ \t]*)([#+=-])/gm, '$1\\$2')
    .replace(/^([ \t]*\d+)([.)])/gm, '$1\\$2');
}

/** Escaped text inside a block quote: every line quoted, line breaks kept. */
const quoted = (text: string) =>
  escapeMarkdown(text)
    .split('\n')
    .map((line) => (line ? `> ${line}` : '>'))
    .join('  \n');

const day = (time: number) => new Date(time).toISOString().slice(0, 10);

/** A URL as a link destination that cannot break out of it. */
const destination = (url: string) => `<${url.replace(/[<>\s]/g, encodeURIComponent)}>`;

/** Notes for reading: grouped by site, then by page, oldest note first within a page. */
export function notesToMarkdown(notes: readonly Note[], exportedAt: Date = new Date()): string {
  const sites = new Map<string, Map<string, Note[]>>();
  for (const note of [...notes].sort((a, b) => a.createdAt - b.createdAt)) {
    const pages = sites.get(note.site) ?? new Map<string, Note[]>();
    sites.set(note.site, pages);
    pages.set(note.url, [...(pages.get(note.url) ?? []), note]);
  }
  const out: string[] = [`# Sourcelight notes`, '', `${notes.length} notes, exported ${day(exportedAt.getTime())}.`];
  for (const site of [...sites.keys()].sort()) {
    out.push('', `## ${escapeMarkdown(site || 'unknown site')}`);
    for (const [url, pageNotes] of sites.get(site)!) {
      const title = pageNotes[pageNotes.length - 1]!.title.trim() || url;
      out.push('', `### [${escapeMarkdown(title)}](${destination(url)})`);
      for (const note of pageNotes) {
        out.push('');
        if (note.quote.exact) out.push(quoted(note.quote.exact), '');
        if (note.comment) out.push(escapeMarkdown(note.comment).replace(/\n/g, '  \n'), '');
        const facts = [`**${escapeMarkdown(note.verdict)}**`, day(note.createdAt)];
        if (note.claimSource || note.claimKind) {
          facts.push(`source: ${escapeMarkdown(note.claimSource ?? 'not found')}${note.claimKind ? ` (${escapeMarkdown(note.claimKind)})` : ''}`);
        }
        if (note.tags.length) facts.push(`tags: ${note.tags.map(escapeMarkdown).join(', ')}`);
        out.push(`- ${facts.join(' · ')}`);
      }
    }
  }
  return `${out.join('\n')}\n`;
}
