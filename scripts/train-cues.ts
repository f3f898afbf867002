/**
 * Trains the learned cue pass (utils/attribution/learned-cues.ts) on PolNeAR train and writes its weights to
 * utils/attribution/cue-weights.ts. Only weights are written, never corpus text.
 *
 * Examples are the words the hand-written rules leave (outside quotations, not in a rule cue) whose form heads
 * a missed gold cue often enough. A word is positive when it heads a gold cue the rules missed (its first word
 * that is not an auxiliary, adverb, article or `to`); the other words of that cue are left out. The model is a
 * logistic regression over a weight per form, per form-in-context key (`lexicalKeys`) and per shared context
 * feature (`cueFeatures`), fitted with AdaGrad. The defaults below made the shipped weights; the threshold and
 * the learnable-form limits were chosen on PolNeAR dev, end to end, with bench:accuracy.
 * Run: npm run train:cues [-- --threshold 0.2 --min-positives 3 --min-rate 0.03 --min-key-count 8]
 * The rules it runs load the current weights (cues.ts lists the learned forms), so a change to the format
 * written below needs one run with the old loader in learned-cues.ts.
 */
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { sentenceClaims } from '../utils/attribution/claims';
import {
  cueFeatures, FEATURE_COUNT, FEATURE_NAMES, hasQuote, lexicalKeys, NEXT, nextClass, PREV, prevClass, type SentenceContext,
} from '../utils/attribution/cue-features';
import { CUE_PREFIX } from '../utils/attribution/lexicon';
import { markQuotes } from '../utils/attribution/quotes';
import { splitSentences } from '../utils/attribution/sentences';
import { tokenize } from '../utils/attribution/tokens';
import { loadPolnear } from './scoring/polnear';

const args = process.argv.slice(2);
const argValue = (name: string, fallback: number): number => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
/** Decision threshold on the log-odds. */
const THRESHOLD = argValue('--threshold', 0);
/** A form is learned only if it heads at least this many missed gold cues, at this rate at least. */
const MIN_POSITIVES = argValue('--min-positives', 3);
const MIN_RATE = argValue('--min-rate', 0.03);
/** A form-in-context key gets a weight only if this many examples have it. */
const MIN_KEY_COUNT = argValue('--min-key-count', 8);
/** Lighter context keys are not shipped (they barely move a score; this keeps the bundle small). */
const MIN_KEY_WEIGHT = 0.25;
const EPOCHS = 30;
const RATE = 0.1;
const L2_KEY = 1e-4;
const L2_FEATURE = 1e-5;

/** Words that open a cue span but do not head it (`to endorse`, `a statement`). */
const HEAD_SKIP = new Set(['to', 'a', 'an', 'the', 'his', 'her', 'their', 'its', 'in']);

interface Example {
  form: string;
  /** The form and its form-in-context keys (`lexicalKeys`). */
  keys: string[];
  features: number[];
  label: number;
}

function collect(file: string): Example[] {
  const examples: Example[] = [];
  for (const doc of loadPolnear(file)) {
    const { text } = doc;
    const tokens = tokenize(text);
    const quotes = markQuotes(tokens);
    const tokenAt = new Int32Array(text.length).fill(-1);
    tokens.forEach((t, k) => tokenAt.fill(k, t.start, t.end));
    const inRuleCue = new Uint8Array(tokens.length);
    const sentences = splitSentences(tokens, quotes);
    const contexts: SentenceContext[] = [];
    let found = 0;
    for (const s of sentences) {
      const claims = sentenceClaims(text, tokens, quotes, s.first, s.last, null, []);
      for (const c of claims) inRuleCue.fill(1, c.cue.first, c.cue.last);
      found += claims.length;
      contexts.push({ first: s.first, last: s.last, hasQuote: hasQuote(tokens, s.first, s.last), hasClaim: claims.length > 0, density: 0 });
    }
    for (const c of contexts) c.density = found / Math.max(1, sentences.length);
    // 1 = heads a gold cue the rules missed, 2 = another word of such a cue (left out).
    const role = new Uint8Array(tokens.length);
    for (const a of doc.attributions) {
      const words: number[] = [];
      for (const [s, e] of a.cue) {
        for (let c = s; c < e; c++) {
          const k = tokenAt[c];
          if (k >= 0 && tokens[k].type === 'word' && words[words.length - 1] !== k) words.push(k);
        }
      }
      if (words.length === 0) continue;
      if (words.some((k) => inRuleCue[k])) continue; // found by the rules: any other word of it would be a false alarm
      const head = words.find((k) => !CUE_PREFIX.has(tokens[k].lower) && !HEAD_SKIP.has(tokens[k].lower)) ?? words[0];
      for (const k of words) role[k] = k === head ? 1 : 2;
    }
    for (const ctx of contexts) {
      for (let i = ctx.first; i < ctx.last; i++) {
        const t = tokens[i];
        if (t.type !== 'word' || t.quote >= 0 || inRuleCue[i] || role[i] === 2) continue;
        const features: number[] = [];
        features.length = cueFeatures(tokens, i, ctx, prevClass(tokens, i, ctx.first), nextClass(tokens, i, ctx.last), features);
        examples.push({ form: t.lower, keys: [t.lower, ...lexicalKeys(tokens, i, ctx)], features, label: role[i] === 1 ? 1 : 0 });
      }
    }
  }
  return examples;
}

const corpus = join(resolve(process.cwd(), '../shared'), 'corpus', 'polnear');
const all = collect(join(corpus, 'train.jsonl'));
const counts = new Map<string, [number, number]>();
for (const e of all) {
  const c = counts.get(e.form) ?? [0, 0];
  c[0] += e.label;
  c[1]++;
  counts.set(e.form, c);
}
const learnable = new Set([...counts].filter(([, [pos, n]]) => pos >= MIN_POSITIVES && pos / n >= MIN_RATE).map(([f]) => f));
const examples = all.filter((e) => learnable.has(e.form));
console.log(`${all.length} words left by the rules; ${learnable.size} forms learnable, ${examples.length} examples, ` +
  `${examples.reduce((s, e) => s + e.label, 0)} positive`);

// A form-in-context key is weighted only if it is seen often enough to be trusted.
const keyCounts = new Map<string, number>();
for (const e of examples) for (const k of e.keys) keyCounts.set(k, (keyCounts.get(k) ?? 0) + 1);
for (const e of examples) e.keys = e.keys.filter((k, n) => n === 0 || keyCounts.get(k)! >= MIN_KEY_COUNT);

// AdaGrad on the log loss, with L2 shrinkage towards zero.
const weights = new Float64Array(FEATURE_COUNT);
const gradSq = new Float64Array(FEATURE_COUNT).fill(1e-8);
const keyWeights = new Map<string, number>();
const keyGradSq = new Map<string, number>();
for (const e of examples) for (const k of e.keys) {
  keyWeights.set(k, 0);
  keyGradSq.set(k, 1e-8);
}
let bias = 0;
let biasGradSq = 1e-8;
const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));
const score = (e: Example): number => bias + e.keys.reduce((s, k) => s + keyWeights.get(k)!, 0) +
  e.features.reduce((s, k) => s + weights[k], 0);
let seed = 1;
const random = (): number => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
for (let epoch = 0; epoch < EPOCHS; epoch++) {
  for (let k = examples.length - 1; k > 0; k--) {
    const j = Math.floor(random() * (k + 1));
    [examples[k], examples[j]] = [examples[j], examples[k]];
  }
  let loss = 0;
  for (const e of examples) {
    const p = sigmoid(score(e));
    loss -= e.label ? Math.log(p + 1e-12) : Math.log(1 - p + 1e-12);
    const g = p - e.label;
    biasGradSq += g * g;
    bias -= (RATE * g) / Math.sqrt(biasGradSq);
    for (const k of e.keys) {
      const w = keyWeights.get(k)!;
      const kg = g + L2_KEY * w;
      const sq = keyGradSq.get(k)! + kg * kg;
      keyGradSq.set(k, sq);
      keyWeights.set(k, w - (RATE * kg) / Math.sqrt(sq));
    }
    for (const k of e.features) {
      const wg = g + L2_FEATURE * weights[k];
      gradSq[k] += wg * wg;
      weights[k] -= (RATE * wg) / Math.sqrt(gradSq[k]);
    }
  }
  if (epoch % 10 === 9 || epoch === EPOCHS - 1) console.log(`epoch ${epoch + 1}: mean log loss ${(loss / examples.length).toFixed(4)}`);
}

let tp = 0;
let fp = 0;
let fn = 0;
for (const e of examples) {
  const yes = score(e) > THRESHOLD;
  if (yes && e.label) tp++;
  else if (yes) fp++;
  else if (e.label) fn++;
}
console.log(`train words at threshold ${THRESHOLD}: P ${(tp / (tp + fp)).toFixed(3)} R ${(tp / (tp + fn)).toFixed(3)} (${tp} of ${tp + fn})`);
const strongest = [...weights].map((w, k) => [FEATURE_NAMES[k], w] as const).sort((a, b) => Math.abs(b[1]) - Math.abs(a[1]));
console.log('strongest features:', strongest.slice(0, 12).map(([n, w]) => `${n} ${w.toFixed(2)}`).join(', '));

const round = (x: number): number => Math.round(x * 100) / 100;
// Forms are always kept (they say which words are candidates); context keys only when they matter.
// They are written as the lookup tables `learned-cues.ts` uses, so loading them is cheap: it happens
// every time the content script starts on a page.
const forms = [...learnable].sort((a, b) => a.localeCompare(b));
const formIndex = new Map(forms.map((form, index) => [form, index]));
const withPrev: number[] = [];
const withNext: number[] = [];
const withNextWord: (string | number)[] = [];
const prevWords: (string | number)[] = [];
const nextWords: (string | number)[] = [];
let contextKeys = 0;
for (const [key, w] of [...keyWeights].sort((a, b) => a[0].localeCompare(b[0]))) {
  if (learnable.has(key) || Math.abs(w) < MIN_KEY_WEIGHT) continue;
  contextKeys++;
  // Key names as `lexicalKeys` makes them: `<prev`, `>next`, `form|p:class`, `form|n:class`, `form+next`.
  if (key[0] === '<') prevWords.push(key.slice(1), round(w));
  else if (key[0] === '>') nextWords.push(key.slice(1), round(w));
  else if (key.includes('|p:')) {
    const [form, klass] = key.split('|p:');
    withPrev.push(formIndex.get(form)! * PREV.length + PREV.indexOf(klass as (typeof PREV)[number]), round(w));
  } else if (key.includes('|n:')) {
    const [form, klass] = key.split('|n:');
    withNext.push(formIndex.get(form)! * NEXT.length + NEXT.indexOf(klass as (typeof NEXT)[number]), round(w));
  } else {
    const cut = key.indexOf('+');
    withNextWord.push(formIndex.get(key.slice(0, cut))!, key.slice(cut + 1), round(w));
  }
}
const list = (values: readonly (string | number)[]) => `[${values.map((value) => JSON.stringify(value)).join(', ')}]`;
const out = `// Generated by scripts/train-cues.ts from PolNeAR train (weights only, no corpus text). Do not edit.
export const THRESHOLD = ${THRESHOLD};
export const BIAS = ${round(bias)};
export const FEATURE_WEIGHTS: readonly number[] = [${[...weights].map(round).join(', ')}];
/** The classes of the word before and after, in the order the indexes below use (cue-features.ts PREV, NEXT). */
export const PREV_CLASSES = ${JSON.stringify(PREV.join(' '))};
export const NEXT_CLASSES = ${JSON.stringify(NEXT.join(' '))};
/** The forms the model knows, space-separated; a form's index is its place here. */
export const FORMS = ${JSON.stringify(forms.join(' '))};
/** Each form's own weight, by index. */
export const FORM_OWN: readonly number[] = ${list(forms.map((form) => round(keyWeights.get(form)!)))};
/** \`form|p:class\` weights: (form index × PREV classes + class index, weight) pairs. */
export const WITH_PREV: readonly number[] = ${list(withPrev)};
/** \`form|n:class\` weights: (form index × NEXT classes + class index, weight) pairs. */
export const WITH_NEXT: readonly number[] = ${list(withNext)};
/** \`form+word\` weights: (form index, next word, weight) triples. */
export const WITH_NEXT_WORD: readonly (string | number)[] = ${list(withNextWord)};
/** \`<word\` and \`>word\` weights: (word, weight) pairs for the word before and after, whatever the form. */
export const PREV_WORDS: readonly (string | number)[] = ${list(prevWords)};
export const NEXT_WORDS: readonly (string | number)[] = ${list(nextWords)};
`;
writeFileSync(resolve(process.cwd(), 'utils/attribution/cue-weights.ts'), out);
console.log(`wrote utils/attribution/cue-weights.ts (${forms.length} forms, ${contextKeys} context keys)`);
