import { describe, expect, it } from 'vitest';
import { annotate } from '../../../utils/attribution/index';
import { claimWithCue, only } from './helpers';

describe('source kinds', () => {
  it('named: people, organizations, titles with names, documents', () => {
    expect(only('Tunisian Prime Minister Habib Essid said the attackers were trained abroad.', 'said').kind).toBe('named');
    expect(only('Sony said it is scrapping the release.', 'said').kind).toBe('named');
    expect(only('White House press secretary Josh Earnest said the attack was cowardly.', 'said').kind).toBe('named');
    expect(only('The statement said Sony shared those concerns.', 'said').kind).toBe('named');
  });

  it('anonymous: unnamed officials and sources, spokesmen without a name', () => {
    expect(only('Two gunmen died, officials said.', 'said').kind).toBe('anonymous');
    expect(only('A senior administration official said the talks had stalled.', 'said').kind).toBe('anonymous');
    expect(only('People familiar with the matter said the deal was close.', 'said').kind).toBe('anonymous');
    expect(only('Con Edison officials say the outage will last days.', 'say').kind).toBe('anonymous');
  });

  it('vague: classes of people, reports, quantifiers', () => {
    expect(only('Media reports say the U.S. has determined that North Korea is behind the hacking.', 'say').kind).toBe('vague');
    expect(only('Critics argue that the plan is too costly.', 'argue').kind).toBe('vague');
    expect(only('Most experts say the deficit will grow.', 'say').kind).toBe('vague');
    expect(only('Many Republicans worry that the nominee will lose.', 'worry').kind).toBe('vague');
  });

  it('an anonymity marker anywhere in the sentence makes the source anonymous and is reported', () => {
    const c = only('Speaking on condition of anonymity, U.S. officials said investigators have connected North Korea to the attack.', 'said');
    expect(c.kind).toBe('anonymous');
    expect(c.marker?.text).toBe('Speaking on condition of anonymity');
    const d = only('A diplomat, who asked not to be named, said the talks had failed.', 'said');
    expect(d.kind).toBe('anonymous');
    expect(d.marker?.text).toBe('who asked not to be named');
    expect(only('The aide, who was not authorized to speak publicly, said the plan was dead.', 'said').marker?.text).toBe('not authorized to speak publicly');
  });

  it('privately marks an unnamed group as anonymous, not a named person', () => {
    expect(only('Some Democrats privately acknowledge that the bill is dead.', 'acknowledge').kind).toBe('anonymous');
    expect(only('Smith privately acknowledged that the bill is dead.', 'acknowledged').kind).toBe('named');
  });

  it('pronouns take the kind of the last source of the same number', () => {
    const claims = annotate('North Korea has denounced the comedy. It has praised the hacking as a "righteous deed" but has said it is not involved.');
    expect(claimWithCue(claims, 'praised')?.kind).toBe('named');
    const anon = annotate('A senior official said the talks had stalled. He added that no date was set.');
    expect(claimWithCue(anon, 'added')?.kind).toBe('anonymous');
    expect(only('They say the vote was rigged.', 'say').kind).toBe('vague');
  });

  it('non-response is its own kind', () => {
    expect(only('Mojang did not respond to a request for comment.', 'respond').kind).toBe('non-response');
  });
});
