import type { SourceKind } from '@/utils/attribution/types';
import { unnamedShare, type KindCounts as Counts } from '@/utils/claims-summary';
import { KIND_LABELS } from './kinds';

const KINDS: SourceKind[] = ['named', 'anonymous', 'vague', 'non-response'];

/** "19 claims: 15 named, 1 anonymous, 2 vague, 1 non-response", and the share resting on unnamed sources. */
export function KindCounts({ counts }: { counts: Counts }) {
  const total = KINDS.reduce((sum, kind) => sum + counts[kind], 0);
  const share = Math.round(unnamedShare(counts) * 100);
  const sentence = `${total} ${total === 1 ? 'claim' : 'claims'}: ${KINDS.map((kind) => `${counts[kind]} ${KIND_LABELS[kind]}`).join(', ')}`;
  return (
    <div class="kind-counts" data-total={total} aria-label={sentence}>
      <p class="kind-total">
        {total} {total === 1 ? 'claim' : 'claims'}
      </p>
      <ul class="kind-list" aria-hidden="true">
        {KINDS.map((kind) => (
          <li class={`kind kind-${kind}`} data-kind={kind}>
            <span class="kind-count">{counts[kind]}</span> {KIND_LABELS[kind]}
          </li>
        ))}
      </ul>
      {total > 0 && (
        <p class="unnamed-share">
          <strong>{share}%</strong> of claims rest on anonymous or vague sources.
        </p>
      )}
    </div>
  );
}
