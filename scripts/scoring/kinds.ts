/** Kind scoring: accuracy on matched attributions, and flagging of unnamed (anonymous + vague) sources. */
import { Counts } from './match';

export type Kind = 'named' | 'anonymous' | 'vague' | 'non-response';

const unnamed = (k: Kind | null | undefined): boolean => k === 'anonymous' || k === 'vague';

export class KindCounts {
  matched = 0;
  correct = 0;
  /** End to end: predicted unnamed vs gold unnamed; a true positive is a matched pair where both are unnamed. */
  flag = new Counts();
  /** The same, counted on matched pairs only (how well kinds are told apart once an attribution is found). */
  flagMatched = new Counts();
  /** Confusion on matched pairs: gold → predicted → count. */
  confusion = new Map<string, number>();

  add(other: KindCounts): void {
    this.matched += other.matched;
    this.correct += other.correct;
    this.flag.add(other.flag);
    this.flagMatched.add(other.flagMatched);
    for (const [k, v] of other.confusion) this.confusion.set(k, (this.confusion.get(k) ?? 0) + v);
  }

  get accuracy(): number {
    return this.matched ? this.correct / this.matched : 0;
  }

  /** `pred`/`gold` kinds per attribution (gold may be unknown: undefined), `pairs` from the cue matching. */
  score(pred: readonly Kind[], gold: readonly (Kind | undefined)[], pairs: readonly [number, number][]): void {
    this.flag.pred += pred.filter(unnamed).length;
    this.flag.gold += gold.filter(unnamed).length;
    for (const [p, g] of pairs) {
      const gk = gold[g];
      if (!gk) continue;
      this.matched++;
      if (pred[p] === gk) this.correct++;
      if (unnamed(pred[p]) && unnamed(gk)) {
        this.flag.tp++;
        this.flagMatched.tp++;
      }
      if (unnamed(pred[p])) this.flagMatched.pred++;
      if (unnamed(gk)) this.flagMatched.gold++;
      const key = `${gk}→${pred[p]}`;
      this.confusion.set(key, (this.confusion.get(key) ?? 0) + 1);
    }
  }
}
