// Where a log follower got to: every event at or below `position` has been projected.
import { Schema, type Connection, type Model } from 'mongoose';

export interface CheckpointDocument {
  _id: string;
  position: number;
  updatedAt: Date;
}

export const checkpointSchema = new Schema<CheckpointDocument>(
  { _id: String, position: Number, updatedAt: Date },
  { collection: 'checkpoints', versionKey: false, autoIndex: false },
);

export type CheckpointModel = Model<CheckpointDocument>;

export function checkpointModel(connection: Connection): CheckpointModel {
  return (
    (connection.models.Checkpoint as CheckpointModel | undefined) ??
    connection.model('Checkpoint', checkpointSchema)
  );
}
