// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { buildTextMap } from '../../../utils/page/text-map';
import { parseHtml } from '../../../utils/page/parse-html';
import { rng } from '../../random';

function mapOf(bodyHtml: string) {
  const doc = parseHtml(`<!doctype html><html><head><title>t</title></head><body>${bodyHtml}</body></html>`);
  return { doc, map: buildTextMap(doc.body) };
}

const collapse = (s: string) => s.replace(/\u00a0/g, ' ').replace(/\s+/g, ' ').trim();
const strip = (s: string) => s.replace(/\s+/g, '');

/**
 * The range's text is the span's text: exactly (whitespace collapsed) inside one block; across blocks
 * the separators ("\n\n", <br>) have no DOM characters, so compare without whitespace.
 */
function expectSameText(span: string, rangeText: string, where: object): void {
  if (span.includes('\n')) expect({ ...where, got: strip(rangeText) }).toEqual({ ...where, got: strip(span) });
  else expect({ ...where, got: collapse(rangeText) }).toEqual({ ...where, got: collapse(span) });
}

/** Every span [s, e) maps to a range whose text is the span's text (whitespace collapsed). */
function checkAllSpans(bodyHtml: string): void {
  const { map } = mapOf(bodyHtml);
  const { text } = map;
  for (let s = 0; s < text.length; s++) {
    for (let e = s + 1; e <= text.length; e++) {
      const span = text.slice(s, e);
      const range = map.rangeFor(s, e);
      if (span.trim() === '') continue;
      expectSameText(span, range?.toString() ?? '<null>', { s, e });
    }
  }
}

describe('buildTextMap', () => {
  it('separates blocks with a blank line and collapses whitespace inside them', () => {
    const { map } = mapOf('<h1>  Title </h1>\n<p>One   two\n three.</p><div>Four<br>five</div><ul><li>a</li><li>b</li></ul>');
    expect(map.text).toBe('Title\n\nOne two three.\n\nFour\n\nfive\n\na\n\nb');
  });

  it('joins inline elements without adding or losing spaces', () => {
    const { map } = mapOf('<p>He <b>said</b> <i>that</i>it was <a href="#">fine</a>.</p><p><span>x</span><span>y</span></p>');
    expect(map.text).toBe('He said thatit was fine.\n\nxy');
  });

  it('skips scripts, styles, hidden elements, chrome, captions and boilerplate', () => {
    const { map } = mapOf(`
      <nav>Home News</nav><header>Site</header>
      <p>Kept one.<script>var x = 1;</script><style>p{}</style></p>
      <figure><img src="a.jpg"><figcaption>A caption.</figcaption></figure>
      <div hidden>hidden</div><div aria-hidden="true">aria</div><div style="display: none">none</div>
      <div style="visibility:hidden">invisible</div>
      <div class="share-bar">Share this</div><div class="related-links">Related</div><div id="comments">Comments</div>
      <div class="newsletter-signup">Sign up</div><div class="ad-slot">Advertisement</div>
      <p>Kept <span class="sr-only">screen reader</span>two.</p>
      <aside>Aside</aside><footer>Footer</footer><form><p>Form</p></form><button>Click</button>
      <noscript>no js</noscript><template><p>tpl</p></template><svg><text>svg</text></svg>
    `);
    expect(map.text).toBe('Kept one.\n\nKept two.');
  });

  it('keeps body paragraphs whose classes only look like boilerplate', () => {
    const { map } = mapOf(
      '<div class="article-body"><p class="has-dropcap">First.</p><div class="no-caption"><p>Second.</p></div>' +
        '<p><span class="dateline">PARIS —</span> Third.</p><div class="commentary-text"><p>Fourth.</p></div></div>',
    );
    expect(map.text).toBe('First.\n\nSecond.\n\nPARIS — Third.\n\nFourth.');
  });

  it('gives exact ranges for every span, across elements, whitespace runs and <br>', () => {
    checkAllSpans('<p>  Hello   <b>big</b>\n\t<i> wide </i>world </p><p>A<br>B  <span> c</span></p>');
  });

  it('handles entities, no-break spaces and odd Unicode, including surrogate pairs', () => {
    const { map } = mapOf('<p>Fish &amp; chips&nbsp;&nbsp;&lt;3 caf\u00e9 \u0645\u0631\u062d\u0628\u0627 \ud83d\ude00 <b>\ud834\udd1e</b> \u200b\u00ad</p>');
    expect(map.text).toBe('Fish & chips  <3 caf\u00e9 \u0645\u0631\u062d\u0628\u0627 \ud83d\ude00 \ud834\udd1e \u200b\u00ad');
    const at = map.text.indexOf('\ud83d');
    expect(map.rangeFor(at, at + 2)!.toString()).toBe('\ud83d\ude00');
    checkAllSpans('<p>a&amp;b&nbsp; <i>\ud83d\ude00</i>\u00e9</p>');
  });

  it('returns empty text and null ranges for an empty or blank body', () => {
    for (const html of ['', '   \n\t ', '<div> <span> </span> </div><p></p>']) {
      const { map } = mapOf(html);
      expect(map.text).toBe('');
      expect(map.rangeFor(0, 1)).toBeNull();
    }
  });

  it('returns null for empty, reversed, out-of-range and separator-only spans', () => {
    const { map } = mapOf('<p>ab</p><p>cd</p>');
    expect(map.text).toBe('ab\n\ncd');
    expect(map.rangeFor(1, 1)).toBeNull();
    expect(map.rangeFor(3, 1)).toBeNull();
    expect(map.rangeFor(2, 4)).toBeNull();
    expect(map.rangeFor(NaN, 2)).toBeNull();
    expect(map.rangeFor(-5, 100)!.toString()).toBe('abcd');
    expect(map.rangeFor(1, 5)!.toString()).toBe('bc');
  });

  it('maps DOM positions back to text offsets', () => {
    const { doc, map } = mapOf('<p>Hello   <b>big</b> world</p><p>again</p>');
    const b = doc.querySelector('b')!.firstChild!;
    expect(map.offsetAt(b, 0)).toBe(map.text.indexOf('big'));
    expect(map.offsetAt(b, 3)).toBe(map.text.indexOf('big') + 3);
    const again = doc.querySelectorAll('p')[1].firstChild!;
    expect(map.offsetAt(again, 2)).toBe(map.text.indexOf('again') + 2);
    expect(map.offsetAt(doc.body, 0)).toBeNull();
    // round trip
    const s = map.text.indexOf('world');
    const r = map.rangeFor(s, s + 5)!;
    expect(map.offsetAt(r.startContainer, r.startOffset)).toBe(s);
    expect(map.offsetAt(r.endContainer, r.endOffset)).toBe(s + 5);
  });

  it('agrees with the DOM on random spans of a generated document', () => {
    const random = rng(7);
    const words = ['alpha', 'beta', ' ', '  ', '\n', 'gamma', '&amp;', '\u00e9t\u00e9', '\ud83d\ude00'];
    const inline = ['b', 'i', 'span', 'a', 'em'];
    let html = '';
    for (let p = 0; p < 30; p++) {
      html += '<p>';
      for (let w = 0; w < 12; w++) {
        const word = words[Math.floor(random() * words.length)];
        html += random() < 0.3 ? `<${inline[p % 5]}>${word}</${inline[p % 5]}>` : word;
        if (random() < 0.1) html += '<br>';
      }
      html += '</p>';
    }
    const { map } = mapOf(html);
    for (let k = 0; k < 300; k++) {
      const s = Math.floor(random() * map.text.length);
      const e = s + 1 + Math.floor(random() * 60);
      const span = map.text.slice(s, e);
      if (span.trim() === '') continue;
      expectSameText(span, map.rangeFor(s, e)?.toString() ?? '<null>', { s, e });
    }
  });
});
