// One record per (actor, clientMutationId): the fingerprint of the input first sent with it,
// so a replay with the same input is answered from the log and one with another input refused.
import { Schema, type Connection, type Model } from 'mongoose';

export interface MutationRecordDocument {
  /** `${actorId}:${clientMutationId}` */
  _id: string;
  inputHash: string;
  reportId: string | null;
  createdAt: Date;
}

export const mutationRecordSchema = new Schema<MutationRecordDocument>(
  { _id: String, inputHash: String, reportId: { type: String, default: null }, createdAt: Date },
  { collection: 'mutations', versionKey: false, autoIndex: false },
);

export type MutationRecordModel = Model<MutationRecordDocument>;

export function mutationRecordModel(connection: Connection): MutationRecordModel {
  return (
    (connection.models.MutationRecord as MutationRecordModel | undefined) ??
    connection.model('MutationRecord', mutationRecordSchema)
  );
}
