// Whether an agency requires review: edits of its reports by editors go through proposals.
// Folded from the agency stream, so the command path decides from the log, not a read model.
import type { AgencyReviewPolicySetData } from '../report/eventCatalog';
import type { RecordedEvent } from '../store/types';

export function reviewRequiredOf(
  events: ReadonlyArray<Pick<RecordedEvent, 'type' | 'data'>>,
): boolean {
  return events.reduce(
    (required, event) =>
      event.type === 'AgencyReviewPolicySet'
        ? (event.data as AgencyReviewPolicySetData).reviewRequired
        : required,
    false,
  );
}
