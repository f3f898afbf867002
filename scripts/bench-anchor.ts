/**
 * Note re-anchoring benchmark. Builds a ~10,000-word article from the corpus's labelled texts, notes 50
 * passages, then changes the page (ads and new paragraphs inserted, paragraphs moved, words edited
 * inside some passages, quote style changed in some, a few passages deleted) and times re-anchoring
 * all 50 (median of several runs). Prints how each note was found, whether it landed on the right
 * words, and whether the orphans are exactly the deleted passages; then the same on ~1 MB of text and
 * on adversarial inputs. Run: npx tsx scripts/bench-anchor.ts
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { anchorNote, type AnchorResult } from '../utils/anchor/reanchor';
import { describeSpan } from '../utils/anchor/selectors';
import type { TextPositionSelector, TextQuoteSelector } from '../utils/notes/note';
import { rng } from '../test/random';

const TEXT_DIR = resolve(process.cwd(), '../shared/corpus/labels/text');
if (!existsSync(TEXT_DIR)) {
  console.error(`bench-anchor: corpus texts not found at ${TEXT_DIR} (run from the repository root)`);
  process.exit(1);
}

const random = rng(42);
const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)];

const allParagraphs = readdirSync(TEXT_DIR).filter((f) => f.endsWith('.txt')).sort().flatMap((file) =>
  readFileSync(join(TEXT_DIR, file), 'utf8').split(/\n\s*\n/).map((p) => p.replace(/\s+/g, ' ').trim()).filter(Boolean),
);

/** Paragraphs until ~10,000 words. */
function articleParagraphs(): string[] {
  const out: string[] = [];
  let words = 0;
  for (const p of allParagraphs) {
    if (words >= 10_000) break;
    out.push(p);
    words += p.split(' ').length;
  }
  return out;
}

interface Note {
  passage: string;
  quote: TextQuoteSelector;
  position: TextPositionSelector;
  /** The passage's text on the changed page, or null when it was deleted. */
  now: string | null;
}

/** 50 sentences spread over the article, each occurring once in it. */
function notePassages(text: string): Note[] {
  const sentences = [...text.matchAll(/[A-Z][^.!?\n]{40,300}[.!?]/g)].filter(
    (m) => text.indexOf(m[0]) === text.lastIndexOf(m[0]) && /\b\w+\b.*\b\w+\b.*\b\w+\b/.test(m[0]),
  );
  const notes: Note[] = [];
  for (let k = 0; k < 50; k++) {
    const m = sentences[Math.floor(((k + 0.5) * sentences.length) / 50)];
    const { quote, position } = describeSpan(text, m.index, m.index + m[0].length);
    notes.push({ passage: quote.exact, quote, position, now: quote.exact });
  }
  return notes;
}

/** Replaces one middle word of a passage. */
const editWord = (s: string) => {
  const words = s.split(' ');
  words[Math.floor(words.length / 2)] = pick(['reportedly', 'allegedly', 'also', 'officials']);
  return words.join(' ');
};
const curlyQuotes = (s: string) => s.replace(/'/g, '’').replace(/"/g, '“');

/** The changed page: passages edited or deleted in place, then ads and paragraphs inserted, paragraphs moved. */
function changePage(paragraphs: string[], notes: Note[]): string {
  const out = [...paragraphs];
  const replaceIn = (from: string, to: string) => {
    const i = out.findIndex((p) => p.includes(from));
    out[i] = out[i].replace(from, to).replace(/ {2,}/g, ' ').trim();
  };
  notes.forEach((note, k) => {
    if (k % 10 === 3) note.now = null; // 5 deleted
    else if (k % 5 === 1) note.now = editWord(note.passage); // 10 edited
    else if (k % 10 === 7 && /['"]/.test(note.passage)) note.now = curlyQuotes(note.passage);
    if (note.now !== note.passage) replaceIn(note.passage, note.now ?? '');
  });
  for (let k = 0; k < 12; k++) out.splice(Math.floor(random() * out.length), 0, 'Advertisement');
  for (let k = 0; k < 3; k++) out.splice(Math.floor(random() * out.length), 0, pick(allParagraphs.slice(-40)));
  for (let k = 0; k < 6; k++) {
    const [moved] = out.splice(Math.floor(random() * out.length), 1);
    out.splice(Math.floor(random() * out.length), 0, moved);
  }
  return out.filter(Boolean).join('\n\n');
}

function anchorAll(text: string, notes: Note[]): AnchorResult[] {
  return notes.map((n) => anchorNote(text, n.quote, n.position));
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Median and fastest time (ms) of anchoring all notes; alternates two equal texts so each run folds the page afresh. */
function timeAnchoring(text: string, notes: Note[], runs: number): { ms: number; fastest: number; results: AnchorResult[] } {
  const times: number[] = [];
  let results: AnchorResult[] = [];
  for (let r = 0; r < runs; r++) {
    const page = r % 2 === 0 ? text : text + ' ';
    const t0 = performance.now();
    results = anchorAll(page, notes);
    times.push(performance.now() - t0);
  }
  return { ms: median(times), fastest: Math.min(...times), results };
}

function report(label: string, text: string, notes: Note[], runs: number): void {
  const { ms, fastest, results } = timeAnchoring(text, notes, runs);
  const methods = { position: 0, exact: 0, fuzzy: 0, orphan: 0 };
  let right = 0;
  let wrong = 0;
  let orphansAreDeleted = true;
  results.forEach((res, k) => {
    const now = notes[k].now;
    if (res === null) {
      methods.orphan++;
      if (now !== null) orphansAreDeleted = false;
      return;
    }
    methods[res.method]++;
    if (now === null) {
      orphansAreDeleted = false;
      wrong++;
    } else if (text.slice(res.start, res.end) === now) right++;
    else wrong++;
  });
  const deleted = notes.filter((n) => n.now === null).length;
  console.log(`${label}: ${(text.length / 1000).toFixed(0)} KB, ${notes.length} notes, median ${ms.toFixed(1)} ms (fastest ${fastest.toFixed(1)}) over ${runs} runs`);
  console.log(`  position ${methods.position}, exact ${methods.exact}, fuzzy ${methods.fuzzy}, orphaned ${methods.orphan} (deleted ${deleted}; orphans exactly the deleted: ${orphansAreDeleted ? 'yes' : 'NO'})`);
  console.log(`  anchored on the passage's current words: ${right}; elsewhere or partly: ${wrong}`);
}

const paragraphs = articleParagraphs();
const original = paragraphs.join('\n\n');
const notes = notePassages(original);
const changed = changePage(paragraphs, notes);
console.log(`article: ${original.split(/\s+/).length} words; load average ${loadavg()[0].toFixed(1)} (timings are wall clock)`);
report('unchanged page', original, notes.map((n) => ({ ...n, now: n.passage })), 9);
report('changed page', changed, notes, 9);

// ~1 MB: the changed article in the middle of the rest of the corpus, repeated; the notes' old positions
// now point into that filler.
const filler = allParagraphs.slice(paragraphs.length).join('\n\n');
const half = filler.repeat(Math.ceil(470_000 / filler.length));
const big = half + '\n\n' + changed + '\n\n' + half;
report('1 MB page (changed article amid other text)', big, notes, 3);

// Adversarial: one sentence repeated to 1 MB; a note on an edited copy, a note on a passage that is not there, a 100 KB quote.
function adversarial(): void {
  const unit = 'The minister said the plan was sound, officials said. ';
  const text = unit.repeat(Math.ceil(1_000_000 / unit.length));
  const mid = Math.floor(text.length / 2 / unit.length) * unit.length;
  const cases: [string, TextQuoteSelector, TextPositionSelector | null][] = [
    ['repeated sentence, exact', describeSpan(text, mid, mid + unit.length - 1).quote, null],
    ['repeated sentence, not there (fuzzy scan, orphan)', { type: 'TextQuoteSelector', exact: 'The minister denied the plan was sound, critics argued loudly.', prefix: '', suffix: '' }, null],
    ['100 KB quote, not there', { type: 'TextQuoteSelector', exact: filler.slice(0, 100_000), prefix: '', suffix: '' }, null],
    ['"aaaa…" 1 MB, quote "aaab"', { type: 'TextQuoteSelector', exact: 'aaaaaaaaab', prefix: 'aaaa', suffix: 'aaaa' }, { type: 'TextPositionSelector', start: 5, end: 15 }],
  ];
  for (const [label, quote, position] of cases) {
    const page = label.startsWith('"aaaa') ? 'a'.repeat(1_000_000) : text;
    const t0 = performance.now();
    const res = anchorNote(page, quote, position);
    console.log(`adversarial, ${label}: ${(performance.now() - t0).toFixed(1)} ms → ${res === null ? 'orphan' : res.method}`);
  }
}
adversarial();
