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

/** When a resumable walk should give the main thread back (see extractArticleInSteps). */
export interface StepClock {
  /** True when the current step has used its time. */
  due(): boolean;
  /** A new step begins (called when the walk resumes). */
  start(): void;
}

/**
 * The page walks look at the clock when their node count has none of these bits set: every 64 nodes,
 * often enough that a step overruns its budget by little even on a cold first walk.
 */
export const CLOCK_LOOK_MASK = 63;

/** A clock that never ends a step: the walk runs to its end in one go. */
export const NO_CLOCK: StepClock = { due: () => false, start: () => {} };

/** A clock giving each step `budgetMs` milliseconds. */
export function budgetClock(budgetMs: number): StepClock {
  let until = performance.now() + budgetMs;
  return {
    due: () => performance.now() >= until,
    start: () => {
      until = performance.now() + budgetMs;
    },
  };
}

/** Runs resumable steps to their end at once. */
export function runSteps<T>(steps: Generator<void, T, void>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;
/**
 * Runs of HTML's collapsible whitespace (not the no-break space) that do not already read as one
 * space: two or more characters, a tab or line break, or a space at either end of the node. A single
 * space between two words is kept as it is (it maps one for one onto the node).
 */
const WS = /[ \t\n\r\f]{2,}|[\t\n\r\f]|^ | $/g;
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
   * Classifications already made by the body finder (1 skipped, 2 boilerplate-named, 3 a block that
   * is all link; elements missing from it are read); without it, elements are classified here (no
   * link-block rule).
   */
  decisions?: Map<Element, number>;
  /**
   * The element whose descendants `decisions` covers (the body the body finder walked); elements
   * outside it (the head, when the root is <html>) and the element itself are classified here.
   */
  measured?: Element;
}

export function buildTextMap(root: Element, options: TextMapOptions = {}): TextMap {
  const walk = new TextWalk(root, options);
  walk.run(NO_CLOCK);
  return walk.finish();
}

/** buildTextMap as resumable steps: yields whenever the clock says the step is over. */
export function* buildTextMapSteps(root: Element, options: TextMapOptions, clock: StepClock): Generator<void, TextMap, void> {
  const walk = new TextWalk(root, options);
  while (!walk.run(clock)) {
    yield;
    clock.start();
  }
  return walk.finish();
}

/**
 * The text walk and its state between steps. Iterative (no recursion: deep DOMs must not overflow
 * the stack), with a stack of the open elements and whether each is a block, so leaving an element
 * reads nothing from the DOM. (The loop lives in a plain method, not a generator, so that the
 * engine optimises it on its first, long call.)
 */
class TextWalk {
  readonly root: Element;
  readonly paragraphText: Map<Element, number> | undefined;
  readonly decisions: Map<Element, number> | undefined;
  readonly rootText: number;
  readonly measured: Element | null;
  /** Whether the walk is below `measured` (where a missing decision means "read"). */
  inside: boolean;
  readonly parts: string[] = [];
  outLen = 0;
  // segments: text offsets [segOut, segOut+segLen) map one for one onto node offsets [segOff, segOff+segLen)
  readonly segOut: number[] = [];
  readonly segLen: number[] = [];
  readonly segOff: number[] = [];
  readonly segNode: Text[] = [];
  pendingBreak = false;
  spaceNode: Text | null = null;
  spaceOff = 0;
  readonly openBlock: boolean[] = [];
  readonly openEl: Node[] = [];
  n: Node | null;

  constructor(root: Element, options: TextMapOptions) {
    this.root = root;
    this.paragraphText = options.paragraphText;
    this.decisions = options.decisions;
    this.rootText = this.paragraphText?.get(root) ?? 0;
    this.measured = options.measured ?? null;
    this.inside = this.measured === null || this.measured.contains(root);
    this.n = root.firstChild;
  }

  /** A boilerplate-named element that holds half or more of the root's paragraph text. */
  isWrapper(el: Element): boolean {
    return this.paragraphText !== undefined && this.rootText > 0 && (this.paragraphText.get(el) ?? 0) >= 0.5 * this.rootText;
  }

  addSegment(node: Text, off: number, len: number): void {
    const { segOut, segLen, segOff, segNode } = this;
    const last = segOut.length - 1;
    if (
      last >= 0 &&
      segNode[last] === node &&
      segOff[last] + segLen[last] === off &&
      segOut[last] + segLen[last] === this.outLen
    ) {
      segLen[last] += len;
    } else {
      segOut.push(this.outLen);
      segLen.push(len);
      segOff.push(off);
      segNode.push(node);
    }
  }

  emitRun(node: Text, off: number, str: string): void {
    if (this.pendingBreak) {
      if (this.outLen > 0) {
        this.parts.push('\n\n');
        this.outLen += 2;
      }
      this.pendingBreak = false;
      this.spaceNode = null;
    } else if (this.spaceNode !== null) {
      this.parts.push(' ');
      this.addSegment(this.spaceNode, this.spaceOff, 1);
      this.outLen += 1;
      this.spaceNode = null;
    }
    this.parts.push(str.indexOf('\u00a0') >= 0 ? str.replace(NBSP, ' ') : str);
    this.addSegment(node, off, str.length);
    this.outLen += str.length;
  }

  readText(node: Text): void {
    const data = node.data;
    if (data.length === 0) return;
    let pos = 0;
    WS.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = WS.exec(data)) !== null) {
      const a = m.index;
      if (a > pos) this.emitRun(node, pos, data.slice(pos, a));
      if (this.outLen > 0 && !this.pendingBreak && this.spaceNode === null) {
        this.spaceNode = node;
        this.spaceOff = a;
      }
      pos = a + m[0].length;
    }
    if (pos < data.length) this.emitRun(node, pos, pos === 0 ? data : data.slice(pos));
  }

  /** Walks until the text is complete (true) or the clock says the step is over (false). */
  run(clock: StepClock): boolean {
    const { decisions, openBlock, openEl } = this;
    let n = this.n;
    let work = 0;
    while (n !== null) {
      if ((++work & CLOCK_LOOK_MASK) === 0 && clock.due()) {
        this.n = n;
        return false;
      }
      let descend = false;
      const type = n.nodeType;
      if (type === TEXT_NODE) {
        this.readText(n as Text);
      } else if (type === ELEMENT_NODE) {
        const el = n as Element;
        const tag = upperTag(el);
        let decision: number;
        const known = decisions !== undefined ? decisions.get(el) : undefined;
        if (known !== undefined) decision = known;
        else if (decisions !== undefined && this.inside) decision = 0;
        else {
          const info = inspect(el, tag);
          decision = info.skipped ? 1 : info.junk ? 2 : 0;
        }
        const block = BLOCK_TAGS.has(tag);
        if (decision === 0 || (decision === 2 && this.isWrapper(el))) {
          if (block) this.pendingBreak = true;
          if (el.firstChild !== null) {
            descend = true;
            openBlock.push(block);
            openEl.push(el);
            if (el === this.measured) this.inside = true;
          }
        } else if (block || SKIPPED_BLOCKS.has(tag)) {
          this.pendingBreak = true;
        }
      }
      if (descend) {
        n = n.firstChild;
        continue;
      }
      // leave n: go to the next sibling, or climb, leaving blocks on the way
      for (;;) {
        const sib: Node | null = n!.nextSibling;
        if (sib !== null) {
          n = sib;
          break;
        }
        if (openBlock.length === 0) {
          n = null;
          break;
        }
        if (openBlock.pop()) this.pendingBreak = true;
        n = openEl.pop()!;
        if (n === this.measured) this.inside = false;
      }
    }
    this.n = null;
    return true;
  }

  finish(): TextMap {
    return textMapOf(this.root, this.parts.join(''), this.segOut, this.segLen, this.segOff, this.segNode);
  }
}

function textMapOf(root: Element, text: string, segOut: number[], segLen: number[], segOff: number[], segNode: Text[]): TextMap {
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
