// What every resolver gets: the ledger, the caller and per-request loaders.
import type { Ledger } from '../src/application/createLedger';
import type { Principal } from '../src/auth/principal';
import type { Loaders } from './loaders';

export interface ApiLimits {
  maxPageSize: number;
}

export interface RequestContext {
  ledger: Ledger;
  principal: Principal;
  requestId: string;
  loaders: Loaders;
  limits: ApiLimits;
}
