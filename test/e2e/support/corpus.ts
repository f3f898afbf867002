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
