/**
 * Speed benchmark: MB/s of `annotate` on article text and on adversarial inputs at 10 KB … 10 MB, with the
 * growth ratio time(10x) / time(x) (about 10 means linear). Run: npm run bench:speed [-- --max 1000000]
 */
import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { annotate } from '../utils/attribution/index';

const args = process.argv.slice(2);
const maxIndex = args.indexOf('--max');
const maxSize = maxIndex >= 0 ? Number(args[maxIndex + 1]) : 10_000_000;
const SIZES = [10_000, 100_000, 1_000_000, 10_000_000].filter((s) => s <= maxSize);

const devFile = resolve(process.cwd(), '../shared/corpus/polnear/dev.jsonl');
if (!existsSync(devFile)) {
  console.error(`bench-speed: PolNeAR dev not found at ${devFile}`);
  process.exit(1);
}
const articleList = readFileSync(devFile, 'utf8').split('\n').filter((l) => l.trim())
  .map((l) => (JSON.parse(l) as { text: string }).text);
const articles = articleList.join('\n\n');

function fill(unit: string, size: number, prefix = ''): string {
  let s = prefix;
  while (s.length < size) s += unit;
  return s.slice(0, size);
}

const INPUTS: [string, (size: number) => string][] = [
  ['article text (PolNeAR dev)', (n) => fill(articles + '\n\n', n)],
  ['unclosed quotation', (n) => fill('He said it was fine, and officials said so too. ', n, '"')],
  ['"said" repeated', (n) => fill('said ', n)],
  ['one sentence, no full stop', (n) => fill('the plan, which officials said was sound, ', n, 'Officials said that ')],
  ['no spaces', (n) => fill('abcdefghij', n)],
  ['nested curly quotes', (n) => fill('“He said “they said “we said ', n)],
];

function time(text: string): number {
  const runs = text.length <= 100_000 ? 5 : text.length <= 1_000_000 ? 2 : 1;
  let best = Infinity;
  for (let r = 0; r < runs; r++) {
    const t0 = process.hrtime.bigint();
    annotate(text);
    best = Math.min(best, Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return best;
}

for (let r = 0; r < 3; r++) for (const a of articleList) annotate(a); // warm up the JIT
{
  // The real workload: one article at a time (84 PolNeAR dev articles, 0.4 MB), best of 5 passes.
  let best = Infinity;
  for (let r = 0; r < 5; r++) {
    const t0 = process.hrtime.bigint();
    for (const a of articleList) annotate(a);
    best = Math.min(best, Number(process.hrtime.bigint() - t0) / 1e6);
  }
  console.log(`per article (${articleList.length} PolNeAR dev articles, ${(articles.length / 1e6).toFixed(2)} MB): ${best.toFixed(0)} ms, ` +
    `${(articles.length / 1e6 / (best / 1000)).toFixed(1)} MB/s`);
  const whole = time(articles);
  console.log(`all of PolNeAR dev as one text: ${whole.toFixed(0)} ms, ${(articles.length / 1e6 / (whole / 1000)).toFixed(1)} MB/s`);
  const [load] = loadavg();
  console.log(`(load average ${load.toFixed(1)} on ${availableParallelism()} cores: timings are wall clock)\n`);
}
console.log('input'.padEnd(30) + SIZES.map((s) => `${s / 1000} KB`.padStart(16)).join('') + '   growth (time 10x / time x)');
for (const [name, make] of INPUTS) {
  const times = SIZES.map((s) => time(make(s)));
  const cells = times.map((t, i) => `${t.toFixed(1)} ms ${(SIZES[i] / 1e6 / (t / 1000)).toFixed(0)}MB/s`.padStart(16));
  const growth = times.slice(1).map((t, i) => (t / times[i]).toFixed(1)).join(' ');
  console.log(name.padEnd(30) + cells.join('') + '   ' + growth);
}
