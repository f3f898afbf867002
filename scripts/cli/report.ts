/** The CLI's two output forms: the JSON contract (docs/architecture.md) and a readable report. */
import type { Claim, SourceKind } from '../../utils/attribution/types';
import { SOURCE_KINDS } from '../../utils/attribution/types';

export interface AnnotateResult {
  version: 1;
  file?: string;
  isArticle: boolean;
  text: string;
  claims: Claim[];
  counts: Record<SourceKind, number>;
}

export function countKinds(claims: readonly Claim[]): Record<SourceKind, number> {
  const counts = Object.fromEntries(SOURCE_KINDS.map((k) => [k, 0])) as Record<SourceKind, number>;
  for (const c of claims) counts[c.kind]++;
  return counts;
}

function oneLine(s: string, max: number): string {
  const flat = s.replace(/\s+/g, ' ').trim();
  return flat.length > max ? flat.slice(0, max - 1) + '…' : flat;
}

/** A plain-text report: one block per claim, then the counts. */
export function formatReport(r: AnnotateResult, name: string): string {
  const lines: string[] = [];
  lines.push(`${name}: ${r.isArticle ? `${r.text.length} characters of article text` : 'not an article'}, ${r.claims.length} attributed claims`);
  for (const c of r.claims) {
    lines.push('');
    lines.push(`  [${c.kind}] ${oneLine(c.source?.text ?? '(no source)', 80)} — “${oneLine(c.cue.text, 40)}”  @${c.cue.start}`);
    if (c.marker) lines.push(`    marker:  ${oneLine(c.marker.text, 100)}`);
    if (c.content) lines.push(`    content: ${oneLine(c.content.text, 160)}`);
  }
  lines.push('');
  lines.push('  ' + SOURCE_KINDS.map((k) => `${k}: ${r.counts[k]}`).join('  '));
  return lines.join('\n');
}
