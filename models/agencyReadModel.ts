// Agencies, one document per agency stream.
import { Schema, type Connection, type Model } from 'mongoose';

export interface AgencyReadDocument {
  _id: string;
  name: string;
  /** Normalised name, unique. */
  nameKey: string;
  registeredAt: Date;
  /** Global position of the AgencyRegistered event. */
  position: number;
  /** Sample data (AgencyMarkedSample): left out of lists unless asked for. */
  sample?: boolean;
  /** Removed (AgencyRemoved): left out of every list; still readable by id. */
  removed?: boolean;
}

export const agencyReadSchema = new Schema<AgencyReadDocument>(
  {
    _id: String,
    name: String,
    nameKey: { type: String },
    registeredAt: Date,
    position: Number,
    sample: Boolean,
    removed: Boolean,
  },
  { collection: 'agencies', versionKey: false, autoIndex: false },
);
agencyReadSchema.index({ nameKey: 1 }, { unique: true });

export type AgencyReadModel = Model<AgencyReadDocument>;

export function agencyReadModel(connection: Connection): AgencyReadModel {
  return (
    (connection.models.Agency as AgencyReadModel | undefined) ??
    connection.model('Agency', agencyReadSchema)
  );
}
