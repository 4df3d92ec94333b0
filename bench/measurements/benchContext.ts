// What every measurement gets: the ledger opened in this process (raw driver baselines, bulk
// loading), the server child process (what is measured), and the report all reads target.
import type { Ledger } from '../../src/application/createLedger';
import type { BenchProfile } from '../benchProfile';
import type { GraphqlClient } from '../support/graphqlClient';
import type { ServerProcess } from '../support/serverProcess';

export interface MeasuredReport {
  /** Global id (API). */
  id: string;
  /** Internal report id (read model _id). */
  reportId: string;
  agency: string;
  year: number;
  revision: number;
  /** An instant between the first and last API edit, for asOf. */
  midpoint: Date;
  /** The figure every API edit touched (its history grows). */
  editedKey: string;
}

export interface BenchContext {
  profile: BenchProfile;
  uri: string;
  databaseName: string;
  ledger: Ledger;
  server: ServerProcess;
  api: GraphqlClient;
  token: string;
  report: MeasuredReport;
}
