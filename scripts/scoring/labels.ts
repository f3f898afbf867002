/**
 * Scores the annotator on the labelled news pages (`labels/dev.jsonl` + `labels/text/<page>.txt`).
 * Each label's passage is located in the page text with whitespace collapsed and curly quotes folded;
 * its cue (and source, when inside the passage) is the n-th occurrence inside the passage, n counting
 * earlier labels with the same passage and cue. Every prediction on the page counts (the text files hold
 * only article text), so a prediction with no label is a false positive.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { annotate } from '../../utils/attribution/index';
import type { Claim } from '../../utils/attribution/types';
import { type Kind, KindCounts } from './kinds';
import { emptyRoleCounts, type Interval, type RoleCounts, type Scored, scoreDocument } from './match';
import { claimToScored } from './polnear';

export interface Label {
  page: string;
  passage: string;
  cue: string;
  source: string | null;
  kind: Kind;
  marker: string | null;
}

interface Folded {
  text: string;
  /** Offset in the original text of each folded character, plus one entry for the end. */
  map: number[];
}

function foldChar(ch: string): string {
  if (ch === '\u201C' || ch === '\u201D' || ch === '\u201E' || ch === '\u00AB' || ch === '\u00BB') return '"';
  if (ch === '\u2018' || ch === '\u2019' || ch === '\u201A') return "'";
  return ch;
}

/** Collapses whitespace runs to one space and folds curly quotes, keeping a map back to the original. */
export function fold(text: string): Folded {
  let out = '';
  const map: number[] = [];
  let inSpace = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (/\s/.test(ch)) {
      if (!inSpace && out.length) {
        out += ' ';
        map.push(i);
      }
      inSpace = true;
      continue;
    }
    inSpace = false;
    out += foldChar(ch);
    map.push(i);
  }
  map.push(text.length);
  return { text: out, map };
}

function locate(folded: Folded, needle: string, from: number): Interval | null {
  const n = fold(needle).text.trim();
  if (!n) return null;
  const at = folded.text.indexOf(n, from);
  if (at < 0) return null;
  return { start: folded.map[at], end: folded.map[at + n.length - 1] + 1 };
}

export function loadLabels(file: string): Label[] {
  return readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as Label);
}

export interface LabelsResult {
  roles: RoleCounts;
  kinds: KindCounts;
  pages: number;
  missing: string[];
}

export interface LabelledPage {
  page: string;
  text: string;
  gold: (Scored & { kind: Kind })[];
}

/** Resolves labels to offsets in their page texts. Unlocatable labels are reported in `missing`. */
export function resolveLabels(labels: Label[], textDir: string, missing: string[]): LabelledPage[] {
  const pages = new Map<string, Label[]>();
  for (const l of labels) {
    if (!pages.has(l.page)) pages.set(l.page, []);
    pages.get(l.page)!.push(l);
  }
  const out: LabelledPage[] = [];
  for (const [page, list] of pages) {
    const file = join(textDir, `${page}.txt`);
    if (!existsSync(file)) {
      missing.push(`${page}: no text file`);
      continue;
    }
    const text = readFileSync(file, 'utf8');
    const folded = fold(text);
    const seen = new Map<string, number>();
    const gold: LabelledPage['gold'] = [];
    for (const l of list) {
      const passage = locate(folded, l.passage, 0);
      if (!passage) {
        missing.push(`${page}: passage not found: ${l.passage.slice(0, 60)}`);
        continue;
      }
      const pf = folded.map.indexOf(passage.start);
      const key = `${l.passage}\u0000${l.cue}`;
      const nth = seen.get(key) ?? 0;
      seen.set(key, nth + 1);
      let cue: Interval | null = null;
      let from = pf;
      for (let k = 0; k <= nth; k++) {
        cue = locate(folded, l.cue, from);
        if (!cue) break;
        from = folded.map.indexOf(cue.start) + 1;
      }
      if (!cue || cue.start >= passage.end) {
        missing.push(`${page}: cue not found: ${l.cue}`);
        continue;
      }
      const source = l.source ? locate(folded, l.source, pf) : null;
      gold.push({ cue, source: source && source.start < passage.end ? source : null, content: null, kind: l.kind });
    }
    gold.sort((a, b) => a.cue.start - b.cue.start);
    out.push({ page, text, gold });
  }
  return out;
}

export function scoreLabels(pages: LabelledPage[], onPage?: (p: LabelledPage, claims: Claim[], pairs: [number, number][]) => void): LabelsResult {
  const roles = emptyRoleCounts();
  const kinds = new KindCounts();
  for (const p of pages) {
    const claims = annotate(p.text);
    const pairs = scoreDocument(p.text, claims.map(claimToScored), p.gold, roles);
    kinds.score(claims.map((c) => c.kind), p.gold.map((g) => g.kind), pairs);
    onPage?.(p, claims, pairs);
  }
  return { roles, kinds, pages: pages.length, missing: [] };
}
