/**
 * Word lists. Cue verbs were chosen from the cue words most often annotated in PolNeAR train, graded by
 * how often each form is a cue where it occurs (only the word list is shipped, no corpus text).
 */

/**
 * How much evidence a cue verb needs.
 * - `strong`: a cue whenever it has a subject or follows a quotation (`say`, `tell`, `according to`).
 * - `medium`: needs something reported after it (a clause, `that`, a quote, `to`-infinitive) or a quote before.
 * - `weak`: only with `that`, a quote, a colon, or a clause that starts with a pronoun or determiner.
 * - `particle`: only together with one of its particles (`point out`, `refer to`).
 */
export type CueStrength = 'strong' | 'medium' | 'weak' | 'particle';

/** Lemmas whose `-s` form is more often a plural noun (`tweets`, `comments`, `calls`, `plans`). */
export const NOUN_LIKE_LEMMAS = new Set(['tweet', 'comment', 'call', 'report', 'claim', 'question', 'charge', 'worry',
  'hope', 'fear', 'support', 'note', 'post', 'remark', 'estimate', 'promise', 'concern', 'demand', 'pledge', 'vow',
  'back', 'favor', 'view', 'plan', 'offer', 'order', 'list', 'challenge', 'request', 'answer', 'rule', 'present',
  'state', 'reference', 'detail', 'label', 'document', 'credit', 'insult', 'debate', 'chant', 'echo', 'sound', 'release', 'issue', 'raise', 'text', 'forecast', 'project', 'attack', 'mean', 'doubt',
  'praise', 'blast', 'slam', 'quote', 'reply', 'respond', 'counter', 'email', 'post', 'joke', 'boast', 'warning', 'want']);

export interface VerbEntry {
  lemma: string;
  strength: CueStrength;
  /** Particles that join the cue (`call for`, `point out`). */
  particles: readonly string[];
}

/**
 * `lemma[+][=3sg,past,ing[,participle]][/particle/particle]`. `+` doubles the final consonant
 * (`admit` → `admitted`). Irregular forms are listed after `=`.
 */
const VERBS: Record<CueStrength, string> = {
  strong: `say=says,said,saying tell=tells,told,telling write=writes,wrote,writing,written add note tweet announce declare
    explain acknowledge argue insist claim allege assert contend warn/of/against urge vow pledge promise predict estimate
    concede admit+ confirm deny reply respond/to recall reveal disclose stress emphasize reiterate complain joke quip boast
    lament remark caution testify tout decry denounce condemn praise criticize accuse blame dismiss defend suggest
    recommend inform assure remind describe cite mention comment retweet speculate imply threaten demand wonder conclude
    believe suspect hope worry doubt fear concur+ agree disagree observe counter muse chide scold rebut+ blast slam+ mock
    lambast lambaste castigate applaud hail welcome recount quote`,
  medium: `report ask/for/about propose indicate signal hint expect think=thinks,thought,thinking feel=feels,felt,feeling
    know=knows,knew,knowing,known find=finds,found,finding show=shows,showed,showing,shown determine calculate forecast
    project anticipate assume guess reckon maintain question reject call/for/on/out plead/for
    sum/up charge endorse oppose support/for back favor prefer+ intend seek=seeks,sought,seeking
    express voice learn=learns,learned,learning post invoke read=reads,read,reading
    understand=understands,understood,understanding mean=means,meant,meaning envision consider
    offer discuss order echo identify repeat list challenge nominate request portray highlight encourage
    shout chant remember approve present assail reference champion bemoan apologize
    attribute liken detail yell rebuke deride interject realize persuade label unveil congratulate dub imagine
    articulate document react advocate proclaim rebuff outline credit coin downplay insult clarify reaffirm
    brag+ opine characterize vouch contradict elaborate utter affirm exhort implore plead tease
    fret+ insinuate allude reassure sound trumpet dispute pillory thank email convince`,
  weak: `continue want plan+ see=sees,saw,seeing,seen hold=holds,held,holding hear=hears,heard,hearing discover release issue`,
  particle: `appear/to decline/to refuse/to point/out/to refer+/to talk/about speak=speaks,spoke,speaking,spoken/about/of/out weigh/in play/down lash/out rail/against
    go=goes,went,going,gone/on push/for/back single/out spell/out open+/up side/with`,
};

function thirdPerson(l: string): string {
  if (/(s|x|z|ch|sh|o)$/.test(l)) return l + 'es';
  if (/[^aeiou]y$/.test(l)) return l.slice(0, -1) + 'ies';
  return l + 's';
}

function past(l: string, double: boolean): string {
  if (double) return l + l.charAt(l.length - 1) + 'ed';
  if (l.endsWith('e')) return l + 'd';
  if (/[^aeiou]y$/.test(l)) return l.slice(0, -1) + 'ied';
  return l + 'ed';
}

function gerund(l: string, double: boolean): string {
  if (double) return l + l.charAt(l.length - 1) + 'ing';
  if (l.endsWith('ie')) return l.slice(0, -2) + 'ying';
  if (l.endsWith('e') && !/(ee|ye|oe)$/.test(l)) return l.slice(0, -1) + 'ing';
  return l + 'ing';
}

const WEAK_FORMS: readonly [string, string][] = [['support', 'support'], ['find', 'find'], ['thought', 'think'],
  ['feel', 'feel'], ['feels', 'feel'], ['felt', 'feel'], ['mean', 'mean'], ['means', 'mean'], ['meant', 'mean'],
  ['consider', 'consider'], ['seek', 'seek'], ['expects', 'expect'], ['know', 'know'], ['knew', 'know'],
  ['add', 'add'], ['comment', 'comment'], ['report', 'report'], ['understands', 'understand'], ['maintains', 'maintain']];

/** Form → entry. A form listed under two strengths keeps the first (strongest) one. */
export const CUE_VERBS: ReadonlyMap<string, VerbEntry> = (() => {
  const map = new Map<string, VerbEntry>();
  // `state` is mostly a noun (`the state`, `states`): only its unambiguous forms are listed.
  const state: VerbEntry = { lemma: 'state', strength: 'strong', particles: [] };
  map.set('stated', state);
  map.set('stating', state);
  // Past forms only: `attacks`, `rules` and `debate` are mostly nouns.
  for (const [form, lemma] of [['attacked', 'attack'], ['ruled', 'rule'], ['debated', 'debate']]) {
    map.set(form, { lemma, strength: 'medium', particles: [] });
  }
  // Forms that are more often something else (a noun, `feels heavier`, `find it`, `support the bill`) than a
  // report in PolNeAR train: they need `that`, a quote, a colon or a clause after them.
  for (const [form, lemma] of WEAK_FORMS) map.set(form, { lemma, strength: 'weak', particles: [] });
  for (const strength of ['strong', 'medium', 'weak', 'particle'] as CueStrength[]) {
    for (const spec of VERBS[strength].split(/\s+/)) {
      if (!spec) continue;
      const [head, ...particles] = spec.split('/');
      const [lemmaPart, irregular] = head.split('=');
      const double = lemmaPart.endsWith('+');
      const lemma = double ? lemmaPart.slice(0, -1) : lemmaPart;
      const forms = irregular ? [lemma, ...irregular.split(',')] :
        [lemma, thirdPerson(lemma), past(lemma, double), gerund(lemma, double)];
      const entry: VerbEntry = { lemma, strength, particles };
      for (const f of forms) if (!map.has(f)) map.set(f, entry);
    }
  }
  return map;
})();

function words(s: string): ReadonlySet<string> {
  return new Set(s.split(/\s+/).filter(Boolean));
}

/** Nouns that report speech or belief when followed by `that` or a quote: `his claim that ...`. */
export const CUE_NOUNS = words(`statement claim claims allegation allegations assertion warning announcement suggestion
  argument belief fear fears concern concerns view insistence accusation accusations criticism promise pledge prediction
  estimate speculation suspicion admission contention charge testimony remarks comments complaint vow
  assessment conclusion finding findings hope hopes expectation expectations rumor rumors rumour rumours report reports
  worry worries theory`);

/** Participles that make an agentless attribution after a form of `be`: `is expected to`, `is believed that`. */
export const AGENTLESS_PARTICIPLES = words(`expected believed thought considered viewed regarded said reported rumored
  rumoured described hailed alleged suspected estimated projected predicted deemed understood feared reputed
  seen billed touted branded dubbed criticized accused blamed praised condemned faulted credited`);

/** `seems to`: an impression with no holder (PolNeAR marks these without a source). */
export const SEEM_FORMS = words('seem seems seemed seeming');

/** Participles that attribute without a verb `be`: `a country seen as ...`. */
export const AS_PARTICIPLES = words('seen viewed regarded hailed considered described dubbed billed touted branded deemed');

export const BE_FORMS = words(`is are was were be been being 's 're am`);

/** Auxiliaries and adverbs that may stand between a subject and its cue verb; they join the cue span. */
export const CUE_PREFIX = words(`has have had 's 've 'd 're 'll will would could should may might must can did does do is are
  was were been be also later then previously repeatedly recently once again further first never not n't already still
  often reportedly publicly privately now just even quickly immediately long initially openly formally officially
  widely strongly clearly flatly explicitly specifically earlier ever always frequently simply emphatically angrily
  sharply bluntly loudly quietly separately subsequently allegedly apparently didn't doesn't don't nevertheless
  nonetheless however meanwhile instead
  hasn't haven't wouldn't won't can't couldn't isn't wasn't aren't weren't`);

/** Adjuncts that may sit between a cue and its content: `said Tuesday that`, `said in a statement`. */
export const TIME_WORDS = words(`monday tuesday wednesday thursday friday saturday sunday today yesterday tonight
  earlier later recently again last this next week month year morning afternoon evening night weekend previously
  repeatedly also too then once publicly privately`);

/** Media of a statement: `in a statement`, `in an interview with CNN`. */
export const MEDIA_NOUNS = words(`statement interview email e-mail letter tweet post blog memo speech release
  interviews note message briefing call conference filing op-ed column essay video podcast broadcast appearance
  news television radio report remarks testimony press`);

/** Words before a colon that introduce something other than a speaker: `Update:`, `Editor's note:`. */
export const NOT_SPEAKERS = words(`update updated note watch read related photo photos video breaking exclusive live
  advertisement correction clarification source sources caption credit editor's editor analysis opinion commentary
  q a question answer example also more see and but so here there this that these those it's what why how when
  gallery map chart graphic image images audio listen transcript timeline latest`);

/** Words that end a source phrase when walking left from the cue. */
export const SOURCE_STOPS = words(`that which where when while if because since although though whereas unless until
  but so yet than as after before during whether whom how why what though nor or said says told say`);

/** Tokens that may open a reported clause. */
export const CLAUSE_OPENERS = words(`he she it they we i you there this these those that his her their its our my
  the a an some many most no every all any one two three if whether how why what when where who`);

export const PRONOUNS = words(`he she it they we i you him her them us me`);

/** Speech-verb objects that belong to the cue side, not the content: `told reporters`, `told CNN`. */
export const TELL_VERBS = words('tell tells told telling inform informs informed informing assure assures assured assuring remind reminds reminded reminding ask asks asked asking warn warns warned warning urge urges urged urging');

/** Heads of a source phrase that point at particular, unnamed people. */
export const ANONYMOUS_HEADS = words(`official officials source sources aide aides adviser advisers advisor advisors
  spokesman spokeswoman spokesperson spokespeople insider insiders diplomat diplomats investigator investigators
  staffer staffers operative operatives strategist strategists associate associates confidant confidants ally allies
  representative representatives lawyer lawyers attorney attorneys officer officers agent agents
  person executive executives prosecutors detectives member members lawmaker lawmakers negotiator negotiators administrator
  administrators witness witnesses friend friends reporter reporters doctor questioner relative relatives acquaintance acquaintances colleague colleagues
  staff team`);

/** Heads (or quantifiers) that point at a class or at no one in particular. */
export const VAGUE_HEADS = words(`some many most few several others other critics critic experts expert analysts
  analyst observers observer commentators commentator pundits pundit reports report media rumors rumours rumor rumour
  people everyone everybody someone somebody anyone nobody americans voters supporters opponents economists
  scientists researchers skeptics sceptics conservatives liberals progressives
  speculation accounts outlets publications numerous scholars historians observers activists advocates residents
  locals citizens fans users viewers readers parents doctors academics polls surveys studies analyses statistics
  republicans democrats all`);

/** Common nouns that can speak or hold a view (besides the anonymous and vague heads). */
export const SPEAKER_NOUNS = words(`company campaign group agency government administration committee party court judge
  police president senator governor candidate nominee leader chairman chairwoman chair director spokesman official
  report study poll survey statement letter memo ad editorial newspaper paper board network organization union firm
  bank department ministry office council commission team staff website post tweet article story book filing
  complaint lawsuit ruling document documents data figures records memoir biography analysis review audit index
  economy market markets house senate congress administration white regime military army navy church school
  university college hospital family mother father wife husband son daughter brother sister man woman men women
  people person boy girl child children kids parent parents crowd audience public nation country state city
  county town community world everyone nobody somebody someone anybody anyone others author writer authors
  founder co-founder owner ceo chief head member members clinton trump obama magazine outlet publication site blog
  page account channel station agency average averages slide transcript research findings results numbers evidence
  estimates projections model tally count video footage photo chart map graph table ad ads commercial spot clip
  message messages note sign release platform bill law proposal budget legislation amendment order guidance
  rule regulation policy agreement treaty deal resolution measure`);

/** Adjectives of belief or feeling after a form of `be`: `officials are worried`, `he is confident that`. */
export const BELIEF_ADJECTIVES = words(`concerned worried confident convinced optimistic pessimistic skeptical sceptical
  hopeful afraid sure certain adamant unconvinced doubtful fearful wary alarmed troubled adamant`);

/** Quantifiers that make a group vague: `many Republicans worry`. */
export const VAGUE_QUANTIFIERS = words('some many most few several numerous various other others countless');

/** `people familiar with the matter`, `sources close to the talks`: unnamed insiders. */
export const FAMILIAR_WORDS = words('familiar close briefed knowledgeable involved');

/** Capitalized words that do not make a phrase a proper name. */
export const NON_NAME_CAPS = words(`the a an some many most several few other this that these those his her their its
  our my one two three four five six seven eight nine ten both all another each every current former senior top
  according in on at of`);

/** Abbreviations written with a separate final dot that do not end a sentence. */
export const ABBREVIATIONS = words(`mr mrs ms dr prof sen sens rep reps gov gen lt col sgt capt cmdr adm maj st mt ft
  jr sr jan feb mar apr aug sep sept oct nov dec vs v no gov't pres supt det insp rev hon atty corp inc co ltd
  bros dept est approx fig vol ave blvd messrs mmes cf al e.g i.e`);

/** Words that, after `U.S.` and the like, show a new sentence has begun. */
export const SENTENCE_STARTERS = words(`the it he she they we i but and in a an this that there his her their its our
  however yet so if when while after before as on at for one some many most officials`);

/** The article's own voice: first and second person outside quotations are not attributions. */
export const AUTHOR_PRONOUNS = words(`i we you i'd i've i'm we've we'd we're you'd you'll you've you're i'll we'll`);

/** `raised fears that`, `raised concerns`: an attributed worry with no holder. */
export const RAISE_FORMS = words('raise raises raised raising');
export const WORRY_NOUNS = words('fears fear concerns concern questions doubts alarm worries suspicions speculation');

/** Anonymity markers, as word sequences (lower-case tokens). */
export const ANONYMITY_MARKERS: readonly (readonly string[])[] = [
  'speaking on condition of anonymity', 'speaking on the condition of anonymity', 'on condition of anonymity',
  'on the condition of anonymity', 'on condition that they not be named', 'on condition that he not be named',
  'on condition that she not be named', 'speaking anonymously', 'who spoke anonymously', 'requested anonymity',
  'insisted on anonymity', 'granted anonymity', 'demanded anonymity', 'asked for anonymity',
  'who asked not to be named', 'who asked not to be identified', 'asked not to be named', 'asked not to be identified',
  'declined to be named', 'declined to be identified', 'refused to be named', 'refused to be identified',
  'would not be named', 'not to be named', 'not to be identified', 'not authorized to speak', 'not authorized to discuss',
  'not authorized to comment', 'not authorized to speak publicly', 'not authorized to talk', 'not authorized to comment publicly',
  'not authorized to discuss the matter', 'not authorized to be quoted', 'not authorised to speak',
  'not permitted to speak', 'on background', 'privately', 'anonymously',
].map((s) => s.split(' '));

/**
 * Non-responses, as a head word and what may follow it. Matching is done in `nonresponse.ts`.
 */
export const NON_RESPONSE_NEGATIONS = words(`not n't never didn't hasn't haven't wouldn't couldn't doesn't don't won't
  wasn't weren't isn't aren't hadn't`);
export const NON_RESPONSE_VERBS = words(`respond responded responding reply replied return returned answer answered
  comment commented say said address addressed elaborate elaborated specify specified provide provided offer offered
  describe described confirm confirmed disclose disclosed explain explained reveal revealed detail detailed`);
export const DECLINE_VERBS = words('declined declines decline declining refused refuses refuse refusing');
export const DECLINE_OBJECTS = words(`comment say discuss elaborate specify answer respond provide identify confirm
  disclose address release reveal name speculate detail explain`);
