/**
 * `sourcelight annotate <file.html | file.txt | -> ... [--json]`: annotates article text and prints a
 * readable report, or with --json one JSON object per input (JSON Lines with a `file` field when several).
 */
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { annotate } from '../../utils/attribution/index';
import { type AnnotateResult, countKinds, formatReport } from './report';

const USAGE = `usage: sourcelight annotate <file.html | file.txt | -> ... [--json]

  annotate   find attributed claims (who said what) and print a report
  --json     print JSON: one object for one input, JSON Lines (with "file") for several
  -          read plain text from standard input`;

function readInput(file: string): string {
  return file === '-' ? readFileSync(0, 'utf8') : readFileSync(file, 'utf8');
}

/** Article text and whether the input is an article: .html goes through the content script's extractor. */
async function articleText(file: string, raw: string): Promise<{ isArticle: boolean; text: string }> {
  const ext = extname(file).toLowerCase();
  if (ext === '.html' || ext === '.htm') {
    const [{ parseHtml }, { extractArticle }] = await Promise.all([
      import('../../utils/page/parse-html'),
      import('../../utils/page/extract'),
    ]);
    const { isArticle, text } = extractArticle(parseHtml(raw));
    return { isArticle, text: isArticle ? text : '' };
  }
  return { isArticle: raw.trim().length > 0, text: raw };
}

export async function main(argv: string[]): Promise<number> {
  const json = argv.includes('--json');
  const rest = argv.filter((a) => a !== '--json');
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(USAGE + '\n');
    return 0;
  }
  const [command, ...files] = rest;
  const unknown = files.find((f) => f.startsWith('--'));
  if (command !== 'annotate' || files.length === 0 || unknown) {
    process.stderr.write((unknown ? `unknown option: ${unknown}\n` : '') + USAGE + '\n');
    return 2;
  }
  let failed = false;
  const several = files.length > 1;
  for (const file of files) {
    let raw: string;
    try {
      raw = readInput(file);
    } catch (e) {
      process.stderr.write(`sourcelight: cannot read ${file}: ${(e as Error).message}\n`);
      failed = true;
      continue;
    }
    let result: AnnotateResult;
    try {
      const { isArticle, text } = await articleText(file, raw);
      const claims = isArticle ? annotate(text) : [];
      result = { version: 1, ...(several ? { file } : {}), isArticle, text, claims, counts: countKinds(claims) };
    } catch (e) {
      process.stderr.write(`sourcelight: cannot process ${file}: ${(e as Error).message}\n`);
      failed = true;
      continue;
    }
    if (json) process.stdout.write(JSON.stringify(result) + '\n');
    else process.stdout.write(formatReport(result, file === '-' ? '(stdin)' : file) + '\n\n');
  }
  return failed ? 1 : 0;
}
