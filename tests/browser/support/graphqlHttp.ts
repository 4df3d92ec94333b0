// Test set-up and checks of the viewer against the API use the tests' one GraphQL client.
export { graphqlData as graphqlCall } from '../../support/graphqlHttp';
export type { GraphQLResponse } from '../../support/graphqlHttp';
