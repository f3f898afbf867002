// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../../utils/page/extract';
import { parseHtml } from '../../../utils/page/parse-html';

const PARA =
  '<p>Officials said on Tuesday that the new rules would take effect next month, according to a statement released late on Monday.</p>';

describe('robustness', () => {
  it('survives malformed HTML', () => {
    for (const html of [
      '',
      '<',
      '<html><body><p>unclosed <b>bold <i>italic</p><p>next</div></span>',
      '<table><p>misplaced</p><tr><td>cell<td>cell</table>',
      '<p>a</p></body></html><p>after the end</p>',
      '<!-- unclosed comment <p>x</p>',
      '<script>document.write("<p>x")</script><p>y',
      '\u0000\ufffd<p>\ud800 lone surrogate</p>',
    ]) {
      const doc = parseHtml(html);
      expect(() => extractArticle(doc, { force: true })).not.toThrow();
      expect(() => extractArticle(doc)).not.toThrow();
    }
  });

  it('handles a very deep DOM without recursion', () => {
    const doc = parseHtml('<!doctype html><html><body></body></html>');
    let el: Element = doc.body;
    for (let i = 0; i < 5000; i++) {
      const child = doc.createElement(i % 2 ? 'div' : 'span');
      el.appendChild(child);
      el = child;
      if (i % 500 === 0) el.appendChild(doc.createTextNode(`level ${i} `));
    }
    el.innerHTML = PARA.repeat(10);
    const t0 = performance.now();
    const r = extractArticle(doc, { force: true });
    expect(performance.now() - t0).toBeLessThan(2000);
    expect(r.text).toContain('Officials said on Tuesday');
    const at = r.text.indexOf('Officials');
    expect(r.map!.rangeFor(at, at + 9)!.toString()).toBe('Officials');
  });

  it('is linear on a huge page (5 MB of paragraphs)', () => {
    const doc = parseHtml('<!doctype html><html><body><article></article></body></html>');
    const article = doc.querySelector('article')!;
    // built directly (parsing 5 MB in happy-dom is slow and not what is measured here)
    const big = PARA.replace('</p>', ` ${'and more words follow here; '.repeat(36)}</p>`); // ~1.1 kB
    const time = (n: number): number => {
      article.innerHTML = big.repeat(n);
      const t0 = performance.now();
      const r = extractArticle(doc, { force: true });
      const ms = performance.now() - t0;
      expect(r.text.length).toBeGreaterThan(n * 1000);
      return ms;
    };
    const small = time(500);
    const large = time(4500); // ~5 MB of text
    console.log(`extract: 0.5 MB ${small.toFixed(0)} ms, 5 MB ${large.toFixed(0)} ms`);
    expect(large).toBeLessThan(Math.max(small * 9 * 3, 3000));
  });
});
