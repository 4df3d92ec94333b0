// Unit (the schema, no database): which operations the response cache may answer. Only
// queries whose every field reads the current read model of reports; a field outside the
// allow-list anywhere (also inside a fragment), time travel, or a mutation keeps it uncached.
import {
  Kind,
  parse,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { buildLedgerSchema } from '../../src/server/buildSchema';
import { isCacheableOperation } from '../../src/server/cacheableOperation';

let schema: GraphQLSchema;

beforeAll(async () => {
  schema = await buildLedgerSchema();
});

function cacheable(source: string, variables: Record<string, unknown> = {}): boolean {
  const document = parse(source);
  const operation = document.definitions.find(
    (definition): definition is OperationDefinitionNode =>
      definition.kind === Kind.OPERATION_DEFINITION,
  );
  const fragments: Record<string, FragmentDefinitionNode> = {};
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
  }
  if (!operation) throw new Error('no operation');
  return isCacheableOperation({ schema, operation, fragments, variables });
}

describe('cacheable operations', () => {
  it('given the full-report query of the viewer, when checked, then it is cacheable', () => {
    expect(
      cacheable(`query FullReport($id: ID!) {
        reportById(id: $id) {
          __typename id agencyName year revision status
          figures { key label table row column unit value raw empty marker uncertain revision
            source { line excerpt }
            lastChange { eventId revision recordedAt reason kind actor { id name } } }
          rules { id scope status severity keys left right message }
          narrative { id heading text lastChange { revision } }
          warnings { code message }
        }
        byName: report(agency: "甲局", year: 2024) { ...Head }
      }
      fragment Head on Report { id revision ... on Report { ruleStatus } }`),
    ).toBe(true);
  });

  it('given every rule count of a report, when checked, then it is cacheable', () => {
    expect(
      cacheable(`query($id: ID!) {
        reportById(id: $id) { ruleStatus failedRuleCount assessedRuleCount notAssessableRuleCount }
      }`),
    ).toBe(true);
  });

  it('given a field that reads more than the report read model, when checked, then it is not cacheable, also inside a fragment', () => {
    expect(cacheable(`{ reportById(id: "x") { agency { name } } }`)).toBe(false);
    expect(cacheable(`{ reportById(id: "x") { figures { history { edges { cursor } } } } }`)).toBe(
      false,
    );
    expect(
      cacheable(`{ reportById(id: "x") { figures { lastChange { review { __typename } } } } }`),
    ).toBe(false);
    expect(
      cacheable(
        `{ reportById(id: "x") { ...F } } fragment F on Report { history { edges { cursor } } }`,
      ),
    ).toBe(false);
    expect(cacheable(`{ reports(first: 2) { edges { node { id } } } }`)).toBe(false);
  });

  it('given time travel, when checked, then only a null or absent asOf / atRevision is cacheable', () => {
    expect(cacheable(`{ reportById(id: "x", atRevision: 1) { revision } }`)).toBe(false);
    expect(
      cacheable(
        `{ report(agency: "甲局", year: 2024, asOf: "2024-01-01T00:00:00Z") { revision } }`,
      ),
    ).toBe(false);
    const withVariable = `query($at: Int) { reportById(id: "x", atRevision: $at) { revision } }`;
    expect(cacheable(withVariable, { at: 3 })).toBe(false);
    expect(cacheable(withVariable, {})).toBe(true);
    expect(cacheable(`{ reportById(id: "x", atRevision: null) { revision } }`)).toBe(true);
  });

  it('given a mutation, when checked, then it is not cacheable', () => {
    expect(
      cacheable(`mutation($input: SetFiguresInput!) { setFigures(input: $input) { revision } }`),
    ).toBe(false);
  });
});
