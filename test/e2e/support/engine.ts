import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { annotate } from '@/utils/attribution';
import { countKinds, type KindCounts } from '@/utils/claims-summary';
import { extractArticle } from '@/utils/page/extract';
import { parseHtml } from '@/utils/page/parse-html';
import { requireShared } from './corpus';

/** What the detector finds on a corpus page in Node, through the same extraction as the content script. */
export function engineCounts(page: string): KindCounts {
  const shared = requireShared();
  const file = page === 'seed' ? resolve(shared, 'corpus/seed/seed-voa-sony.html') : resolve(shared, 'corpus/pages', page, 'source.html');
  const article = extractArticle(parseHtml(readFileSync(file, 'utf8')));
  return countKinds(annotate(article.text));
}
