// Proposal stream ids. A proposal id is a UUID chosen by the server when it is opened.
export const PROPOSAL_STREAM_PREFIX = 'proposal-';

export function proposalStreamId(proposalId: string): string {
  return `${PROPOSAL_STREAM_PREFIX}${proposalId}`;
}

/** The proposal id of a proposal stream, or null for any other stream. */
export function proposalIdOfStream(streamId: string): string | null {
  return streamId.startsWith(PROPOSAL_STREAM_PREFIX)
    ? streamId.slice(PROPOSAL_STREAM_PREFIX.length)
    : null;
}
