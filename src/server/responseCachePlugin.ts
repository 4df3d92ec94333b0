// Apollo plugin: answers a repeated query from memory while the reports it read are unchanged.
// A query qualifies when every field it selects reads only the current read model of reports
// (cacheableOperation.ts); its answer is kept with the (report, revision) pairs it read, under
// a key of document, operation, variables and the caller's permissions (responseCacheKey.ts).
// A later identical request costs the one revision check the read path makes anyway
// (reportsNow.ts), so an edit made here or by another process sharing the database is seen
// exactly when an uncached read would see it. Errors are never kept; memory is bounded by the
// bytes of the answers (least recently used dropped first). The other plugins (read access,
// query cost and rate limit, metrics, request ids) run as for any request: this one only
// replaces execution.
import { HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import DataLoader from 'dataloader';
import {
  Kind,
  type DocumentNode,
  type FormattedExecutionResult,
  type FragmentDefinitionNode,
} from 'graphql';
import { Counter, type Registry } from 'prom-client';
import type { RequestContext } from '../../resolvers/context';
import type { Loaders } from '../../resolvers/loaders';
import type { ReadModels } from '../../models/readModels';
import { ByteBoundedLru } from '../readSide/byteBoundedLru';
import { ReportReadSet, readsStillCurrent, type ReportRead } from '../readSide/reportReads';
import { reportsNow } from '../readSide/reportsNow';
import { ReportsNowBatcher } from '../readSide/reportsNowBatcher';
import { responseCacheKey } from '../readSide/responseCacheKey';
import { isCacheableOperation } from './cacheableOperation';

/** Counted as the answers' JSON, which is what is kept (~200 KB for a full report). */
export const DEFAULT_RESPONSE_CACHE_BYTES = 64 * 1024 * 1024;

export interface ResponseCacheOptions {
  models: ReadModels;
  maxBytes?: number;
  /** Where graphql_response_cache_lookups_total{result} is registered. */
  registry?: Registry;
}

interface CachedAnswer {
  /** Stands for the serialised `data` (see serialisedData), shared by every hit. */
  data: Record<string, unknown>;
  reads: ReportRead[];
}

/** The JSON each cached answer's `data` stands for. */
const serialised = new WeakMap<object, string>();

/**
 * A `data` object that stands for `json`: stringifyCachedResult writes the JSON as it is, so a
 * hit costs no serialisation of ~200 KB; plain JSON.stringify (a server that did not pass
 * stringifyCachedResult to Apollo) still gets the right answer through toJSON, only slower.
 */
function serialisedData(json: string): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  Object.defineProperty(data, 'toJSON', { value: () => JSON.parse(json) as unknown });
  serialised.set(data, json);
  return Object.freeze(data);
}

/**
 * Apollo's `stringifyResult`: the same text as its default (errors, data, extensions, then a
 * newline), with a cached answer's data written from its stored JSON.
 */
export function stringifyCachedResult(result: FormattedExecutionResult): string {
  const json = result.data ? serialised.get(result.data) : undefined;
  if (json === undefined) return `${JSON.stringify(result)}\n`;
  const parts: string[] = [];
  if (result.errors !== undefined) parts.push(`"errors":${JSON.stringify(result.errors)}`);
  parts.push(`"data":${json}`);
  if (result.extensions !== undefined)
    parts.push(`"extensions":${JSON.stringify(result.extensions)}`);
  return `{${parts.join(',')}}\n`;
}

function fragmentsOf(document: DocumentNode): Record<string, FragmentDefinitionNode> {
  const fragments: Record<string, FragmentDefinitionNode> = {};
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
  }
  return fragments;
}

/**
 * Loaders that note every report read (with its revision) in `reads`; a read of anything else
 * (summaries, agencies) marks the answer as not vouched for by report revisions.
 */
function recordingLoaders(loaders: Loaders, reads: ReportReadSet): Loaders {
  const report = new DataLoader<string, Awaited<ReturnType<Loaders['report']['load']>>>(
    async (ids) => {
      const documents = await loaders.report.loadMany(ids);
      documents.forEach((document, index) => {
        if (!(document instanceof Error)) reads.saw(ids[index], document?.revision ?? null);
      });
      return documents;
    },
  );
  const other = <Value>(loader: DataLoader<string, Value>): DataLoader<string, Value> =>
    new DataLoader<string, Value>((ids) => {
      reads.sawOtherData();
      return loader.loadMany(ids);
    });
  return { report, reportSummary: other(loaders.reportSummary), agency: other(loaders.agency) };
}

const LOOKUPS = 'graphql_response_cache_lookups_total';

/** One counter per registry (two servers may share one). */
function lookupCounter(registry: Registry): Counter<'result'> {
  const known = registry.getSingleMetric(LOOKUPS);
  if (known) return known as Counter<'result'>;
  return new Counter({
    name: LOOKUPS,
    help: 'Response cache lookups of cacheable queries: hit, miss, or stale (a report read changed).',
    labelNames: ['result'],
    registers: [registry],
  });
}

export function responseCachePlugin(
  options: ResponseCacheOptions,
): ApolloServerPlugin<RequestContext> {
  const answers = new ByteBoundedLru<CachedAnswer>(
    options.maxBytes ?? DEFAULT_RESPONSE_CACHE_BYTES,
  );
  const lookups = options.registry ? lookupCounter(options.registry) : null;
  const checks = new ReportsNowBatcher((reads) => reportsNow(options.models, reads));
  return {
    async requestDidStart() {
      let key: string | null = null;
      let reads: ReportReadSet | null = null;
      let answered = false;
      return {
        async didResolveOperation({
          request,
          operation,
          document,
          schema,
          contextValue,
          queryHash,
        }) {
          if (!operation) return;
          const cacheable = isCacheableOperation({
            schema,
            operation,
            fragments: fragmentsOf(document),
            variables: request.variables,
          });
          if (!cacheable) return;
          key = responseCacheKey({
            queryHash,
            operationName: request.operationName,
            variables: request.variables,
            principal: contextValue.principal,
          });
          reads = new ReportReadSet();
          contextValue.loaders = recordingLoaders(contextValue.loaders, reads);
        },
        async responseForOperation() {
          if (key === null) return null;
          const cached = answers.get(key);
          if (!cached) {
            lookups?.inc({ result: 'miss' });
            return null;
          }
          // A check that fails answers nothing: the query runs as if uncached (and reports
          // the database's trouble itself, if it persists).
          const now = await checks.now(cached.reads).catch(() => null);
          if (!now) return null;
          if (!readsStillCurrent(cached.reads, now)) {
            answers.delete(key);
            lookups?.inc({ result: 'stale' });
            return null;
          }
          lookups?.inc({ result: 'hit' });
          answered = true;
          return {
            http: { status: undefined, headers: new HeaderMap() },
            body: { kind: 'single', singleResult: { data: cached.data } },
          };
        },
        async willSendResponse({ response }) {
          if (key === null || reads === null || answered || response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          if ((result.errors && result.errors.length > 0) || !result.data) return;
          const consistent = reads.consistentReads();
          if (!consistent) return;
          const json = JSON.stringify(result.data);
          answers.set(
            key,
            { data: serialisedData(json), reads: consistent },
            Buffer.byteLength(json),
          );
        },
      };
    },
  };
}
