// The bench's GraphQL-over-HTTP client (one connection per request), shared with these tests.
export * from '../../../bench/support/graphqlClient';
