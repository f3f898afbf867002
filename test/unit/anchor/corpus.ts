/** Realistic article text for the anchoring tests: paragraphs of the shared corpus's labelled texts, read at test time. */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

const TEXT_DIR = resolve(process.cwd(), '../shared/corpus/labels/text');

/** The paragraphs of the named label texts (default: all), in file order; throws when the corpus is missing. */
export function corpusParagraphs(names?: string[]): string[] {
  if (!existsSync(TEXT_DIR)) {
    throw new Error(`anchor tests need the shared corpus: ${TEXT_DIR} not found (run from the repository root, beside ../shared)`);
  }
  const files = names?.map((n) => `${n}.txt`) ?? readdirSync(TEXT_DIR).filter((f) => f.endsWith('.txt')).sort();
  return files.flatMap((file) =>
    readFileSync(join(TEXT_DIR, file), 'utf8')
      .split(/\n\s*\n/)
      .map((p) => p.replace(/\s+/g, ' ').trim())
      .filter((p) => p.length > 0),
  );
}

/** Paragraphs joined as the text map joins blocks. */
export const joinBlocks = (paragraphs: string[]) => paragraphs.join('\n\n');

