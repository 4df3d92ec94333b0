// GraphQL mutation fuzzing: random (often invalid) inputs to every mutation never get a 5xx
// or INTERNAL_SERVER_ERROR, a rejected call writes nothing, and an accepted setFigures writes
// exactly the values it was given (no partial write).
import fc from 'fast-check';
import { canonicalDecimal } from '../../src/domain/format/decimal';
import { FIGURE_KEYS } from '../../src/domain/format/figureCatalog';
import { readReportStream } from './support/history';
import {
  createTokens,
  startLedgerServer,
  type RunningLedgerServer,
  type Tokens,
} from './support/ledgerServer';
import { reliabilityProfile } from './support/profile';
import { randomReportDocument } from './support/randomDocument';
import { importSyntheticReport, type ImportedReport } from './support/reportFixture';

const profile = reliabilityProfile();
const AGENCY = '示例县模糊测试局';

let running: RunningLedgerServer;
let tokens: Tokens;
let report: ImportedReport;

beforeAll(async () => {
  running = await startLedgerServer('mutation_fuzz');
  tokens = await createTokens(running.ledger, AGENCY);
  report = await importSyntheticReport(running.api, tokens.admin, {
    agency: AGENCY,
    year: 2024,
    seed: 3,
  });
});

afterAll(async () => {
  await running?.stop();
});

// Inputs keep their GraphQL types (variables that fail coercion are a separate case below), so
// the fuzzing reaches the resolvers and the domain's own validation.
const figureKey = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...FIGURE_KEYS) },
  { weight: 1, arbitrary: fc.string({ maxLength: 30 }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom('t3.total', 't3.granted.total.x', 'n.1.1', '$where', 'a.b.c', ''),
  },
);

const figureValue = fc.oneof(
  fc.nat({ max: 100000 }).map(String),
  fc.constantFrom(
    '-1',
    '1.5',
    '0.000001',
    '1e3',
    ' 7 ',
    '07',
    '',
    'NaN',
    '１２',
    '99999999999999999999999',
  ),
  fc.tuple(fc.nat({ max: 9999 }), fc.nat({ max: 999999 })).map(([w, f]) => `${w}.${f}`),
  fc.string({ maxLength: 10 }),
  fc.constant(null),
);

const expectedRevision = fc.oneof(
  { weight: 4, arbitrary: fc.constant('current') },
  { weight: 1, arbitrary: fc.integer({ min: -3, max: 50 }) },
  { weight: 1, arbitrary: fc.constantFrom(2 ** 31 - 1, -(2 ** 31)) },
);

const reason = fc.oneof(
  { weight: 4, arbitrary: fc.string({ minLength: 1, maxLength: 40 }) },
  { weight: 1, arbitrary: fc.constantFrom('', '   ', 'x'.repeat(3000)) },
);

const setFiguresInput = fc.record({
  changes: fc.array(fc.record({ key: figureKey, value: figureValue }), { maxLength: 6 }),
  expectedRevision,
  reason,
  clientMutationId: fc.option(fc.string({ maxLength: 12 }), { nil: undefined }),
});

const otherMutation = fc.oneof(
  fc.record({
    name: fc.constant('importReport' as const),
    input: fc.record({
      document: fc.oneof(randomReportDocument, fc.string({ maxLength: 30 })),
      agency: fc.oneof(fc.constant(AGENCY), fc.string({ maxLength: 10 }), fc.constant(null)),
      year: fc.oneof(fc.integer({ min: 1990, max: 2110 }), fc.constant(null)),
      reason,
    }),
  }),
  fc.record({
    name: fc.constant('editNarrative' as const),
    input: fc.record({
      expectedRevision,
      reason,
      sections: fc.array(
        fc.record({
          sectionId: fc.oneof(
            fc.constantFrom('1', '2', '1.1', '9', ''),
            fc.string({ maxLength: 5 }),
          ),
          text: fc.option(fc.string({ maxLength: 60 }), { nil: null }),
          heading: fc.option(fc.string({ maxLength: 10 }), { nil: undefined }),
        }),
        { maxLength: 3 },
      ),
    }),
  }),
  fc.record({
    name: fc.constant('revertChange' as const),
    input: fc.record({
      expectedRevision,
      reason,
      eventId: fc.oneof(fc.uuid(), fc.string({ maxLength: 20 })),
    }),
  }),
);

const MUTATION_DOCUMENTS = {
  setFigures: 'mutation M($input: SetFiguresInput!) { setFigures(input: $input) { revision } }',
  importReport:
    'mutation M($input: ImportReportInput!) { importReport(input: $input) { revision } }',
  editNarrative:
    'mutation M($input: EditNarrativeInput!) { editNarrative(input: $input) { revision } }',
  revertChange:
    'mutation M($input: RevertChangeInput!) { revertChange(input: $input) { revision } }',
} as const;

async function currentRevision(): Promise<number> {
  const stream = await readReportStream(running.ledger, report.id);
  return stream[stream.length - 1].revision;
}

async function figureValues(): Promise<Map<string, string | null>> {
  const response = await running.api.request<{
    reportById: { figures: Array<{ key: string; value: string | null }> };
  }>('query V($id: ID!) { reportById(id: $id) { figures { key value } } }', { id: report.id });
  if (!response.data) throw new Error(JSON.stringify(response.errors));
  return new Map(response.data.reportById.figures.map((figure) => [figure.key, figure.value]));
}

function resolveRevision(value: unknown, current: number): unknown {
  return value === 'current' ? current : value;
}

describe('GraphQL mutations with random inputs', () => {
  it('setFigures: never 5xx, rejected calls write nothing, accepted calls write every change', async () => {
    await fc.assert(
      fc.asyncProperty(setFiguresInput, async (input) => {
        const revision = await currentRevision();
        const head = await running.ledger.store.headPosition();
        const before = await figureValues();
        const variables = {
          input: {
            ...input,
            reportId: report.id,
            expectedRevision: resolveRevision(input.expectedRevision, revision),
          },
        };
        const response = await running.api.request(
          MUTATION_DOCUMENTS.setFigures,
          variables,
          tokens.editorInScope,
        );
        expect(response.status).toBeLessThan(500);
        expect(response.code).not.toBe('INTERNAL_SERVER_ERROR');
        const after = await figureValues();
        if (response.errors.length > 0) {
          expect(await running.ledger.store.headPosition()).toBe(head);
          expect(after).toEqual(before);
          return;
        }
        // Accepted: every change is in place (the last one wins for a repeated key).
        const changes = input.changes as Array<{ key: string; value: unknown }>;
        const expected = new Map(before);
        for (const change of changes) {
          expected.set(
            change.key,
            change.value === null ? null : canonicalDecimal(String(change.value)),
          );
        }
        expect(after).toEqual(expected);
      }),
      {
        numRuns: profile.mutationRuns,
        ...(profile.seed === undefined ? {} : { seed: profile.seed }),
      },
    );
  });

  it('importReport, editNarrative, revertChange: never 5xx, rejected calls write nothing', async () => {
    await fc.assert(
      fc.asyncProperty(otherMutation, async ({ name, input }) => {
        const revision = await currentRevision();
        const head = await running.ledger.store.headPosition();
        const withReport =
          name === 'importReport'
            ? input
            : {
                ...input,
                reportId: report.id,
                expectedRevision: resolveRevision(
                  (input as { expectedRevision: unknown }).expectedRevision,
                  revision,
                ),
              };
        const response = await running.api.request(
          MUTATION_DOCUMENTS[name],
          { input: withReport },
          tokens.admin,
        );
        expect(response.status).toBeLessThan(500);
        expect(response.code).not.toBe('INTERNAL_SERVER_ERROR');
        if (response.errors.length > 0) {
          expect(await running.ledger.store.headPosition()).toBe(head);
        }
      }),
      {
        numRuns: profile.mutationRuns,
        ...(profile.seed === undefined ? {} : { seed: profile.seed }),
      },
    );
    const verified = await running.ledger.store.verifyAll();
    expect(verified.ok).toBe(true);
  });

  // Regression found by this fuzzer: variables that fail GraphQL coercion once got HTTP 500
  // (the query limits ran getComplexity on the raw variables and its error carried no code).
  it.each([
    ['expectedRevision above Int', 2 ** 31],
    ['expectedRevision not whole', 1.5],
    ['expectedRevision a string', '1'],
    ['expectedRevision null', null],
  ])(
    'regression: a variable that fails coercion (%s) gets 400 BAD_USER_INPUT',
    async (_, value) => {
      const response = await running.api.request(
        MUTATION_DOCUMENTS.setFigures,
        {
          input: { reportId: report.id, expectedRevision: value, changes: [], reason: 'coercion' },
        },
        tokens.editorInScope,
      );
      expect({ status: response.status, code: response.code }).toEqual({
        status: 400,
        code: 'BAD_USER_INPUT',
      });
    },
  );
});
