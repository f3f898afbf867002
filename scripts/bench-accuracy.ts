/**
 * Accuracy benchmark: PolNeAR dev and train, and the labelled news pages (see scripts/scoring/match.ts for
 * how attributions are matched and scored). `--split test` adds the held-out PolNeAR test split (report
 * it once, never tune to it). `--errors N` prints N sample misses and false alarms from PolNeAR dev.
 * Run: npm run bench:accuracy [-- --split test] [-- --errors 20] [-- --no-train (skip train while iterating)]
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Claim } from '../utils/attribution/types';
import type { KindCounts } from './scoring/kinds';
import { loadLabels, resolveLabels, scoreLabels } from './scoring/labels';
import type { Counts, RoleCounts } from './scoring/match';
import { loadKinds, loadPolnear, type PolnearDoc, scorePolnear } from './scoring/polnear';

const shared = resolve(process.cwd(), '../shared');
const corpus = join(shared, 'corpus');
if (!existsSync(corpus)) {
  console.error(`bench-accuracy: corpus not found at ${corpus} (expected ../shared next to the repo)`);
  process.exit(1);
}
const args = process.argv.slice(2);
const argValue = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const withTest = argValue('--split') === 'test';
const errorSamples = Number(argValue('--errors') ?? 0);

const f = (x: number): string => x.toFixed(3);
const prf = (c: Counts): string => `${f(c.p)} ${f(c.r)} ${f(c.f1)}`;

interface Row {
  name: string;
  roles: RoleCounts;
  kinds: KindCounts | null;
  hasContent: boolean;
}

function printTable(rows: Row[]): void {
  const head = ['set', 'role', 'overlap P     R     F1', 'exact P     R     F1', 'gold', 'pred'];
  console.log(head[0].padEnd(14) + head[1].padEnd(9) + head[2].padEnd(24) + head[3].padEnd(22) + head[4].padStart(6) + head[5].padStart(7));
  for (const r of rows) {
    for (const role of ['cue', 'source', 'content'] as const) {
      if (role === 'content' && !r.hasContent) continue;
      const c = r.roles[role];
      const e = r.roles[`${role}Exact`];
      console.log(r.name.padEnd(14) + role.padEnd(9) + prf(c).padEnd(24) + prf(e).padEnd(22) + String(c.gold).padStart(6) + String(c.pred).padStart(7));
    }
  }
  console.log('');
  console.log('set'.padEnd(14) + 'attribution F1  kind acc (n)      anon+vague end-to-end P R F1   on matched P R F1');
  for (const r of rows) {
    if (!r.kinds) continue;
    console.log(r.name.padEnd(14) + f(r.roles.cue.f1).padEnd(16) + `${f(r.kinds.accuracy)} (${r.kinds.matched})`.padEnd(18) +
      prf(r.kinds.flag).padEnd(27) + prf(r.kinds.flagMatched));
  }
}

function printErrors(doc: PolnearDoc, claims: Claim[], pairs: [number, number][], budget: { miss: number; fa: number }): void {
  const matchedP = new Set(pairs.map((p) => p[0]));
  const matchedG = new Set(pairs.map((p) => p[1]));
  const ctx = (s: number, e: number): string => doc.text.slice(Math.max(0, s - 60), e + 60).replace(/\s+/g, ' ');
  doc.attributions.forEach((a, g) => {
    if (matchedG.has(g) || budget.miss <= 0) return;
    budget.miss--;
    const cue = a.cue.map(([s, e]) => doc.text.slice(s, e)).join(' ');
    const src = a.source.map(([s, e]) => doc.text.slice(s, e)).join(' ');
    console.log(`MISS [${cue}] {${src}} … ${ctx(a.cue[0][0], a.cue[0][1])}`);
  });
  claims.forEach((c, p) => {
    if (matchedP.has(p) || budget.fa <= 0) return;
    budget.fa--;
    console.log(`FA   [${c.cue.text}] {${c.source?.text ?? ''}} … ${ctx(c.cue.start, c.cue.end)}`);
  });
}

const started = Date.now();
const rows: Row[] = [];
const pol = join(corpus, 'polnear');
const devKinds = loadKinds(join(pol, 'dev-kinds.jsonl'));
const budget = { miss: errorSamples, fa: errorSamples };
const dev = scorePolnear(loadPolnear(join(pol, 'dev.jsonl')), devKinds, errorSamples ? (d, c, p) => printErrors(d, c, p, budget) : undefined);
rows.push({ name: 'polnear dev', roles: dev.roles, kinds: dev.kinds, hasContent: true });
if (!args.includes('--no-train')) {
  const train = scorePolnear(loadPolnear(join(pol, 'train.jsonl')), null);
  rows.push({ name: 'polnear train', roles: train.roles, kinds: null, hasContent: true });
}
if (withTest) {
  const test = scorePolnear(loadPolnear(join(pol, 'test.jsonl')), null);
  rows.push({ name: 'polnear TEST', roles: test.roles, kinds: null, hasContent: true });
}
const missing: string[] = [];
const pages = resolveLabels(loadLabels(join(corpus, 'labels', 'dev.jsonl')), join(corpus, 'labels', 'text'), missing);
const labels = scoreLabels(pages);
rows.push({ name: 'labels dev', roles: labels.roles, kinds: labels.kinds, hasContent: false });
if (errorSamples) console.log('');
printTable(rows);
console.log('');
console.log(`kind confusion (gold→pred) polnear dev: ${[...dev.kinds.confusion].filter(([k]) => k.split('→')[0] !== k.split('→')[1]).sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${v}`).join(', ')}`);
console.log(`kind confusion (gold→pred) labels dev: ${[...labels.kinds.confusion].filter(([k]) => k.split('→')[0] !== k.split('→')[1]).sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${v}`).join(', ')}`);
if (missing.length) console.log(`labels not located (${missing.length}): ${missing.join(' | ')}`);
console.log(`(${((Date.now() - started) / 1000).toFixed(1)} s)`);
