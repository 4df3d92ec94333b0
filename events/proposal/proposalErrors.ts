// Why a proposal command was refused, beyond bad input (ReportInputError) and a stale
// revision (RevisionConflictError): the caller is not the one allowed to do it.
export class ProposalForbiddenError extends Error {
  override name = 'ProposalForbiddenError';
}
