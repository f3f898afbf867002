import type { SourceGroup } from '@/utils/claims-summary';
import { KIND_LABELS } from './kinds';

/** The page's sources, grouped: "U.S. officials — 2 claims, anonymous"; choosing one shows its first claim. */
export function SourceList({ sources, onShow }: { sources: SourceGroup[]; onShow: (claim: number) => void }) {
  return (
    <ul class="source-list">
      {sources.map((group) => (
        <li class={`source source-${group.kind}`} data-kind={group.kind}>
          <button type="button" class="source-button" onClick={() => onShow(group.claims[0])}>
            <span class="source-label">{group.label}</span>
            <span class="source-meta">
              {' '}
              — {group.claims.length} {group.claims.length === 1 ? 'claim' : 'claims'}, {KIND_LABELS[group.kind]}
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}
