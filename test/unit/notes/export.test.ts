import { describe, expect, it } from 'vitest';
import { notesToAnnotations } from '@/utils/notes/export-annotations';
import { csvCell, notesToCsv } from '@/utils/notes/export-csv';
import { notesToJson } from '@/utils/notes/export-json';
import { escapeMarkdown, notesToMarkdown } from '@/utils/notes/export-markdown';
import { note, testId } from './fixtures';

const when = new Date('2026-11-27T05:00:00Z');

describe('JSON export', () => {
  it('is versioned and holds every field', () => {
    const n = note({ claimSource: 'Sony', claimKind: 'named' });
    const file = JSON.parse(notesToJson([n], when));
    expect(file).toEqual({ format: 'sourcelight-notes', version: 1, exportedAt: '2026-11-27T05:00:00.000Z', notes: [n] });
  });

  it('drops anything that is not a note field', () => {
    const file = JSON.parse(notesToJson([{ ...note(), words: ['x'] } as never], when));
    expect(Object.keys(file.notes[0])).not.toContain('words');
  });
});

describe('W3C Web Annotation export', () => {
  it('writes annotations with selectors, comment, tags and verdict as bodies', () => {
    const id = testId();
    const n = note({ id, comment: 'who?', tags: ['a', 'b'], createdAt: Date.UTC(2026, 0, 2), updatedAt: Date.UTC(2026, 0, 3), claimSource: 'officials', claimKind: 'anonymous' });
    const collection = JSON.parse(notesToAnnotations([n]));
    expect(collection['@context']).toBe('http://www.w3.org/ns/anno.jsonld');
    expect(collection.type).toBe('AnnotationCollection');
    expect(collection.total).toBe(1);
    const [annotation] = collection.first.items;
    expect(annotation).toMatchObject({
      id: `urn:uuid:${id}`,
      type: 'Annotation',
      motivation: 'commenting',
      created: '2026-01-02T00:00:00.000Z',
      modified: '2026-01-03T00:00:00.000Z',
      target: { source: n.url, selector: [n.quote, n.position] },
      body: [
        { type: 'TextualBody', value: 'who?', format: 'text/plain', purpose: 'commenting' },
        { type: 'TextualBody', value: 'a', purpose: 'tagging' },
        { type: 'TextualBody', value: 'b', purpose: 'tagging' },
        { type: 'TextualBody', value: 'needs source', purpose: 'assessing' },
      ],
      sourcelight: { title: n.title, site: n.site, claimSource: 'officials', claimKind: 'anonymous' },
    });
  });

  it('marks a passage without comment as a highlight and leaves out a missing position', () => {
    const [annotation] = JSON.parse(notesToAnnotations([note({ comment: '', tags: [], position: null })])).first.items;
    expect(annotation.motivation).toBe('highlighting');
    expect(annotation.body).toEqual([{ type: 'TextualBody', value: 'needs source', purpose: 'assessing' }]);
    expect(annotation.target.selector).toHaveLength(1);
  });
});

describe('CSV export', () => {
  it('quotes per RFC 4180 and defuses formulas', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('line\nbreak')).toBe('"line\nbreak"');
    expect(csvCell('=HYPERLINK("http://evil")')).toBe(`"'=HYPERLINK(""http://evil"")"`);
    for (const start of ['+1', '-1', '@SUM(A1)', '\tx', '\rx']) expect(csvCell(start).replace(/^"/, '').startsWith("'")).toBe(true);
    expect(csvCell(12)).toBe('12');
    expect(csvCell(null)).toBe('');
  });

  it('writes a header and one CRLF-ended row per note', () => {
    const csv = notesToCsv([
      note({ comment: 'multi\nline, "quoted"', tags: ['x', 'y'], createdAt: 0, updatedAt: 0 }),
      note({ comment: '=1+1', position: null }),
    ]);
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('id,created,updated,site,url,title,quote,prefix,suffix,start,end,comment,verdict,tags,claim source,claim kind');
    expect(lines[1]).toContain(',1970-01-01T00:00:00.000Z,1970-01-01T00:00:00.000Z,example.com,https://www.example.com/news/story,A story,officials said,U.S. , on Friday,120,134,"multi\nline, ""quoted""",needs source,x; y,,');
    expect(lines[2]).toContain(",,,'=1+1,");
    expect(lines).toHaveLength(4);
    expect(lines[3]).toBe('');
  });
});

describe('Markdown export', () => {
  it('escapes page text that looks like HTML or Markdown', () => {
    expect(escapeMarkdown('<img src=x onerror=alert(1)> & *bold* [link](http://x) `code` a|b')).toBe(
      '&lt;img src=x onerror=alert(1)&gt; &amp; \\*bold\\* \\[link\\](http://x) \\`code\\` a\\|b',
    );
    expect(escapeMarkdown('# heading\n- item\n1. first\nU.S. officials')).toBe('\\# heading\n\\- item\n1\\. first\nU.S. officials');
  });

  it('groups notes by site, then page, readably', () => {
    const markdown = notesToMarkdown([
      note({ site: 'b.example', url: 'https://b.example/one', title: 'One <b>bold</b>', comment: 'second on one', createdAt: 2 }),
      note({ site: 'a.example', url: 'https://a.example/', title: 'Front', comment: '', tags: [], createdAt: 3 }),
      note({ site: 'b.example', url: 'https://b.example/one', title: 'One <b>bold</b>', comment: 'first on one\n# not a heading', createdAt: 1, claimSource: 'Sony', claimKind: 'named' }),
    ], when);
    expect(markdown).toBe(
      [
        '# Sourcelight notes',
        '',
        '3 notes, exported 2026-11-27.',
        '',
        '## a.example',
        '',
        '### [Front](<https://a.example/>)',
        '',
        '> officials said',
        '',
        '- **needs source** · 1970-01-01',
        '',
        '## b.example',
        '',
        '### [One &lt;b&gt;bold&lt;/b&gt;](<https://b.example/one>)',
        '',
        '> officials said',
        '',
        'first on one  ',
        '\\# not a heading',
        '',
        '- **needs source** · 1970-01-01 · source: Sony (named) · tags: anonymous',
        '',
        '> officials said',
        '',
        'second on one',
        '',
        '- **needs source** · 1970-01-01 · tags: anonymous',
        '',
      ].join('\n'),
    );
  });
});
