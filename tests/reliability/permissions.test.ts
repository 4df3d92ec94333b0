// Every mutation × every kind of caller, over HTTP against the real database: anonymous,
// unknown, revoked and expired tokens get UNAUTHENTICATED, an editor out of scope FORBIDDEN,
// an editor in scope and an admin succeed; a rejected call writes nothing at all.
import {
  createTokens,
  startLedgerServer,
  type RunningLedgerServer,
  type Tokens,
} from './support/ledgerServer';
import { importSyntheticReport, SET_FIGURES, type ImportedReport } from './support/reportFixture';
import { generateFigureValues } from '../../bench/generator/figureValues';
import { createRandom } from '../../bench/generator/prng';
import { tsvReport } from '../importer/syntheticReport';

// Every case needs a report of its own; years are bounded (2000 to next year), so the reports
// are spread over several agencies, all in the in-scope editor's scope.
const AGENCIES = [
  '示例县权限测试局',
  '示例县权限测试二局',
  '示例县权限测试三局',
  '示例县权限测试四局',
  '示例县权限测试五局',
];
const FIRST_YEAR = 2000;
const YEARS = new Date().getUTCFullYear() + 1 - FIRST_YEAR + 1;
let nextReport = 0;

/** The (agency, year) of the next fresh report, and a seed for its figures. */
function freshReport(): { agency: string; year: number; seed: number } {
  const n = nextReport++;
  return {
    agency: AGENCIES[Math.floor(n / YEARS) % AGENCIES.length],
    year: FIRST_YEAR + (n % YEARS),
    seed: 2030 + n,
  };
}

type Caller =
  'anonymous' | 'unknown' | 'revoked' | 'expired' | 'editorOutOfScope' | 'editorInScope' | 'admin';
type MutationName =
  | 'importReport'
  | 'setFigures'
  | 'editNarrative'
  | 'revertChange'
  | 'publishReport'
  | 'withdrawReport';

const EXPECTED: Record<Caller, 'OK' | 'UNAUTHENTICATED' | 'FORBIDDEN'> = {
  anonymous: 'UNAUTHENTICATED',
  unknown: 'UNAUTHENTICATED',
  revoked: 'UNAUTHENTICATED',
  expired: 'UNAUTHENTICATED',
  editorOutOfScope: 'FORBIDDEN',
  editorInScope: 'OK',
  admin: 'OK',
};

const CALLERS = Object.keys(EXPECTED) as Caller[];
const MUTATIONS: MutationName[] = [
  'importReport',
  'setFigures',
  'editNarrative',
  'revertChange',
  'publishReport',
  'withdrawReport',
];

const PAYLOAD = '{ clientMutationId }';

let running: RunningLedgerServer;
let tokens: Tokens;

function tokenOf(caller: Caller): string | null {
  switch (caller) {
    case 'anonymous':
      return null;
    case 'unknown':
      return 'nbl_0123456789abcdef_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
    default:
      return tokens[caller];
  }
}

beforeAll(async () => {
  running = await startLedgerServer('permissions');
  tokens = await createTokens(running.ledger, AGENCIES);
});

afterAll(async () => {
  await running?.stop();
});

interface Prepared {
  report: ImportedReport;
  revision: number;
  editEventId: string;
}

/** A fresh report in scope, with one figure edit (for revertChange) and published (for withdraw). */
async function prepareReport(publish: boolean): Promise<Prepared> {
  const report = await importSyntheticReport(running.api, tokens.admin, freshReport());
  const edit = await running.api.request<{
    setFigures: { revision: number; changes: Array<{ eventId: string }> };
  }>(
    SET_FIGURES,
    {
      input: {
        reportId: report.id,
        expectedRevision: report.revision,
        changes: [{ key: 't2.penalty.decisions', value: '12345' }],
        reason: 'fixture edit',
      },
    },
    tokens.admin,
  );
  if (!edit.data) throw new Error(JSON.stringify(edit.errors));
  let revision = edit.data.setFigures.revision;
  if (publish) {
    const published = await running.api.request<{ publishReport: { revision: number } }>(
      `mutation P($input: PublicationInput!) { publishReport(input: $input) { revision } }`,
      { input: { reportId: report.id, expectedRevision: revision, reason: 'fixture publish' } },
      tokens.admin,
    );
    if (!published.data) throw new Error(JSON.stringify(published.errors));
    revision = published.data.publishReport.revision;
  }
  return { report, revision, editEventId: edit.data.setFigures.changes[0].eventId };
}

function mutationRequest(
  name: MutationName,
  prepared: Prepared,
): { query: string; input: Record<string, unknown> } {
  const base = {
    reportId: prepared.report.id,
    expectedRevision: prepared.revision,
    reason: `matrix ${name}`,
  };
  switch (name) {
    case 'importReport':
      return {
        query: `mutation M($input: ImportReportInput!) { importReport(input: $input) ${PAYLOAD} }`,
        input: (() => {
          const { agency, year, seed } = freshReport();
          return {
            document: tsvReport(generateFigureValues(createRandom(seed))),
            agency,
            year,
            reason: 'matrix import',
          };
        })(),
      };
    case 'setFigures':
      return {
        query: `mutation M($input: SetFiguresInput!) { setFigures(input: $input) ${PAYLOAD} }`,
        input: { ...base, changes: [{ key: 't2.coercion.decisions', value: '4321' }] },
      };
    case 'editNarrative':
      return {
        query: `mutation M($input: EditNarrativeInput!) { editNarrative(input: $input) ${PAYLOAD} }`,
        input: {
          ...base,
          sections: [{ sectionId: '1', text: '本年度依法推进政务公开（修订）。' }],
        },
      };
    case 'revertChange':
      return {
        query: `mutation M($input: RevertChangeInput!) { revertChange(input: $input) ${PAYLOAD} }`,
        input: { ...base, eventId: prepared.editEventId },
      };
    case 'publishReport':
      return {
        query: `mutation M($input: PublicationInput!) { publishReport(input: $input) ${PAYLOAD} }`,
        input: base,
      };
    case 'withdrawReport':
      return {
        query: `mutation M($input: PublicationInput!) { withdrawReport(input: $input) ${PAYLOAD} }`,
        input: base,
      };
  }
}

const cells = MUTATIONS.flatMap((mutation) => CALLERS.map((caller) => [mutation, caller] as const));

describe('permissions matrix: every mutation × every caller', () => {
  // Rejected calls write nothing, so they share one prepared report per mutation.
  const shared = new Map<MutationName, Prepared>();
  it.each(cells)('%s by %s', async (mutation, caller) => {
    const expectSuccess = EXPECTED[caller] === 'OK';
    const prepared =
      (!expectSuccess && shared.get(mutation)) ||
      (await prepareReport(mutation === 'withdrawReport'));
    if (!expectSuccess) shared.set(mutation, prepared);
    const { query, input } = mutationRequest(mutation, prepared);
    const headBefore = await running.ledger.store.headPosition();
    const response = await running.api.request(query, { input }, tokenOf(caller));
    const expected = EXPECTED[caller];
    expect(response.status).toBeLessThan(500);
    if (expectSuccess) {
      expect(response.errors).toEqual([]);
      expect(await running.ledger.store.headPosition()).toBeGreaterThan(headBefore);
    } else {
      expect(response.code).toBe(expected);
      expect(response.data?.[mutation] ?? null).toBeNull();
      expect(await running.ledger.store.headPosition()).toBe(headBefore);
    }
  });
});
