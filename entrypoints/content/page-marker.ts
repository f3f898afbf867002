import { annotate } from '@/utils/attribution';
import type { Claim } from '@/utils/attribution/types';
import { emptyCounts, type PageSummary } from '@/utils/messaging';
import { canonicalPageUrl } from '@/utils/notes/page-url';
import { claimMarkRequests } from '@/utils/page/claim-marks';
import { extractArticle } from '@/utils/page/extract';
import { applyMarks, type Marks } from '@/utils/page/marks';

/**
 * One page's annotation: finds the article, runs the detector on its text and marks the
 * claims. Keeps what it marked so it can report a summary and remove every mark.
 */
export class PageMarker {
  private claims: Claim[] = [];
  private marks: Marks | null = null;
  private isArticle = false;

  constructor(private readonly doc: Document) {}

  /** Marks the page if it is an article, or whatever it is when `force` (the reader asked). */
  run(force = false): void {
    this.clear();
    const article = extractArticle(this.doc, { force });
    this.isArticle = article.isArticle;
    if (!article.map) return;
    this.claims = annotate(article.text);
    this.marks = applyMarks(this.doc, claimMarkRequests(this.claims, article.map));
  }

  clear(): void {
    this.marks?.remove();
    this.marks = null;
    this.claims = [];
  }

  summary(): PageSummary {
    const counts = emptyCounts();
    for (const claim of this.claims) counts[claim.kind]++;
    return {
      url: canonicalPageUrl(this.doc),
      title: this.doc.title.slice(0, 1000),
      isArticle: this.isArticle,
      marked: this.marks !== null,
      counts,
    };
  }
}
