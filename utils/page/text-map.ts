/**
 * The visible text of an article body, and a map from offsets in that text back to DOM positions.
 *
 * Text nodes under the root are read in document order, skipping subtrees that are not article text
 * (see exclude.ts). Blocks are separated by "\n\n"; runs of HTML whitespace inside a block collapse to
 * one space (no-break spaces become plain spaces, one for one). Every character of `text` except the
 * block separators comes from exactly one (text node, offset), so `rangeFor` gives exact DOM ranges.
 */
import { BLOCK_TAGS, inspect, upperTag } from './exclude';

export interface TextMap {
  /** The article text. */
  text: string;
  /** DOM range for text offsets [start, end) (UTF-16, end exclusive), or null when it holds no page text. */
  rangeFor(start: number, end: number): Range | null;
  /**
   * Text offset of a DOM position (a text node and an offset in it, e.g. from a selection), or null
   * when that node is not part of the text. Positions inside collapsed whitespace map to its one space.
   */
  offsetAt(node: Node, offset: number): number | null;
}

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;
/** HTML's collapsible whitespace (not the no-break space). */
const WS = /[ \t\n\r\f]+/g;
const NBSP = /\u00a0/g;
/** Skipped elements that sit between blocks (their text would have been its own block). */
const SKIPPED_BLOCKS = new Set([
  'FIGURE', 'ASIDE', 'NAV', 'FOOTER', 'HEADER', 'FORM', 'DIALOG', 'MENU', 'IFRAME', 'VIDEO', 'FIGCAPTION',
]);

export interface TextMapOptions {
  /**
   * Paragraph text under each element (from the body finder). A boilerplate-named element that holds
   * half or more of the root's paragraph text is a misnamed wrapper and is read; without this map,
   * every boilerplate-named element is skipped.
   */
  paragraphText?: Map<Element, number>;
  /**
   * Classifications already made by the body finder (0 read, 1 skipped, 2 boilerplate-named, 3 a
   * block that is all link); without it, elements are classified here (no link-block rule).
   */
  decisions?: Map<Element, number>;
}

export function buildTextMap(root: Element, options: TextMapOptions = {}): TextMap {
  const paragraphText = options.paragraphText;
  const decisions = options.decisions;
  const decide = (el: Element): number => {
    const known = decisions?.get(el);
    if (known !== undefined) return known;
    const info = inspect(el);
    return info.skipped ? 1 : info.junk ? 2 : 0;
  };
  const rootText = paragraphText?.get(root) ?? 0;
  const isWrapper = (el: Element): boolean =>
    paragraphText !== undefined && rootText > 0 && (paragraphText.get(el) ?? 0) >= 0.5 * rootText;
  const parts: string[] = [];
  let outLen = 0;
  // segments: text offsets [segOut, segOut+segLen) map one for one onto node offsets [segOff, segOff+segLen)
  const segOut: number[] = [];
  const segLen: number[] = [];
  const segOff: number[] = [];
  const segNode: Text[] = [];
  let pendingBreak = false;
  let spaceNode: Text | null = null;
  let spaceOff = 0;

  const addSegment = (node: Text, off: number, len: number): void => {
    const last = segOut.length - 1;
    if (
      last >= 0 &&
      segNode[last] === node &&
      segOff[last] + segLen[last] === off &&
      segOut[last] + segLen[last] === outLen
    ) {
      segLen[last] += len;
    } else {
      segOut.push(outLen);
      segLen.push(len);
      segOff.push(off);
      segNode.push(node);
    }
  };

  const emitRun = (node: Text, off: number, str: string): void => {
    if (pendingBreak) {
      if (outLen > 0) {
        parts.push('\n\n');
        outLen += 2;
      }
      pendingBreak = false;
      spaceNode = null;
    } else if (spaceNode !== null) {
      parts.push(' ');
      addSegment(spaceNode, spaceOff, 1);
      outLen += 1;
      spaceNode = null;
    }
    parts.push(str.indexOf('\u00a0') >= 0 ? str.replace(NBSP, ' ') : str);
    addSegment(node, off, str.length);
    outLen += str.length;
  };

  const readText = (node: Text): void => {
    const data = node.data;
    if (data.length === 0) return;
    let pos = 0;
    WS.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = WS.exec(data)) !== null) {
      const a = m.index;
      if (a > pos) emitRun(node, pos, data.slice(pos, a));
      if (outLen > 0 && !pendingBreak && spaceNode === null) {
        spaceNode = node;
        spaceOff = a;
      }
      pos = a + m[0].length;
    }
    if (pos < data.length) emitRun(node, pos, pos === 0 ? data : data.slice(pos));
  };

  // Iterative walk (no recursion: deep DOMs must not overflow the stack).
  let n: Node | null = root.firstChild;
  while (n !== null) {
    let descend = false;
    if (n.nodeType === TEXT_NODE) {
      readText(n as Text);
    } else if (n.nodeType === ELEMENT_NODE) {
      const el = n as Element;
      const decision = decide(el);
      if (decision === 0 || (decision === 2 && isWrapper(el))) {
        if (BLOCK_TAGS.has(upperTag(el))) pendingBreak = true;
        descend = el.firstChild !== null;
      } else if (BLOCK_TAGS.has(upperTag(el)) || SKIPPED_BLOCKS.has(upperTag(el))) {
        pendingBreak = true;
      }
    }
    if (descend) {
      n = n.firstChild;
      continue;
    }
    // leave n: go to the next sibling, or climb, leaving blocks on the way
    while (n !== null && n !== root) {
      const sib: Node | null = n.nextSibling;
      if (sib !== null) {
        n = sib;
        break;
      }
      n = n.parentNode;
      if (n === null || n === root) {
        n = null;
        break;
      }
      if (n.nodeType === ELEMENT_NODE && BLOCK_TAGS.has(upperTag(n as Element))) pendingBreak = true;
    }
    if (n === root) n = null;
  }

  const text = parts.join('');
  const count = segOut.length;
  let nodeIndex: Map<Node, number> | null = null;

  /** First segment whose end is after pos, or count. */
  const firstEndingAfter = (pos: number): number => {
    let lo = 0;
    let hi = count;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (segOut[mid] + segLen[mid] > pos) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };

  return {
    text,
    rangeFor(start: number, end: number): Range | null {
      if (!Number.isFinite(start) || !Number.isFinite(end)) return null;
      start = Math.max(0, Math.floor(start));
      end = Math.min(text.length, Math.ceil(end));
      if (start >= end || count === 0) return null;
      const i = firstEndingAfter(start);
      if (i >= count || segOut[i] >= end) return null;
      // last segment starting before end
      let j = firstEndingAfter(end - 1);
      if (j >= count || segOut[j] >= end) j -= 1;
      if (j < i) return null;
      const startOff = segOff[i] + Math.max(0, start - segOut[i]);
      const endOff = segOff[j] + Math.min(segLen[j], end - segOut[j]);
      const doc = root.ownerDocument;
      if (!doc) return null;
      try {
        const range = doc.createRange();
        range.setStart(segNode[i], startOff);
        range.setEnd(segNode[j], endOff);
        return range;
      } catch {
        return null; // the page changed under us
      }
    },
    offsetAt(node: Node, offset: number): number | null {
      if (nodeIndex === null) {
        nodeIndex = new Map();
        for (let k = count - 1; k >= 0; k--) nodeIndex.set(segNode[k], k);
      }
      let k = nodeIndex.get(node);
      if (k === undefined) return null;
      let best: number | null = null;
      for (; k < count && segNode[k] === node; k++) {
        if (offset < segOff[k]) return best ?? segOut[k];
        if (offset <= segOff[k] + segLen[k]) return segOut[k] + (offset - segOff[k]);
        best = segOut[k] + segLen[k];
      }
      return best;
    },
  };
}
