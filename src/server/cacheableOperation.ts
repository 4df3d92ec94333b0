// Which GraphQL operations the response cache may answer: queries whose every field reads only
// the current read model of reports (revision-checked, see src/readSide/reportReads.ts) or
// values derived from it alone. An allow-list of field coordinates, not a deny-list, so a field
// added later (which may read agencies, history or proposals) keeps its queries uncached until
// someone decides it belongs here.
import {
  Kind,
  getNamedType,
  isObjectType,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';

/** Per type, the fields that qualify. */
const CACHEABLE_FIELDS: Readonly<Record<string, ReadonlySet<string>>> = {
  // Only as the current report: asOf / atRevision read the event log (checked below).
  Query: new Set(['report', 'reportById']),
  Report: new Set([
    'id',
    'reportId',
    'agencyName',
    'year',
    'template',
    'revision',
    'historical',
    'status',
    'importerVersion',
    'sourceHash',
    'sourceUrl',
    'createdAt',
    'updatedAt',
    'lastChange',
    'figure',
    'figures',
    'narrative',
    // Cross-year rules read last year's report through the same loader: it is a read too.
    'rules',
    'failedRuleCount',
    'assessedRuleCount',
    'notAssessableRuleCount',
    'ruleStatus',
    'warnings',
  ]),
  Figure: new Set([
    'id',
    'key',
    'label',
    'table',
    'row',
    'column',
    'unit',
    'value',
    'raw',
    'empty',
    'marker',
    'uncertain',
    'source',
    'sentence',
    'revision',
    'lastChange',
  ]),
  // Not `review`: it names a proposal, whose state is not part of the report's read model.
  FigureChange: new Set([
    'eventId',
    'revision',
    'recordedAt',
    'actor',
    'reason',
    'from',
    'to',
    'kind',
    'key',
    'revertedEventId',
  ]),
  Actor: new Set(['id', 'name']),
  NarrativeSection: new Set(['id', 'heading', 'text', 'source', 'revision', 'lastChange']),
  SourceLocation: new Set(['line', 'column', 'token', 'excerpt', 'htmlPath']),
  RuleResult: new Set([
    'id',
    'scope',
    'status',
    'severity',
    'keys',
    'left',
    'right',
    'message',
    'messageZh',
    'messageEn',
    'notAssessableReason',
  ]),
  ImportWarning: new Set(['code', 'keys', 'message']),
};

/** Root arguments that turn a current read into a read of the log. */
const TIME_TRAVEL_ARGUMENTS = new Set(['asOf', 'atRevision']);

export interface OperationToCheck {
  schema: GraphQLSchema;
  operation: OperationDefinitionNode;
  fragments: Readonly<Record<string, FragmentDefinitionNode>>;
  variables: Readonly<Record<string, unknown>> | undefined;
}

function isNullArgument(value: ValueNode, variables: OperationToCheck['variables']): boolean {
  if (value.kind === Kind.NULL) return true;
  if (value.kind === Kind.VARIABLE) {
    const given = variables?.[value.name.value];
    return given === undefined || given === null;
  }
  return false;
}

/** Whether every field the operation selects is one the response cache may answer. */
export function isCacheableOperation(input: OperationToCheck): boolean {
  if (input.operation.operation !== 'query') return false;
  const root = input.schema.getQueryType();
  if (!root) return false;
  const visiting = new Set<string>();
  const check = (typeName: string, selectionSet: SelectionSetNode, atRoot: boolean): boolean => {
    const type = input.schema.getType(typeName);
    const allowed = CACHEABLE_FIELDS[typeName];
    if (!type || !isObjectType(type) || !allowed) return false;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const on = selection.typeCondition?.name.value ?? typeName;
        if (!check(on, selection.selectionSet, atRoot)) return false;
        continue;
      }
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const name = selection.name.value;
        const fragment = input.fragments[name];
        if (!fragment || visiting.has(name)) return false;
        visiting.add(name);
        const ok = check(fragment.typeCondition.name.value, fragment.selectionSet, atRoot);
        visiting.delete(name);
        if (!ok) return false;
        continue;
      }
      const name = selection.name.value;
      if (name === '__typename') continue;
      if (!allowed.has(name)) return false;
      if (
        atRoot &&
        selection.arguments?.some(
          (argument) =>
            TIME_TRAVEL_ARGUMENTS.has(argument.name.value) &&
            !isNullArgument(argument.value, input.variables),
        )
      ) {
        return false;
      }
      const field = type.getFields()[name];
      if (!field) return false;
      if (selection.selectionSet) {
        const child = getNamedType(field.type);
        if (!check(child.name, selection.selectionSet, false)) return false;
      }
    }
    return true;
  };
  return check(root.name, input.operation.selectionSet, true);
}
