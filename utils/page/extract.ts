/**
 * The one entry point for article text: used by the content script and by the CLI (.html input), so
 * both annotate exactly the same text.
 */
import { declaredSignal, looksLikeArticle, type ArticleSignal } from './article';
import { findArticleBodySteps, findNamedBodySteps } from './article-body';
import { NO_CLOCK, budgetClock, buildTextMapSteps, runSteps, type StepClock, type TextMap } from './text-map';

export interface ExtractedArticle {
  isArticle: boolean;
  /** The article body text ('' for a non-article unless forced). */
  text: string;
  /** The element the text was read from. */
  root: Element | null;
  /** Offsets in `text` back to DOM ranges. */
  map: TextMap | null;
  /** Why the page counts as an article (null when it does not). */
  signal: ArticleSignal | null;
}

export interface ExtractOptions {
  /** Extract even when the page does not look like an article (the reader asked for it). */
  force?: boolean;
}

export interface SteppedExtractOptions extends ExtractOptions {
  /**
   * Milliseconds of work per step (default 15): the generator yields when a step has used it, so
   * the caller can give the main thread back between steps. The page must not change between steps.
   */
  budgetMs?: number;
}

/** Extracts the article in one go (synchronous; on the largest pages this can take tens of ms). */
export function extractArticle(doc: Document, options: ExtractOptions = {}): ExtractedArticle {
  return runSteps(extractSteps(doc, options, NO_CLOCK));
}

/**
 * extractArticle as resumable steps of about `budgetMs` each: call next() until done, yielding to
 * the event loop in between; the result (the `value` when done) is exactly extractArticle's.
 *
 *   const steps = extractArticleInSteps(document, { force });
 *   let step = steps.next();
 *   while (!step.done) { await yieldToMain(); step = steps.next(); }
 *   const article = step.value;
 */
export function extractArticleInSteps(doc: Document, options: SteppedExtractOptions = {}): Generator<void, ExtractedArticle, void> {
  return extractSteps(doc, options, budgetClock(options.budgetMs ?? 15));
}

function* extractSteps(doc: Document, options: ExtractOptions, clock: StepClock): Generator<void, ExtractedArticle, void> {
  if (!doc.documentElement) return { isArticle: false, text: '', root: null, map: null, signal: null };
  clock.start();
  // A page that declares itself an article and names its body container needs only that container
  // measured; otherwise the whole page is, and its statistics may make it an article.
  const declared = declaredSignal(doc);
  const named = declared ? yield* findNamedBodySteps(doc, clock) : null;
  const { root, stats, measured } = named ?? { ...(yield* findArticleBodySteps(doc, clock)), measured: doc.body ?? doc.documentElement };
  const signal = declared ?? (looksLikeArticle(doc, stats, root) ? 'readerable' : null);
  const isArticle = signal !== null;
  if (!isArticle && !options.force) return { isArticle, text: '', root: null, map: null, signal };
  if (clock.due()) {
    yield;
    clock.start();
  }
  const map = yield* buildTextMapSteps(
    root,
    { paragraphText: stats.paragraphText, decisions: stats.decisions, measured },
    clock,
  );
  return { isArticle, text: map.text, root, map, signal };
}
