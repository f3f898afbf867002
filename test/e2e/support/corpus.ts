import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/** The repository root, and the shared corpus beside it (read-only, also present in CI). */
export const repoRoot = resolve(import.meta.dirname, '../../..');
export const sharedRoot = resolve(repoRoot, '../shared');

export function requireShared(): string {
  if (!existsSync(resolve(sharedRoot, 'corpus/pages'))) {
    throw new Error(`The shared corpus is missing: expected ${sharedRoot}/corpus/pages beside the repository.`);
  }
  return sharedRoot;
}

/**
 * The corpus pages from news sites and news agencies: stories, and a few section fronts. Article
 * detection must take every one for an article; `npm run bench:page` checks its speed targets on them.
 */
export const NEWS_SITE_PAGES: readonly string[] = [
  'aclu', 'aktualne', 'ars-1', 'bbc-1', 'breitbart', 'bug-1255978', 'buzzfeed-1', 'citylab-1', 'cnet',
  'cnet-svg-classes', 'cnn', 'engadget', 'folha', 'gmw', 'guardian-1', 'heise', 'herald-sun-1', 'la-nacion',
  'lemonde-1', 'liberation-1', 'medicalnewstoday', 'msn', 'nytimes-1', 'nytimes-2', 'nytimes-3', 'nytimes-4',
  'nytimes-5', 'qq', 'quanta-1', 'salon-1', 'schema-org-context-object', 'seattletimes-1', 'telegraph', 'theverge',
  'tmz-1', 'wapo-1', 'wapo-2', 'yahoo-1', 'yahoo-2', 'yahoo-3', 'yahoo-4', 'youth',
];

/** The built extensions (another folder through these variables, e.g. a copy kept apart from rebuilds). */
export const chromeBuild = process.env.SOURCELIGHT_CHROME_BUILD ?? resolve(repoRoot, '.output/chrome-mv3');
export const firefoxBuild = process.env.SOURCELIGHT_FIREFOX_BUILD ?? resolve(repoRoot, '.output/firefox-mv2');

export function requireBuild(dir: string): string {
  if (!existsSync(resolve(dir, 'manifest.json'))) {
    throw new Error(`No built extension in ${dir}: run \`npm run build\` first.`);
  }
  return dir;
}

export const screenshotDir = resolve(repoRoot, 'test/e2e/screenshots');
