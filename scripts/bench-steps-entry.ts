// What `npm run bench:steps` runs on each page: the content script's steps up to the marks (extraction,
// detector, marks), without the extension around them. Bundled on its own for every tree compared.
import { annotate } from '../utils/attribution';
import { claimMarkRequests } from '../utils/page/claim-marks';
import { extractArticle } from '../utils/page/extract';
import { applyMarks } from '../utils/page/marks';

/** Milliseconds of each step on `doc`, and the number of claims: [extract, annotate, mark, claims]. */
export function runSteps(doc: Document): [number, number, number, number] {
  const start = performance.now();
  const article = extractArticle(doc);
  const extracted = performance.now();
  if (!article.map) return [extracted - start, 0, 0, 0];
  const claims = annotate(article.text);
  const annotated = performance.now();
  const marks = applyMarks(doc, claimMarkRequests(claims, article.map));
  const marked = performance.now();
  marks.remove();
  return [extracted - start, annotated - extracted, marked - annotated, claims.length];
}
