// The agency review policy on the command path: with it set, an editor's setFigures is refused
// with REVIEW_REQUIRED and the change goes through proposeChanges. Admins are not held by it
// (they set the policy), and an approved proposal is applied past it.
import { reviewRequiredOf } from '../../../events/proposal/agencyReviewPolicy';
import { agencyStreamId } from '../../../events/report/ids';
import { ReviewRequiredError, type Principal } from '../../auth/principal';
import type { ProjectionContext } from '../../projections/projectionContext';

/** Whether the agency's stream says edits need review (read from the log: commands decide on it). */
export async function agencyRequiresReview(
  context: ProjectionContext,
  agencyId: string,
): Promise<boolean> {
  return reviewRequiredOf(await context.store.readStream(agencyStreamId(agencyId)));
}

/** Throws ReviewRequiredError when an editor edits a report of an agency that requires review. */
export async function assertDirectEditAllowed(
  context: ProjectionContext,
  principal: Principal,
  reportId: string,
): Promise<void> {
  if (principal.kind !== 'token' || principal.role !== 'editor') return;
  const summary = await context.models.summaries
    .findById(reportId, { agencyId: 1 })
    .lean<{ agencyId?: string }>()
    .exec();
  // An unknown report is reported by the command itself (NOT_FOUND).
  if (!summary?.agencyId) return;
  if (await agencyRequiresReview(context, summary.agencyId)) {
    throw new ReviewRequiredError(
      'this agency requires review: propose the change with proposeChanges; a reviewer approves it',
    );
  }
}
