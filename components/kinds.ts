import type { SourceKind } from '@/utils/attribution/types';

/** What each kind means, in one line the reader can act on. */
export const KIND_EXPLANATIONS: Record<SourceKind, string> = {
  named: 'named: the article says who this is',
  anonymous: 'anonymous: the article withholds who this is',
  vague: 'vague: no specific source, only a group, a report or an impersonal phrase',
  'non-response': 'non-response: the source did not comment',
};

export const KIND_LABELS: Record<SourceKind, string> = {
  named: 'named',
  anonymous: 'anonymous',
  vague: 'vague',
  'non-response': 'non-response',
};
