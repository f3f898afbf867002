import { describe, expect, it } from 'vitest';
import { annotate } from '../../../utils/attribution/index';
import { claimWithCue, only } from './helpers';

describe('hearsay, headlines, contractions and appositions', () => {
  it("an outlet's unnamed informants are anonymous: We're told, TMZ has learned", () => {
    const told = only("We're told there is security footage of the theft.", "told");
    expect(told.cue.text).toBe("We're told");
    expect(told.source).toBeNull();
    expect(told.kind).toBe('anonymous');
    expect(told.content?.text).toBe('there is security footage of the theft');
    const learned = only('The dress was stolen from her hotel room, TMZ has learned.', 'learned');
    expect(learned.source?.text).toBe('TMZ');
    expect(learned.kind).toBe('anonymous');
  });

  it('first person without hearsay stays the writer’s voice', () => {
    expect(annotate('I think the plan is sound.')).toEqual([]);
  });

  it('a headline opening a paragraph credits its claim with a colon', () => {
    const c = only('Graham: Trump’s Rhetoric Is Destroying the Party\n\nThe senator spoke on Sunday.', ':');
    expect(c.source?.text).toBe('Graham');
    const camp = only('Clinton camp: Trump’s Islamophobia threatens national security.', ':');
    expect(camp.source?.text).toBe('Clinton camp');
    // A pronoun and a cue verb before a colon are an ordinary sentence, not a headline speaker.
    const added = only('She added: “They never stood a chance.”', 'added');
    expect(added.source?.text).toBe('She');
  });

  it('a title-case headline verb after a name is a cue; the name is the source', () => {
    const c = only('Lindsey Graham Says Trump Could Embrace Clean Energy', 'Says');
    expect(c.source?.text).toBe('Lindsey Graham');
    expect(only('US Says North Korea Behind Sony Cyberattack', 'Says').kind).toBe('named');
    // An -ing form or a base form inside a name is not a headline verb.
    expect(annotate('The Washington Post Writing Award went to Ann Smith.')).toEqual([]);
  });

  it("pronoun contractions are subject and auxiliary: he's said, they're saying", () => {
    expect(only("He's said that he will win.", 'said').source?.text).toBe('He');
    expect(only('They’re saying the vote was rigged.', 'saying').source?.text).toBe('They');
    expect(only('He’s predicting he will do very well.', 'predicting').source?.text).toBe('He');
  });

  it('chained appositions with abbreviations stay with the name', () => {
    const c = only('Johnnie Wilson, of Springfield, Va., said he had fought in Vietnam.', 'said');
    expect(c.source?.text).toBe('Johnnie Wilson, of Springfield, Va.');
    expect(c.content?.text).toBe('he had fought in Vietnam');
  });

  it('who stands for a person: an architect who said ...', () => {
    const c = only('He refused to pay an architect who said he was stiffed.', 'said');
    expect(c.source?.text).toBe('who');
    expect(c.content?.text).toBe('he was stiffed');
  });

  it('asked whether / was asked: the one asked answers', () => {
    expect(only('Sanders was asked to name a specific decision.', 'asked').source?.text).toBe('Sanders');
    expect(only('Asked whether Clinton is honest, most voters said no.', 'Asked').source).toBeNull();
  });

  it('a dash credit may open the sentence after its quotation', () => {
    const text = '”Mr. Trump embodies the legacy of racism. He represents our greatest shame.” ― Sonya Herridge\n“He is clueless.” ― Edwin G. Monroy';
    const claims = annotate(text);
    expect(claimWithCue(claims, '―')?.source?.text).toBe('Sonya Herridge');
    expect(claims.filter((c) => c.cue.text === '―').map((c) => c.source?.text)).toEqual(['Sonya Herridge', 'Edwin G. Monroy']);
  });

  it('continued after a quotation reports; To be sure and Having said that do not', () => {
    expect(only('“We will win,” he continued.', 'continued').source?.text).toBe('he');
    expect(annotate('To be sure, the issue is complex.')).toEqual([]);
    expect(annotate('Having said that, the issue is complex.')).toEqual([]);
  });

  it('forms that are mostly not reports need a clause: the console feels heavier', () => {
    expect(annotate('It feels far heavier than you would expect.')).toEqual([]);
    expect(only('He feels that the plan is unfair.', 'feels').source?.text).toBe('He');
    expect(annotate('Those TVs do not support HDR.')).toEqual([]);
  });

  it('particle verbs with their particle: refused to, points out', () => {
    expect(only('The government refused to give me the usual credit.', 'refused').source?.text).toBe('The government');
    expect(only('“Cruz appeals to Reagan Democrats,” he points out.', 'points out').source?.text).toBe('he');
  });

  it('states between a name and a quotation; issued a plea', () => {
    expect(only('Emery states, “Some people think so.”', 'states').source?.text).toBe('Emery');
    expect(annotate('Trade with the United States, Canada and Mexico grew.')).toEqual([]);
    expect(only('Fiona Parry issued a plea for people to stay away from the pills.', 'plea').source?.text).toBe('Fiona Parry');
  });
});
