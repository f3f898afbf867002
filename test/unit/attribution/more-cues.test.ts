import { describe, expect, it } from 'vitest';
import { annotate } from '../../../utils/attribution/index';
import { only } from './helpers';

describe('belief adjectives, credits and newspaper conventions', () => {
  it('belief adjectives after be: officials are worried', () => {
    const c = only('Officials are worried about the number of militants who may have returned.', 'worried');
    expect(c.cue.text).toBe('are worried');
    expect(c.source?.text).toBe('Officials');
    expect(c.kind).toBe('anonymous');
  });

  it('a dash after a quotation credits it', () => {
    const c = only('“He represents our greatest shame.” ― Sonya Herridge', '―');
    expect(c.source?.text).toBe('Sonya Herridge');
    expect(c.content?.text).toBe('“He represents our greatest shame.”');
  });

  it("double apostrophes work as quotation marks (''...'')", () => {
    const c = only("''This isn't tax reform,'' said Douglas Holtz-Eakin, an economist.", 'said');
    expect(c.source?.text).toBe('Douglas Holtz-Eakin, an economist');
    expect(c.content?.text).toBe("''This isn't tax reform,''");
  });

  it('a cue after a quotation that closed the previous sentence takes the quotation', () => {
    const c = only('“How many times do we have to see this in our country?” Clinton said.', 'said');
    expect(c.source?.text).toBe('Clinton');
    expect(c.content?.text).toBe('“How many times do we have to see this in our country?”');
  });

  it('a relative pronoun can be the source', () => {
    const c = only('He retweeted an article by New York magazine that claimed Trump relied on lies.', 'claimed');
    expect(c.source?.text).toBe('that');
  });

  it('seems to is an attribution without a source', () => {
    const c = only('Melania seems to have vanished from the campaign trail.', 'seems');
    expect(c.source).toBeNull();
    expect(c.kind).toBe('vague');
  });

  it('weaker verbs need someone who can speak or believe as subject', () => {
    expect(annotate('The console offers some major performance upgrades.')).toEqual([]);
    expect(only('The company offers to pay for the repairs.', 'offers').source?.text).toBe('The company');
  });

  it('sentences split across text blocks give the same claims as short texts', () => {
    const paragraph = 'Officials said the plan was sound. "It will work," Smith told Reuters.\n\n';
    const long = paragraph.repeat(800);
    const claims = annotate(long);
    expect(claims).toHaveLength(1600);
    expect(claims[1599].source?.text).toBe('Smith');
    expect(claims[1598].kind).toBe('anonymous');
  });
});
