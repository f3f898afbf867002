// @vitest-environment happy-dom
// happy-dom has no CSS Custom Highlight API, so this is the wrapper fallback; the highlight
// path runs in the real-browser tests.
import { beforeEach, describe, expect, it } from 'vitest';
import { applyMarks, WRAPPER_TAG, type MarkRequest } from '@/utils/page/marks';

/** A range over the n-th occurrence of `needle` in the text of `root` (single text node or across nodes). */
function rangeOver(root: Element, needle: string): Range {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
  const text = nodes.map((node) => node.data).join('');
  const start = text.indexOf(needle);
  if (start < 0) throw new Error(`"${needle}" not in page`);
  const end = start + needle.length;
  const range = document.createRange();
  let offset = 0;
  for (const node of nodes) {
    if (start >= offset && start <= offset + node.length) range.setStart(node, start - offset);
    if (end >= offset && end <= offset + node.length) {
      range.setEnd(node, end - offset);
      break;
    }
    offset += node.length;
  }
  return range;
}

describe('marks with wrapper elements (no CSS Custom Highlight API)', () => {
  const html = '<p id="p">Two gunmen died, <em>officials</em> said, and <b>the Interior Ministry</b> said nothing more.</p>';
  beforeEach(() => {
    document.body.innerHTML = html;
  });

  it('wraps each range, across element boundaries, by kind, without changing the text', () => {
    const p = document.getElementById('p')!;
    const before = p.textContent;
    const requests: MarkRequest[] = [
      { kind: 'anonymous', range: rangeOver(p, 'officials said') },
      { kind: 'named', range: rangeOver(p, 'the Interior Ministry') },
      { kind: 'content', range: rangeOver(p, 'Two gunmen died') },
    ];
    const marks = applyMarks(document, requests);
    expect(marks.method).toBe('wrapper');
    expect(marks.count).toBe(3);
    const wrapped = [...document.querySelectorAll(WRAPPER_TAG)].map((el) => [el.getAttribute('data-sourcelight-kind'), el.textContent]);
    expect(wrapped).toEqual([
      ['content', 'Two gunmen died'],
      ['anonymous', 'officials'],
      ['anonymous', ' said'],
      ['named', 'the Interior Ministry'],
    ]);
    expect(p.textContent).toBe(before);
  });

  it('removes every wrapper and re-joins the text nodes it split', () => {
    const p = document.getElementById('p')!;
    const marks = applyMarks(document, [
      { kind: 'vague', range: rangeOver(p, 'gunmen') },
      { kind: 'named', range: rangeOver(p, 'died') },
      { kind: 'anonymous', range: rangeOver(p, 'and the') },
    ]);
    expect(document.querySelectorAll(WRAPPER_TAG).length).toBe(4);
    marks.remove();
    expect(document.body.innerHTML).toBe(html);
    expect(p.firstChild!.nodeValue).toBe('Two gunmen died, ');
  });

  it('skips a range overlapping one already wrapped', () => {
    const p = document.getElementById('p')!;
    applyMarks(document, [
      { kind: 'named', range: rangeOver(p, 'gunmen died') },
      { kind: 'vague', range: rangeOver(p, 'died, ') },
    ]);
    expect(p.textContent).toBe(new DOMParser().parseFromString(html, 'text/html').getElementById('p')!.textContent);
  });
});
