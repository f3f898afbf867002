import { describe, expect, it } from 'vitest';
import { annotate } from '../../../utils/attribution/index';
import { claimWithCue, only } from './helpers';

describe('speech verbs', () => {
  it('source before the cue, content after (indirect speech)', () => {
    const c = only('The National Security Council said the FBI is leading the investigation.', 'said');
    expect(c.source?.text).toBe('The National Security Council');
    expect(c.content?.text).toBe('the FBI is leading the investigation');
  });

  it('handles tenses and auxiliaries', () => {
    expect(only('North Korea has said it is not involved.', 'said').cue.text).toBe('has said');
    expect(only('The senator will argue that the bill is unconstitutional.', 'argue').source?.text).toBe('The senator');
    expect(only('Clinton says she opposes the deal.', 'says').content?.text).toBe('she opposes the deal');
  });

  it('trailing cue after the content', () => {
    const c = only('Two gunmen died, and three others may have escaped, officials said.', 'said');
    expect(c.source?.text).toBe('officials');
    expect(c.content?.text).toBe('Two gunmen died, and three others may have escaped');
  });

  it('inverted cue after a quote: said X', () => {
    const c = only('"This is a disgusting day," said Rep. G.K. Butterfield (D-N.C.), head of the caucus.', 'said');
    expect(c.source?.text).toBe('Rep. G.K. Butterfield (D-N.C.), head of the caucus');
    expect(c.content?.text).toBe('"This is a disgusting day,"');
  });

  it('apposition between commas belongs to the source', () => {
    const c = only('Marc Maiffret, chief technology officer of cybersecurity firm BeyondTrust, said he believed it was the first time.', 'said');
    expect(c.source?.text).toBe('Marc Maiffret, chief technology officer of cybersecurity firm BeyondTrust');
  });

  it('told <outlet> keeps the hearer in the cue', () => {
    const c = only('"If they pulled the premier, it\'s troubling," Maiffret told Reuters.', 'told');
    expect(c.cue.text).toBe('told Reuters');
    expect(c.source?.text).toBe('Maiffret');
  });

  it('in a statement joins the cue', () => {
    const c = only('The company said in a statement that it would appeal.', 'said');
    expect(c.cue.text).toBe('said in a statement');
    expect(c.content?.text).toBe('that it would appeal');
  });

  it('colon introducing a quote, also across paragraphs', () => {
    const c = only('He said: "We have a situation in our inner cities."', 'said');
    expect(c.content?.text).toBe('"We have a situation in our inner cities."');
    const p = only('Caddell continued:\n\n"The health issue is very much a partisan issue."', 'continued');
    expect(p.content?.text).toBe('"The health issue is very much a partisan issue."');
  });

  it('a quote of several sentences counts once, at its cue', () => {
    const text = '"If they pulled the premier, it\'s troubling. The moment you start reacting is the moment you give them more power," Maiffret told Reuters.';
    const claims = annotate(text);
    expect(claims).toHaveLength(1);
    expect(claims[0].content?.text.startsWith('"If they pulled')).toBe(true);
  });

  it('a cue inside a direct quote belongs to the speaker and is not marked', () => {
    const claims = annotate('"They said we would lose," Smith said.');
    expect(claims.map((c) => c.cue.text)).toEqual(['said']);
    expect(claims[0].source?.text).toBe('Smith');
  });

  it('two cues sharing a source are two attributions', () => {
    const claims = annotate('North Korea has strongly denounced the comedy as an act of terrorism and called for Sony to cancel the film.');
    expect(claims.map((c) => c.cue.text)).toEqual(['has strongly denounced', 'called for']);
    expect(claims[1].source?.text).toBe('North Korea');
    expect(claims[0].content?.text).toBe('the comedy as an act of terrorism');
  });

  it('participle clause takes the sentence subject: ..., saying', () => {
    const claims = annotate('The leader of Ennahda, Rachid Ghannouchi, condemned the attack, saying in a statement that it would not break the people\'s will.');
    const saying = claimWithCue(claims, 'saying');
    expect(saying?.source?.text).toBe('The leader of Ennahda, Rachid Ghannouchi');
  });

  it('parenthetical cue inside the sentence', () => {
    const c = only('The economy, he said, is in good shape.', 'said');
    expect(c.source?.text).toBe('he');
    expect(c.content?.text).toBe('The economy, he said, is in good shape');
  });
});

describe('other cue families', () => {
  it('according to', () => {
    const c = only('About 50 other people were wounded, according to local news reports.', 'according to');
    expect(c.source?.text).toBe('local news reports');
    expect(c.content?.text).toBe('About 50 other people were wounded');
    expect(only('According to the Congressional Budget Office, the deficit will grow.', 'According to').content?.text)
      .toBe('the deficit will grow');
  });

  it('documents and reports as sources', () => {
    expect(only("The inspector general's report found that the rules were broken.", 'found').source?.text)
      .toBe("The inspector general's report");
    expect(only('The statement said Sony shared those safety concerns.', 'said').source?.text).toBe('The statement');
  });

  it('belief cues', () => {
    expect(only('Some suspect the hackers may have been aided by an insider at Sony.', 'suspect').source?.text).toBe('Some');
    expect(only('Media reports say the U.S. has determined that North Korea is behind the hacking.', 'has determined').source?.text)
      .toBe('the U.S.');
    expect(only('Investigators believe the fire was set deliberately.', 'believe').content?.text).toBe('the fire was set deliberately');
  });

  it('nominal cues with that', () => {
    const c = only("Trump's claim that the election was rigged drew criticism.", 'claim');
    expect(c.content?.text.startsWith('that the election')).toBe(true);
  });

  it('agentless attributions have no source', () => {
    const c = only('The bill is expected to pass next week.', 'is expected');
    expect(c.source).toBeNull();
    expect(c.kind).toBe('vague');
    expect(only('It is believed that the ship sank near the coast.', 'is believed').kind).toBe('vague');
    expect(only('Gunmen attacked a country seen as the lone success of the Arab Spring.', 'seen as').source).toBeNull();
    expect(only('The bloodshed raised fears that militants were expanding their operations.', 'raised fears').kind).toBe('vague');
  });

  it('non-responses', () => {
    const c = only('Representatives for the actors did not immediately respond to requests for comment.', 'respond');
    expect(c.kind).toBe('non-response');
    expect(c.cue.text).toBe('did not immediately respond to requests for comment');
    expect(c.source?.text).toBe('Representatives for the actors');
    expect(only('A spokesman for the company declined to comment.', 'declined').kind).toBe('non-response');
    expect(only('The mayor could not be reached for comment.', 'reached').kind).toBe('non-response');
    expect(only('The Russian space agency would not say when the launch would resume.', 'would not say').kind).toBe('non-response');
  });

  it('speaker colon in transcripts', () => {
    const c = only('PENCE: Gennifer Flowers will not be attending the debate.', ':');
    expect(c.source?.text).toBe('PENCE');
  });

  it('ignores noun uses of cue words and the article\'s own voice', () => {
    expect(annotate('The Washington Post ran a feature on Saturday.')).toEqual([]);
    expect(annotate("Trump's comments came as he tried to reach out to voters.")).toEqual([]);
    expect(annotate('I think this network makes our society more unequal.')).toEqual([]);
    expect(annotate('She saw the film "The Interview" twice.')).toEqual([]);
  });
});
