// @vitest-environment node
/**
 * Extraction on the labelled corpus pages: passage coverage, junk kept out of the text, and
 * text-map ranges on real DOMs. Each page is parsed once for the whole file (happy-dom parsing
 * dominates the run time).
 */
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../../utils/page/extract';
import { rng } from '../../random';
import { labels, norm, pageDoc } from './corpus';

const LABELLED_PAGES = [...new Set(labels().map((l) => l.page))];

describe('corpus', () => {
  it('finds the labelled passages in the extracted text', () => {
    const byPage = new Map<string, string[]>();
    for (const l of labels()) {
      const list = byPage.get(l.page) ?? [];
      list.push(l.passage);
      byPage.set(l.page, list);
    }
    let found = 0;
    let total = 0;
    const rows: string[] = [];
    for (const [page, passages] of byPage) {
      const r = extractArticle(pageDoc(page));
      expect({ page, isArticle: r.isArticle }).toEqual({ page, isArticle: true });
      const text = norm(r.text);
      const missed = passages.filter((p) => !text.includes(norm(p)));
      found += passages.length - missed.length;
      total += passages.length;
      rows.push(`${page.padEnd(14)} ${passages.length - missed.length}/${passages.length}`);
      for (const m of missed) rows.push(`    missed: ${m.slice(0, 100)}…`);
    }
    console.log(`passage coverage ${found}/${total}\n${rows.join('\n')}`);
    expect(total).toBeGreaterThan(0);
    expect(found / total).toBeGreaterThanOrEqual(0.95);
  }, 60_000);

  it('keeps page chrome, captions and related links out of the text', () => {
    // strings that appear on the page but are not article text
    const junk: Record<string, string[]> = {
      'wapo-1': ['Sign In', 'Subscribe', 'Share on Facebook'],
      'nytimes-4': ['Advertisement', 'Supported by'],
      'citylab-1': ['Newsletter', 'Most Popular'],
      'aclu': ['Know Your Rights', 'Donate'],
      'breitbart': ['Comments', 'Facebook'],
      'engadget': ['Login', 'Log in'],
      'seed': [],
    };
    for (const [page, strings] of Object.entries(junk)) {
      if (!LABELLED_PAGES.includes(page)) continue;
      const text = extractArticle(pageDoc(page)).text;
      for (const s of strings) {
        // a whole line of junk (the word may occur inside a sentence)
        const asLine = new RegExp(`(^|\\n)\\s*${s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*(\\n|$)`);
        expect({ page, junk: s, present: asLine.test(text) }).toEqual({ page, junk: s, present: false });
      }
      expect(text).not.toMatch(/<\/?[a-z]+[^>]*>/); // no markup
      expect(text).not.toMatch(/function\s*\(|\{\s*var /); // no script text
    }
  }, 60_000);

  it('maps random spans of real pages back to exact DOM ranges', () => {
    const random = rng(42);
    let exact = 0;
    let spans = 0;
    for (const page of ['wapo-1', 'nytimes-4', 'citylab-1', 'aclu', 'engadget', 'seed'].filter((p) => LABELLED_PAGES.includes(p))) {
      const { text, map } = extractArticle(pageDoc(page));
      expect(map).not.toBeNull();
      for (let k = 0; k < 15; k++) {
        const s = Math.floor(random() * text.length);
        const e = Math.min(text.length, s + 1 + Math.floor(random() * 400));
        const range = map!.rangeFor(s, e);
        const want = text.slice(s, e).replace(/\s+/g, ' ').trim();
        if (want === '') continue;
        expect(range).not.toBeNull();
        const got = range!.toString().replace(/\u00a0/g, ' ').replace(/\s+/g, ' ').trim();
        // the range starts and ends exactly at the span's ends ...
        const first = want.split(' ')[0];
        const last = want.split(' ').pop()!;
        expect({ s, e, starts: got.startsWith(first) }).toEqual({ s, e, starts: true });
        expect({ s, e, ends: got.endsWith(last) }).toEqual({ s, e, ends: true });
        // ... and holds the span's text in order (plus any skipped caption or ad in between)
        expect({ s, e, inOrder: isSubsequence(want, got) }).toEqual({ s, e, inOrder: true });
        if (got === want) exact += 1;
        spans += 1;
      }
    }
    // most spans cross no skipped subtree and match exactly
    expect(exact / spans).toBeGreaterThan(0.8);
  }, 60_000);
});

function isSubsequence(needle: string, hay: string): boolean {
  let j = 0;
  for (let i = 0; i < hay.length && j < needle.length; i++) if (hay[i] === needle[j]) j++;
  return j === needle.length;
}
