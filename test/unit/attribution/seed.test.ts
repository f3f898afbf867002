import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { annotate } from '../../../utils/attribution/index';
import type { Claim, SourceKind } from '../../../utils/attribution/types';

const SEED = resolve(process.cwd(), '../shared/corpus/seed/seed-voa-sony.txt');

/** The seed article's labelled rows (docs/attribution-guide.md): passage start, cue, source, kind. */
const ROWS: [string, string, string | null, SourceKind][] = [
  ['Media reports say', 'say', 'Media reports', 'vague'],
  ['Speaking on condition of anonymity, U.S. officials', 'said', 'U.S. officials', 'anonymous'],
  ['The National Security Council said', 'said', 'The National Security Council', 'named'],
  ['In a statement Wednesday, Sony said', 'said', 'Sony', 'named'],
  ['The statement said Sony shared', 'said', 'The statement', 'named'],
  ['The so-called Guardians of Peace', 'released a statement', 'The so-called Guardians of Peace', 'named'],
  ['In broken English', 'invoked', 'the brief statement', 'named'],
  ['In broken English', 'warned', 'the brief statement', 'named'],
  ['The U.S. Department of Homeland Security said', 'said', 'The U.S. Department of Homeland Security', 'named'],
  ['The U.S. Department of Homeland Security said', 'insisted', 'The U.S. Department of Homeland Security', 'named'],
  ['Comedian Jimmy Kimmel called', 'called', 'Comedian Jimmy Kimmel', 'named'],
  ['Actor Rob Lowe declared', 'declared', 'Actor Rob Lowe', 'named'],
  ['Steve Carell, whose', 'said', 'Steve Carell', 'named'],
  ['Landmark Cinemas, a major', 'announced', 'Landmark Cinemas, a major U.S. movie theater chain', 'named'],
  ['Representatives for the actors', 'did not immediately respond to requests for comment', 'Representatives for the actors', 'non-response'],
  ['Representatives for the actors', 'according to', 'Reuters', 'named'],
  ['Marc Maiffret, chief', 'said', 'Marc Maiffret, chief technology officer of cybersecurity firm BeyondTrust', 'named'],
  ['"If they pulled', 'told Reuters', 'Maiffret', 'named'],
  ['North Korea has strongly', 'denounced', 'North Korea', 'named'],
  ['North Korea has strongly', 'called for', 'North Korea', 'named'],
  ['It has praised', 'praised', 'It', 'named'],
  ['It has praised', 'said', 'It', 'named'],
  ['It is not clear whether the Guardians', 'suspect', 'Some', 'vague'],
  ['Current and former Sony employees', 'claiming', 'Current and former Sony employees', 'named'],
];

function loadSeed(): string {
  if (!existsSync(SEED)) {
    throw new Error(`seed article missing: expected ${SEED} (the shared corpus must sit in ../shared next to the repo)`);
  }
  return readFileSync(SEED, 'utf8');
}

describe('seed article (VOA, Sony hack): the 19 labelled rows', () => {
  const text = loadSeed();
  const claims = annotate(text);

  /** The claim whose cue overlaps the first occurrence of `cue` after `passage` begins. */
  function find(passage: string, cue: string): Claim | undefined {
    const at = text.indexOf(passage);
    if (at < 0) throw new Error(`passage not in seed text: ${passage}`);
    const cueAt = text.indexOf(cue, at);
    return claims.find((c) => c.cue.start < cueAt + cue.length && cueAt < c.cue.end);
  }

  for (const [passage, cue, source, kind] of ROWS) {
    it(`${passage.slice(0, 30)}… [${cue}] → ${kind}`, () => {
      const c = find(passage, cue);
      expect(c, `no claim at cue "${cue}"`).toBeDefined();
      expect(c!.kind).toBe(kind);
      if (source) expect(c!.source?.text).toContain(source);
    });
  }

  it('marks the anonymity marker of row 2', () => {
    expect(find('Speaking on condition of anonymity', 'said')?.marker?.text).toBe('Speaking on condition of anonymity');
  });

  it('does not mark the title in quotes or the closing credit line', () => {
    expect(claims.some((c) => c.cue.text.includes('Some material'))).toBe(false);
    expect(claims.some((c) => c.sentence.text.startsWith('Some material for this report'))).toBe(false);
  });
});
