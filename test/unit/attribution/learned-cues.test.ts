import { describe, expect, it } from 'vitest';
import { cueFeatures, FEATURE_COUNT, nextClass, prevClass } from '../../../utils/attribution/cue-features';
import { annotate } from '../../../utils/attribution/index';
import { learnedForms } from '../../../utils/attribution/learned-cues';
import { tokenize } from '../../../utils/attribution/tokens';
import { only } from './helpers';

/** Reported speech around a sentence, so the text reads as news (learned cues apply only there). */
function inNews(sentence: string): string {
  return `Officials said on Friday that the talks were over. ${sentence} A spokesman said more meetings were planned.`;
}

describe('learned cues', () => {
  it('finds a stance verb outside the word lists, with its source and content', () => {
    const c = only(inNews('Clinton unleashed a barrage of attacks on his record.'), 'unleashed');
    expect(c.source?.text).toBe('Clinton');
    expect(c.content?.text).toBe('a barrage of attacks on his record');
    expect(c.kind).toBe('named');
  });

  it('finds a multi-word stance (`made clear`) at its verb', () => {
    const c = only(inNews('Warren made clear that she wanted Stumpf to resign.'), 'made');
    expect(c.source?.text).toBe('Warren');
    expect(c.content?.text).toContain('she wanted Stumpf to resign');
  });

  it('leaves text that is not reporting alone (a product review)', () => {
    expect(annotate('The console also supports Dolby Atmos. It offers some major upgrades over the old model.')).toEqual([]);
  });

  it('does not take naming for reporting (`known as`)', () => {
    const claims = annotate(inNews('The deal, known as the Trans-Pacific Partnership, faces opposition.'));
    expect(claims.map((c) => c.cue.text)).toEqual(['said', 'said']);
  });

  it('knows only the forms it was trained on, never function words', () => {
    const forms = new Set(learnedForms());
    expect(forms.has('unleashed')).toBe(true);
    for (const w of ['the', 'of', 'to', 'and', 'he']) expect(forms.has(w)).toBe(false);
  });

  it('gives every word a handful of feature ids within range', () => {
    const text = 'Warren made clear that she wanted Stumpf to resign.';
    const tokens = tokenize(text);
    const s = { first: 0, last: tokens.length, hasQuote: false, hasClaim: true, density: 0.5 };
    const out: number[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const n = cueFeatures(tokens, i, s, prevClass(tokens, i, 0), nextClass(tokens, i, tokens.length), out);
      expect(n).toBeGreaterThanOrEqual(5);
      for (let k = 0; k < n; k++) expect(out[k]).toBeLessThan(FEATURE_COUNT);
    }
  });
});

describe('nested cues', () => {
  it('a belief reported inside indirect speech is part of what is said', () => {
    const claims = annotate('The campaign said he believes the race is close.');
    expect(claims.map((c) => c.cue.text)).toEqual(['said']);
    expect(claims[0].content?.text).toBe('he believes the race is close');
  });

  it("keeps a named speaker's own speech act inside indirect speech", () => {
    const claims = annotate('South Africa said Mugabe had told Zuma he would step down.');
    expect(claims.map((c) => c.cue.text)).toEqual(['said', 'had told Zuma']);
    expect(claims[1].source?.text).toBe('Mugabe');
  });

  it('keeps a finding introduced by `that`', () => {
    const claims = annotate('Media reports say the U.S. has determined that North Korea is behind the hacking.');
    expect(claims.map((c) => c.cue.text)).toEqual(['say', 'has determined']);
  });

  it('keeps a second speaker after a clause break', () => {
    const claims = annotate('Officials said the plan was sound, and critics said it would fail.');
    expect(claims.map((c) => c.source?.text)).toEqual(['Officials', 'critics']);
  });
});

describe('inverted sources', () => {
  it('a reporting participle after the name ends the source', () => {
    const c = only('“This is in their heads,” said Caddell, speaking of Clinton’s health issue.', 'said');
    expect(c.source?.text).toBe('Caddell');
  });
});
