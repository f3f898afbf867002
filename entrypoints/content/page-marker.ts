import { annotateSteps } from '@/utils/attribution';
import type { Claim } from '@/utils/attribution/types';
import { countKinds, groupSources } from '@/utils/claims-summary';
import type { PageSummary } from '@/utils/messaging';
import { canonicalPageUrl, siteOf } from '@/utils/notes/page-url';
import { ClaimIndex } from '@/utils/page/claim-index';
import { claimMarkRequests } from '@/utils/page/claim-marks';
import { extractArticle, extractArticleInSteps, type ExtractedArticle } from '@/utils/page/extract';
import { applyMarks, type Marks } from '@/utils/page/marks';
import type { TextMap } from '@/utils/page/text-map';
import type { Settings } from '@/utils/settings';
import { timed } from './timing';
import { yieldToPage } from './yield-to-page';

/**
 * Steps run back to back while they stay within this budget, then we yield. Small pages are
 * done in one task (yielding costs a wait behind the page's own tasks); big ones are spread out.
 * Well under the 50 ms of a long task: on a loaded machine a task's wall time can double.
 */
const SLICE_MS = 20;

/**
 * Milliseconds of work per extraction step: a step that leaves the extraction unfinished used them all.
 * The first step runs in the script's first task when its setup took under SLICE_MS - EXTRACT_STEP_MS.
 */
const EXTRACT_STEP_MS = 10;

/**
 * One page's annotation: finds the article, runs the detector on its text and marks the
 * claims the reader wants to see. Keeps what it found so it can answer hover lookups,
 * keyboard navigation and the popup's summary, and remove every mark.
 */
export class PageMarker {
  private claims: Claim[] = [];
  /** Built on first use (hover, keyboard navigation): the marks do not need it. */
  private index: ClaimIndex | null = null;
  private map: TextMap | null = null;
  private text = '';
  private marks: Marks | null = null;
  private isArticle = false;
  /** Bumped by every run and clear, so a run overtaken by a newer one stops. */
  private generation = 0;

  constructor(private readonly doc: Document) {}

  /** The article text as last extracted ('' before any run or on non-articles). */
  get articleText(): string {
    return this.text;
  }

  get textMap(): TextMap | null {
    return this.map;
  }

  get claimIndex(): ClaimIndex {
    return (this.index ??= new ClaimIndex(this.claims));
  }

  /**
   * Finds and annotates the article, or the whole page when `force` (the reader asked). Marks
   * stay as they are until `applyMarks`. Resolves 'unchanged' when the article text is what
   * it was, and 'overtaken' when a newer run started meanwhile. `taskStart`: when the task now
   * running began, if earlier than this call (its time counts against the first slice).
   */
  async analyze(force = false, taskStart = performance.now()): Promise<'found' | 'unchanged' | 'overtaken'> {
    const generation = ++this.generation;
    let sliceStart = taskStart;
    /** Yields unless `expectedMs` more of work still fits in the current slice. */
    const yieldIfLong = async (expectedMs = 0) => {
      if (performance.now() - sliceStart + expectedMs < SLICE_MS) return;
      await yieldToPage();
      sliceStart = performance.now();
    };
    // Extraction runs in steps of about EXTRACT_STEP_MS on big pages; small ones finish in the first.
    const steps = extractArticleInSteps(this.doc, { force, budgetMs: EXTRACT_STEP_MS });
    let step: IteratorResult<void, ExtractedArticle>;
    do {
      // A step may take its whole budget: it runs in this task only if that fits the slice.
      await yieldIfLong(EXTRACT_STEP_MS);
      if (generation !== this.generation) return 'overtaken';
      step = timed('extract', () => steps.next());
    } while (!step.done);
    const article = step.value;
    this.isArticle = article.isArticle;
    if (!article.map) {
      this.clear();
      return 'found';
    }
    if (article.text === this.text && this.map) return 'unchanged';
    // The detector gives the thread back between sentences when the slice is used (its first run on
    // a page is slow: the engine has not optimised it yet).
    const annotation = annotateSteps(article.text, { due: () => performance.now() - sliceStart >= SLICE_MS });
    let annotated = timed('annotate', () => annotation.next());
    while (!annotated.done) {
      await yieldIfLong();
      if (generation !== this.generation) return 'overtaken';
      annotated = timed('annotate', () => annotation.next());
    }
    const claims = annotated.value;
    await yieldIfLong();
    if (generation !== this.generation) return 'overtaken';
    this.marks?.remove();
    this.marks = null;
    this.claims = claims;
    this.index = null;
    this.map = article.map;
    this.text = article.text;
    return 'found';
  }

  /** Marks the claims found that `settings` let through (again, after the reader changed them). */
  applyMarks(settings: Settings): void {
    if (!this.map) return;
    const map = this.map;
    this.marks?.remove();
    const shown = this.claims.filter((claim) => settings.kinds[claim.kind]);
    this.marks = timed('mark', () => {
      const requests = claimMarkRequests(shown, map).filter((request) => settings.markContent || request.kind !== 'content');
      return applyMarks(this.doc, requests);
    });
  }

  /** Takes every mark away and forgets the claims. */
  clear(): void {
    this.generation++;
    this.marks?.remove();
    this.marks = null;
    this.claims = [];
    this.index = null;
    this.map = null;
    this.text = '';
  }

  get marked(): boolean {
    return this.marks !== null;
  }

  /**
   * Reads the page's text without annotating it, when no analysis did: notes can then be
   * placed on pages that are not articles. Resolves false when there is no text to read.
   */
  readText(): boolean {
    if (this.map) return true;
    const article = timed('extract', () => extractArticle(this.doc, { force: true }));
    if (!article.map) return false;
    this.map = article.map;
    this.text = article.text;
    return true;
  }

  /** The article-text offset under a viewport point, or null. */
  offsetAtPoint(x: number, y: number): number | null {
    if (!this.map) return null;
    const caret = caretAt(this.doc, x, y);
    return caret ? this.map.offsetAt(caret.node, caret.offset) : null;
  }

  /**
   * Whether the text [start, end) is drawn under the point. A caret position is the nearest
   * one, even beyond the end of a line, so the span's own boxes decide.
   */
  spanUnderPoint(start: number, end: number, x: number, y: number): boolean {
    const range = this.map?.rangeFor(start, end);
    return !!range && [...range.getClientRects()].some((box) => x >= box.left && x <= box.right && y >= box.top && y <= box.bottom);
  }

  /** The marked claim drawn at a text offset under the point, or -1. */
  claimAt(offset: number, x: number, y: number): number {
    if (!this.marks) return -1;
    const index = this.claimIndex.claimAt(offset);
    if (index < 0) return -1;
    const claim = this.claims[index];
    const spans = [claim.source, claim.cue, claim.marker, claim.content];
    return spans.some((span) => span && offset >= span.start && offset < span.end && this.spanUnderPoint(span.start, span.end, x, y)) ? index : -1;
  }

  /** The DOM range of a claim's cue (where the card points and keyboard navigation scrolls to). */
  cueRange(index: number): Range | null {
    const claim = this.claims[index];
    return claim && this.map ? this.map.rangeFor(claim.cue.start, claim.cue.end) : null;
  }

  summary(settings: Settings, orphanNoteIds: string[]): PageSummary {
    const url = canonicalPageUrl(this.doc);
    const site = siteOf(url ?? this.doc.URL);
    return {
      url,
      title: this.doc.title.slice(0, 1000),
      site,
      isArticle: this.isArticle,
      marked: this.marked,
      disabled: !settings.enabled || settings.disabledSites.includes(site),
      counts: countKinds(this.claims),
      sources: groupSources(this.claims),
      orphanNoteIds,
    };
  }
}

/** The text position under a point: the standard API where present, Chrome's older one otherwise. */
function caretAt(doc: Document, x: number, y: number): { node: Node; offset: number } | null {
  const standard = doc as Document & { caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null };
  if (standard.caretPositionFromPoint) {
    const position = standard.caretPositionFromPoint(x, y);
    return position ? { node: position.offsetNode, offset: position.offset } : null;
  }
  const range = (doc as Document & { caretRangeFromPoint?: (x: number, y: number) => Range | null }).caretRangeFromPoint?.(x, y);
  return range ? { node: range.startContainer, offset: range.startOffset } : null;
}
