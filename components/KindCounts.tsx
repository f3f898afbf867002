import type { KindCounts as Counts } from '@/utils/messaging';

const LABELS: Array<[keyof Counts, string]> = [
  ['named', 'named'],
  ['anonymous', 'anonymous'],
  ['vague', 'vague'],
  ['non-response', 'non-response'],
];

/** "19 claims: 15 named, 1 anonymous, 2 vague, 1 non-response", with a badge per kind. */
export function KindCounts({ counts }: { counts: Counts }) {
  const total = LABELS.reduce((sum, [kind]) => sum + counts[kind], 0);
  return (
    <div class="kind-counts" data-total={total}>
      <p class="kind-total">
        {total} {total === 1 ? 'claim' : 'claims'}
      </p>
      <ul class="kind-list">
        {LABELS.map(([kind, label]) => (
          <li class={`kind kind-${kind}`} data-kind={kind}>
            <span class="kind-count">{counts[kind]}</span> {label}
          </li>
        ))}
      </ul>
    </div>
  );
}
