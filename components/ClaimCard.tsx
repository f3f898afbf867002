import type { Ref } from 'preact';
import type { Claim } from '@/utils/attribution/types';
import { KIND_EXPLANATIONS } from './kinds';

interface Props {
  claim: Claim;
  /** Position of this claim among the page's claims, for "3 of 19". */
  position: number;
  total: number;
  onAddNote: () => void;
  onClose: () => void;
  cardRef?: Ref<HTMLDivElement>;
}

/**
 * The hover/focus card of a claim: who is behind it, what kind of source that is, the cue
 * and any anonymity marker. Everything from the page is rendered as text.
 */
export function ClaimCard({ claim, position, total, onAddNote, onClose, cardRef }: Props) {
  const source = claim.source?.text ?? 'No source given';
  return (
    <div
      class={`sl-card sl-card-${claim.kind}`}
      role="dialog"
      aria-label={`Claim ${position + 1} of ${total}: ${source}`}
      tabIndex={-1}
      ref={cardRef}
      onKeyDown={(event) => event.key === 'Escape' && onClose()}
    >
      <p class="sl-card-source">{source}</p>
      <p class="sl-card-kind">
        <span class={`sl-kind-badge sl-kind-${claim.kind}`} aria-hidden="true" />
        {KIND_EXPLANATIONS[claim.kind]}
      </p>
      <dl class="sl-card-details">
        <dt>Cue</dt>
        <dd>{claim.cue.text}</dd>
        {claim.marker && (
          <>
            <dt>Marker</dt>
            <dd>{claim.marker.text}</dd>
          </>
        )}
      </dl>
      <div class="sl-row sl-actions">
        <span class="sl-card-position">
          {position + 1} / {total}
        </span>
        <button type="button" class="sl-button" onClick={onClose}>
          Close
        </button>
        <button type="button" class="sl-button sl-primary" onClick={(event) => event.isTrusted && onAddNote()}>
          Add note
        </button>
      </div>
    </div>
  );
}
