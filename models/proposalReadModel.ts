// Proposals, one document per proposal stream: its state as folded from the stream. Whether an
// open proposal is stale is not stored: it follows from the report as it is when read.
import { Schema, type Connection, type Model } from 'mongoose';
import type { ProposalState } from '../events/proposal/proposalState';

export type ProposalReadDocument = ProposalState & { _id: string };

export const proposalReadSchema = new Schema<ProposalReadDocument>(
  {
    _id: String,
    proposalId: String,
    reportId: String,
    agencyId: String,
    agency: String,
    year: Number,
    proposedBy: { id: String, name: String },
    reason: String,
    baseRevision: Number,
    changes: { type: Schema.Types.Mixed, default: () => [] },
    status: String,
    review: { type: Schema.Types.Mixed, default: null },
    notes: { type: Schema.Types.Mixed, default: () => [] },
    revision: Number,
    openedAt: Date,
    updatedAt: Date,
  },
  { collection: 'proposals', versionKey: false, minimize: false, autoIndex: false },
);
proposalReadSchema.index({ reportId: 1, openedAt: -1 });

export type ProposalReadModel = Model<ProposalReadDocument>;

export function proposalReadModel(connection: Connection): ProposalReadModel {
  return (
    (connection.models.Proposal as ProposalReadModel | undefined) ??
    connection.model('Proposal', proposalReadSchema)
  );
}
