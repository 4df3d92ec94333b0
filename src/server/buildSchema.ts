import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { ServiceResolver } from '../../resolvers/serviceResolver';

export async function buildLedgerSchema(): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers: [ServiceResolver],
    validate: false,
  });
}
