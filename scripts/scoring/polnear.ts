/** Loads PolNeAR JSON Lines (and dev source kinds) and scores the annotator on them. */
import { readFileSync } from 'node:fs';
import { annotate } from '../../utils/attribution/index';
import type { Claim } from '../../utils/attribution/types';
import { type Kind, KindCounts } from './kinds';
import { emptyRoleCounts, type Interval, type RoleCounts, type Scored, scoreDocument } from './match';

export interface PolnearDoc {
  id: string;
  text: string;
  attributions: { id: string; source: [number, number][]; cue: [number, number][]; content: [number, number][] }[];
}

export function loadPolnear(file: string): PolnearDoc[] {
  return readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as PolnearDoc);
}

/** `doc/att` → kind, from `dev-kinds.jsonl`. */
export function loadKinds(file: string): Map<string, Kind> {
  const map = new Map<string, Kind>();
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const r = JSON.parse(line) as { doc: string; att: string; kind: Kind };
    map.set(`${r.doc}/${r.att}`, r.kind);
  }
  return map;
}

function merged(parts: [number, number][]): Interval | null {
  if (parts.length === 0) return null;
  return { start: parts[0][0], end: parts[parts.length - 1][1] };
}

export function claimToScored(c: Claim): Scored {
  return { cue: c.cue, source: c.source, content: c.content };
}

export interface PolnearResult {
  roles: RoleCounts;
  kinds: KindCounts;
  docs: number;
}

/** Runs `annotate` on every document and scores it; `onDoc` sees each document's predictions and pairs. */
export function scorePolnear(docs: PolnearDoc[], kinds: Map<string, Kind> | null,
  onDoc?: (doc: PolnearDoc, claims: Claim[], pairs: [number, number][]) => void): PolnearResult {
  const roles = emptyRoleCounts();
  const kindCounts = new KindCounts();
  for (const doc of docs) {
    const claims = annotate(doc.text);
    const gold: Scored[] = doc.attributions.map((a) => ({ cue: merged(a.cue)!, source: merged(a.source), content: merged(a.content) }));
    const pairs = scoreDocument(doc.text, claims.map(claimToScored), gold, roles);
    if (kinds) {
      kindCounts.score(claims.map((c) => c.kind), doc.attributions.map((a) => kinds.get(`${doc.id}/${a.id}`)), pairs);
    }
    onDoc?.(doc, claims, pairs);
  }
  return { roles, kinds: kindCounts, docs: docs.length };
}
