import type { SourceKind } from '../attribution/types';

/** What a mark shows: who is behind a claim (by kind), the claim's content (subtle), or a passage the reader noted. */
export type MarkKind = SourceKind | 'content' | 'note';

export const MARK_KINDS: readonly MarkKind[] = ['named', 'anonymous', 'vague', 'non-response', 'content', 'note'];

export interface MarkRequest {
  kind: MarkKind;
  range: Range;
}

/** Marks placed on a page; `remove()` takes every one of them away without a trace. */
export interface Marks {
  readonly count: number;
  readonly method: 'highlight' | 'wrapper';
  remove(): void;
}

/** Highlight name (CSS Custom Highlight API) and wrapper attribute value share this prefix. */
export const highlightName = (kind: MarkKind): string => `sourcelight-${kind}`;

export const WRAPPER_TAG = 'sourcelight-mark';

interface HighlightRegistry {
  set(name: string, highlight: unknown): void;
  delete(name: string): boolean;
}

function highlightRegistry(win: Window): { registry: HighlightRegistry; Highlight: new (...ranges: Range[]) => unknown } | null {
  const css = (win as unknown as { CSS?: { highlights?: HighlightRegistry } }).CSS;
  const Highlight = (win as unknown as { Highlight?: new (...ranges: Range[]) => unknown }).Highlight;
  return css?.highlights && Highlight ? { registry: css.highlights, Highlight } : null;
}

/**
 * Marks ranges of the page: with the CSS Custom Highlight API where the browser has it
 * (no DOM change at all), otherwise by wrapping text in inline elements that carry
 * `data-sourcelight-kind`.
 */
export function applyMarks(doc: Document, requests: readonly MarkRequest[]): Marks {
  const win = doc.defaultView;
  const api = win ? highlightRegistry(win) : null;
  return api ? applyHighlights(api.registry, api.Highlight, requests) : applyWrappers(doc, requests);
}

function applyHighlights(
  registry: HighlightRegistry,
  Highlight: new (...ranges: Range[]) => unknown,
  requests: readonly MarkRequest[],
): Marks {
  // One pass over the requests: a filter per kind called a closure often enough, on a page's first
  // run, for the engine to compile it while the marks waited.
  const byKind = new Map<MarkKind, Range[]>();
  for (const request of requests) {
    const ranges = byKind.get(request.kind);
    if (ranges) ranges.push(request.range);
    else byKind.set(request.kind, [request.range]);
  }
  const names: string[] = [];
  for (const kind of MARK_KINDS) {
    const ranges = byKind.get(kind);
    if (!ranges) continue;
    const name = highlightName(kind);
    const highlight = new Highlight(...ranges) as { priority: number };
    if (kind === 'note') highlight.priority = 1; // the reader's notes draw over claim tints
    registry.set(name, highlight);
    names.push(name);
  }
  return {
    count: requests.length,
    method: 'highlight',
    remove: () => names.forEach((name) => registry.delete(name)),
  };
}

/** The text-node pieces a range covers, as [node, start, end] (ranges may span many nodes). */
function textPieces(range: Range): Array<[Text, number, number]> {
  const pieces: Array<[Text, number, number]> = [];
  const root = range.commonAncestorContainer;
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  let node: Node | null = root.nodeType === 3 ? root : walker.nextNode();
  while (node) {
    const text = node as Text;
    if (range.intersectsNode(text)) {
      const start = text === range.startContainer ? range.startOffset : 0;
      const end = text === range.endContainer ? range.endOffset : text.length;
      if (end > start) pieces.push([text, start, end]);
    }
    if (node === root) break;
    node = walker.nextNode();
  }
  return pieces;
}

interface Wrap {
  wrapper: HTMLElement;
  middle: Text;
  /** The text node left of the wrapped piece, when wrapping split it off. */
  left: Text | null;
  /** The text node right of the wrapped piece, when wrapping split it off. */
  right: Text | null;
}

function applyWrappers(doc: Document, requests: readonly MarkRequest[]): Marks {
  // Collect every piece first, grouped by text node: wrapping splits nodes and shifts offsets.
  const byNode = new Map<Text, Array<{ start: number; end: number; kind: MarkKind }>>();
  for (const request of requests) {
    for (const [node, start, end] of textPieces(request.range)) {
      if ((node.parentNode as Element | null)?.localName === WRAPPER_TAG) continue;
      let list = byNode.get(node);
      if (!list) byNode.set(node, (list = []));
      list.push({ start, end, kind: request.kind });
    }
  }
  const wraps: Wrap[] = [];
  for (const [node, pieces] of byNode) {
    // From the end of the node backwards: the original node keeps the untouched left part.
    pieces.sort((a, b) => b.start - a.start);
    let limit = node.length;
    for (const { start, end, kind } of pieces) {
      if (end > limit) continue; // overlaps a piece already wrapped
      const middle = start > 0 ? node.splitText(start) : node;
      const right = end - start < middle.length ? middle.splitText(end - start) : null;
      const wrapper = doc.createElement(WRAPPER_TAG);
      wrapper.setAttribute('data-sourcelight-kind', kind);
      middle.replaceWith(wrapper);
      wrapper.append(middle);
      wraps.push({ wrapper, middle, left: start > 0 ? node : null, right });
      limit = start;
    }
  }
  return {
    count: requests.length,
    method: 'wrapper',
    remove: () => {
      // Undo in reverse order, re-joining exactly the text nodes we split.
      for (const { wrapper, middle, left, right } of wraps.reverse()) {
        wrapper.replaceWith(middle);
        if (right) {
          middle.appendData(right.data);
          right.remove();
        }
        if (left) {
          left.appendData(middle.data);
          middle.remove();
        }
      }
      wraps.length = 0;
    },
  };
}
