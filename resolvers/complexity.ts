// Per-field costs for graphql-query-complexity: a list field costs its page size times its
// children, so a client pays for what it asks the database and the server to assemble.
import type { ComplexityEstimator } from 'graphql-query-complexity';

export function perItem(defaultCount: number): ComplexityEstimator {
  return ({ args, childComplexity }) => {
    const first = typeof args.first === 'number' ? args.first : defaultCount;
    return 1 + Math.max(first, 1) * Math.max(childComplexity, 1);
  };
}

/** figures(keys): the number of keys asked for, else every figure. */
export const figuresCost: ComplexityEstimator = ({ args, childComplexity }) => {
  const count = Array.isArray(args.keys) ? args.keys.length : 200;
  return 1 + (count * Math.max(childComplexity, 1)) / 4;
};

/** Folds from the log: costs more than a read-model field. */
export const TIME_TRAVEL_COST = 20;
export const INTEGRITY_COST = 500;
