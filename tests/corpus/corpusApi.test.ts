// The corpus queries over HTTP against the real database: the shared corpus is imported through
// the real import path (the importReport mutation), each report is then corrected to its answer
// key with setFigures, and every answer is checked against a computation from the answer keys
// (or, for asOf, against folding the log by hand) made here, never against the ledger itself.
import type { FigureChangeData, ReportImportedData } from '../../events/report/eventCatalog';
import { reportIdFor, reportIdOfStream } from '../../events/report/ids';
import { startApiTestServer, type ApiTestServer } from '../api/apiTestServer';
import {
  CORPUS_AGENCY_REGIONS,
  readAnswerKeys,
  readCorpusDocument,
  type AnswerKey,
} from './answerKeys';

const keys = readAnswerKeys();
const describeWithCorpus = keys ? describe : describe.skip;
const answerKeys: AnswerKey[] = keys ?? [];

const KEY = 't3.newReceived.total';
const FEE = 't2.fees.amount';

const IMPORT = `mutation($input: ImportReportInput!) {
  importReport(input: $input) { report { id reportId revision } }
}`;
const FIGURES = `query($id: ID!) { reportById(id: $id) { revision figures { key value } } }`;
const SET_FIGURES = `mutation($input: SetFiguresInput!) { setFigures(input: $input) { revision } }`;

interface ValueEdge {
  cursor: string;
  node: {
    value: string | null;
    year: number;
    report: { id: string; reportId: string };
    agency: {
      id: string;
      name: string;
      region: { code: string; name: string; level: string } | null;
    };
  };
}

interface ValuesAnswer {
  figureValues: {
    totalCount: number;
    edges: ValueEdge[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}

function regionOf(agency: string): string {
  const code = CORPUS_AGENCY_REGIONS[agency];
  if (!code) throw new Error(`no test region for ${agency}`);
  return code;
}

const provinceOf = (agency: string) => `${regionOf(agency).slice(0, 2)}0000`;

/** Exact decimal sum with BigInt, written here independently of src/domain/format/decimal.ts. */
function exactSum(values: string[]): string {
  const scale = Math.max(0, ...values.map((value) => (value.split('.')[1] ?? '').length));
  const total = values.reduce((sum, value) => {
    const [whole, fraction = ''] = value.split('.');
    return sum + BigInt(whole + fraction.padEnd(scale, '0'));
  }, 0n);
  if (scale === 0) return total.toString();
  const digits = total.toString().padStart(scale + 1, '0');
  return `${digits.slice(0, -scale)}.${digits.slice(-scale)}`.replace(/\.?0+$/, '');
}

describeWithCorpus('corpus queries over HTTP (integration)', () => {
  let api: ApiTestServer;
  let admin: string;
  /** After every import, before any correction. */
  let importedUntil: Date;
  const reportIds = new Map<AnswerKey, string>();

  const gql = async <T>(query: string, variables: Record<string, unknown> = {}, token?: string) => {
    const result = await api.gql<T>(query, variables, token);
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    return result.data as T;
  };

  beforeAll(async () => {
    api = await startApiTestServer({ label: 'corpus' });
    admin = await api.token('admin', [], '管理员甲');
    for (const key of answerKeys) {
      const imported = await gql<{ importReport: { report: { id: string } } }>(
        IMPORT,
        {
          input: {
            document: readCorpusDocument(key.file),
            agency: key.agency,
            year: key.year,
            reason: '语料导入',
          },
        },
        admin,
      );
      reportIds.set(key, imported.importReport.report.id);
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
    importedUntil = new Date();
    await new Promise((resolve) => setTimeout(resolve, 20));
    // Correct every report to its answer key: the ledger then holds exactly the answer keys.
    for (const key of answerKeys) {
      const id = reportIds.get(key) as string;
      const report = await gql<{
        reportById: { revision: number; figures: Array<{ key: string; value: string | null }> };
      }>(FIGURES, { id });
      const changes = report.reportById.figures
        .filter((figure) => figure.key in key.figures && figure.value !== key.figures[figure.key])
        .map((figure) => ({ key: figure.key, value: key.figures[figure.key] }));
      if (changes.length === 0) continue;
      await gql(
        SET_FIGURES,
        {
          input: {
            reportId: id,
            expectedRevision: report.reportById.revision,
            changes,
            reason: '按答案核对',
          },
        },
        admin,
      );
    }
  }, 240_000);

  afterAll(async () => {
    await api?.close();
  });

  it('given the issue query, when figureValues ranks 2024 by value, then it is the answer keys sorted, with regions', async () => {
    const data =
      await gql<ValuesAnswer>(`{ figureValues(key: "${KEY}", filter: { year: 2024 }, orderBy: { by: VALUE, direction: DESC }, first: 5) {
      totalCount edges { cursor node { value year report { id reportId } agency { id name region { code name level } } } } pageInfo { hasNextPage endCursor } } }`);
    const expected = answerKeys
      .filter((key) => key.year === 2024)
      .sort((a, b) => {
        const x = a.figures[KEY];
        const y = b.figures[KEY];
        if (x === null || y === null) return x === null ? (y === null ? 0 : 1) : -1;
        return Number(y) - Number(x);
      });
    expect(data.figureValues.totalCount).toBe(expected.length);
    expect(data.figureValues.edges.map((edge) => edge.node.value)).toEqual(
      expected.slice(0, 5).map((key) => key.figures[KEY]),
    );
    for (const edge of data.figureValues.edges) {
      expect(edge.node.year).toBe(2024);
      expect(edge.node.agency.region?.code).toBe(regionOf(edge.node.agency.name));
    }
    expect(data.figureValues.pageInfo.hasNextPage).toBe(expected.length > 5);
  });

  it('given pages of 2 within one province, when followed to the end, then they are the province reports once each', async () => {
    const province = '350000';
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const data: ValuesAnswer = await gql<ValuesAnswer>(
        `query($after: String) { figureValues(key: "${KEY}", filter: { regionCode: "${province}" }, orderBy: { by: VALUE, direction: ASC }, first: 2, after: $after) {
          totalCount edges { cursor node { value report { id reportId } agency { id name region { code name level } } year } } pageInfo { hasNextPage endCursor } } }`,
        { after },
      );
      seen.push(...data.figureValues.edges.map((edge) => `${edge.node.year}:${edge.node.value}`));
      if (!data.figureValues.pageInfo.hasNextPage) break;
      after = data.figureValues.pageInfo.endCursor;
    }
    const expected = answerKeys
      .filter((key) => provinceOf(key.agency) === province)
      .sort((a, b) => Number(a.figures[KEY]) - Number(b.figures[KEY]) || b.year - a.year)
      .map((key) => `${key.year}:${key.figures[KEY]}`);
    expect(seen).toEqual(expected);
  });

  it('given the issue query, when figureAggregates groups 江苏 by year, then each year matches the answer keys', async () => {
    const data = await gql<{
      figureAggregates: Array<{
        group: { year: number };
        key: string;
        reports: number;
        withValue: number;
        sum: string | null;
        min: string | null;
        max: string | null;
        mean: number | null;
        median: string | null;
      }>;
    }>(
      `{ figureAggregates(keys: ["${KEY}"], groupBy: [YEAR], filter: { regionCode: "320000" }) { group { year } key reports withValue sum min max mean median } }`,
    );
    const jiangsu = answerKeys.filter((key) => provinceOf(key.agency) === '320000');
    const years = [...new Set(jiangsu.map((key) => key.year))].sort();
    expect(data.figureAggregates.map((row) => row.group.year)).toEqual(years);
    for (const row of data.figureAggregates) {
      const values = jiangsu
        .filter((key) => key.year === row.group.year)
        .map((key) => key.figures[KEY])
        .filter((value): value is string => value !== null)
        .map(Number)
        .sort((a, b) => a - b);
      const reports = jiangsu.filter((key) => key.year === row.group.year).length;
      const middle = Math.floor(values.length / 2);
      const median = values.length % 2 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
      expect(row).toMatchObject({
        key: KEY,
        reports,
        withValue: values.length,
        sum: String(values.reduce((a, b) => a + b, 0)),
        min: String(values[0]),
        max: String(values[values.length - 1]),
        median: String(median),
      });
      expect(row.mean).toBeCloseTo(values.reduce((a, b) => a + b, 0) / values.length, 9);
    }
  });

  it('given the fee, when aggregated by province, then the sum is the exact decimal sum of the answer keys', async () => {
    const data = await gql<{
      figureAggregates: Array<{
        group: { province: { code: string } | null };
        sum: string | null;
        blanks: number;
      }>;
    }>(
      `{ figureAggregates(keys: ["${FEE}"], groupBy: [PROVINCE]) { group { province { code } } sum blanks } }`,
    );
    for (const row of data.figureAggregates) {
      const code = row.group.province?.code as string;
      const fees = answerKeys
        .filter((key) => provinceOf(key.agency) === code)
        .map((key) => key.figures[FEE]);
      const present = fees.filter((fee): fee is string => fee !== null);
      expect(row.sum).toBe(present.length ? exactSum(present) : null);
      expect(row.blanks).toBe(fees.length - present.length);
    }
    expect(data.figureAggregates.length).toBe(
      new Set(answerKeys.map((key) => provinceOf(key.agency))).size,
    );
  });

  it('given 公开率, when listed for 2024, then each value is (予以公开 + 部分公开) / 办结总数 of the answer key', async () => {
    const data =
      await gql<ValuesAnswer>(`{ figureValues(key: "i.disclosureRate", filter: { year: 2024 }, first: 100) {
      totalCount edges { cursor node { value year report { id reportId } agency { id name region { code name level } } } } pageInfo { hasNextPage endCursor } } }`);
    for (const edge of data.figureValues.edges) {
      const key = answerKeys.find(
        (item) => item.year === 2024 && item.agency === edge.node.agency.name,
      ) as AnswerKey;
      const total = Number(key.figures['t3.total.total']);
      const expected =
        total === 0 || key.figures['t3.total.total'] === null
          ? null
          : (Number(key.figures['t3.granted.total']) +
              Number(key.figures['t3.partiallyGranted.total'])) /
            total;
      if (expected === null) expect(edge.node.value).toBeNull();
      else expect(Number(edge.node.value)).toBeCloseTo(expected, 12);
    }
  });

  it('given asOf before the corrections, then figureValues equals the log folded by hand up to that instant', async () => {
    const events = await api.ledger.store.readAll();
    const folded = new Map<string, Map<string, string | null>>();
    for (const event of events) {
      if (event.recordedAt.getTime() > importedUntil.getTime()) continue;
      const reportId = reportIdOfStream(event.streamId);
      if (!reportId) continue;
      if (event.type === 'ReportImported') {
        const data = event.data as ReportImportedData;
        folded.set(reportId, new Map(data.figures.map((cell) => [cell.key, cell.value])));
      } else if (event.type === 'FiguresEdited' || event.type === 'ChangeReverted') {
        for (const change of (event.data as { changes: FigureChangeData[] }).changes)
          folded.get(reportId)?.set(change.key, change.to);
      }
    }
    // Keys the import read differently from the answer key: the corrections changed them later.
    const corrected = answerKeys.flatMap((key) => {
      const imported = folded.get(reportIdFor(key.agency, key.year));
      return Object.keys(key.figures).filter(
        (figure) => imported !== undefined && imported.get(figure) !== key.figures[figure],
      );
    });
    const checkKeys = [...new Set([KEY, FEE, 't4.review.total', ...corrected.slice(0, 3)])];
    for (const key of checkKeys) {
      const data = await gql<ValuesAnswer>(
        `query($key: String!, $asOf: DateTime) { figureValues(key: $key, first: 100, asOf: $asOf) { totalCount edges { cursor node { value year report { id reportId } agency { id name region { code name level } } } } pageInfo { hasNextPage endCursor } } }`,
        { key, asOf: importedUntil.toISOString() },
      );
      expect(data.figureValues.totalCount).toBe(folded.size);
      for (const edge of data.figureValues.edges) {
        expect(edge.node.value).toBe(folded.get(edge.node.report.reportId)?.get(key) ?? null);
      }
    }
    const before = await gql<ValuesAnswer>(
      `query($asOf: DateTime) { figureValues(key: "${KEY}", first: 10, asOf: $asOf) { totalCount edges { cursor node { value year report { id reportId } agency { id name region { code name level } } } } pageInfo { hasNextPage endCursor } } }`,
      { asOf: new Date(events[0].recordedAt.getTime() - 1000).toISOString() },
    );
    expect(before.figureValues.totalCount).toBe(0);
  });

  it('given one agency, when its series and two years are compared, then they follow the answer keys', async () => {
    const agency = '平潭综合实验区';
    const own = answerKeys.filter((key) => key.agency === agency);
    const first =
      await gql<ValuesAnswer>(`{ figureValues(key: "${KEY}", filter: { regionCode: "350128" }, first: 1) {
      totalCount edges { cursor node { value year report { id reportId } agency { id name region { code name level } } } } pageInfo { hasNextPage endCursor } } }`);
    const agencyId = first.figureValues.edges[0].node.agency.id;
    const years = own.map((key) => key.year);
    const from = Math.min(...years);
    const to = Math.max(...years);
    const series = await gql<{
      node: { series: Array<{ year: number; value: string | null; hasReport: boolean }> };
    }>(
      `query($id: ID!) { node(id: $id) { ... on Agency { series(keys: ["${KEY}"], fromYear: ${from - 1}, toYear: ${to}) { year value hasReport } } } }`,
      { id: agencyId },
    );
    for (const point of series.node.series) {
      const key = own.find((item) => item.year === point.year);
      expect(point.hasReport).toBe(key !== undefined);
      expect(point.value).toBe(key?.figures[KEY] ?? null);
    }
    const a = own.find((key) => key.year === 2023) as AnswerKey;
    const b = own.find((key) => key.year === 2024) as AnswerKey;
    const compared = await gql<{
      compareYears: {
        changes: Array<{
          key: string;
          a: string | null;
          b: string | null;
          absoluteChange: string | null;
        }>;
        crossYearRules: Array<{ id: string; status: string; scope: string }>;
      };
    }>(
      `query($id: ID!) { compareYears(agencyId: $id, yearA: 2023, yearB: 2024, keys: ["${KEY}", "t3.carriedOver.total"]) { changes { key a b absoluteChange } crossYearRules { id status scope } } }`,
      { id: agencyId },
    );
    expect(compared.compareYears.changes[0]).toEqual({
      key: KEY,
      a: a.figures[KEY],
      b: b.figures[KEY],
      absoluteChange: String(Number(b.figures[KEY]) - Number(a.figures[KEY])),
    });
    const carry = compared.compareYears.crossYearRules.find(
      (rule) => rule.id === 'XY_CARRY' && rule.scope === 'total',
    );
    const carryHolds = a.figures['t3.carriedForward.total'] === b.figures['t3.carriedOver.total'];
    expect(carry?.status).toBe(carryHolds ? 'OK' : 'FAILED');
  });

  it('given the change feed, when resumed from every cursor while writers append, then no event is skipped or repeated', async () => {
    const PAGE = `query($after: String) { changes(first: 7, after: $after) { edges { cursor node { position type reportId revision recordedAt actor { name } } } pageInfo { hasNextPage endCursor } } }`;
    type Page = {
      changes: {
        edges: Array<{ cursor: string; node: { position: number } }>;
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
      };
    };
    const readFrom = async (after: string | null, untilDone: () => boolean): Promise<number[]> => {
      const positions: number[] = [];
      let cursor = after;
      for (;;) {
        const done = untilDone();
        const page: Page = await gql<Page>(PAGE, { after: cursor });
        positions.push(...page.changes.edges.map((edge) => edge.node.position));
        cursor = page.changes.pageInfo.endCursor ?? cursor;
        if (!page.changes.pageInfo.hasNextPage && done) return positions;
      }
    };
    // Writers: each edits a different report, a few times, while the reader pages.
    let writing = true;
    const writers = answerKeys.slice(0, 4).map(async (key, writer) => {
      const id = reportIds.get(key) as string;
      for (let round = 0; round < 3; round++) {
        const report = await gql<{ reportById: { revision: number } }>(
          `query($id: ID!) { reportById(id: $id) { revision } }`,
          { id },
        );
        await gql(
          SET_FIGURES,
          {
            input: {
              reportId: id,
              expectedRevision: report.reportById.revision,
              changes: [{ key: 't2.rules.issued', value: String(100 + writer * 10 + round) }],
              reason: '并发写入测试',
            },
          },
          admin,
        );
      }
    });
    const reading = readFrom(null, () => !writing);
    await Promise.all(writers);
    writing = false;
    const seen = await reading;
    const all = (await api.ledger.store.readAll()).map((event) => event.position);
    expect(seen).toEqual(all);
    for (const cursor of all) {
      expect(await readFrom(String(cursor), () => true)).toEqual(
        all.filter((position) => position > cursor),
      );
    }
  }, 120_000);

  it('given bad input, then each is a clear BAD_USER_INPUT naming the field', async () => {
    const cases: Array<[string, string]> = [
      [`{ figureValues(key: "t9.nothing") { totalCount } }`, 'key'],
      [
        `{ figureValues(key: "${KEY}", filter: { regionCode: "999999" }) { totalCount } }`,
        'filter.regionCode',
      ],
      [`{ figureAggregates(keys: ["i.nothing"], groupBy: [YEAR]) { key } }`, 'keys[0]'],
      [
        `{ figureAggregates(keys: ["${KEY}"], groupBy: [YEAR, PROVINCE, AGENCY]) { key } }`,
        'groupBy',
      ],
      [`{ figureValues(key: "${KEY}", first: 101) { totalCount } }`, 'first'],
      [`{ changes(first: 101) { checkpoint } }`, 'first'],
      [`{ changes(after: "not-a-position") { checkpoint } }`, 'after'],
    ];
    for (const [query, field] of cases) {
      const result = await api.gql(query);
      expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
  });

  it('given an administrator sets a region, then queries follow it, the feed shows who and why, and asOf before it does not', async () => {
    const located =
      await gql<ValuesAnswer>(`{ figureValues(key: "${KEY}", filter: { regionCode: "320800" }, orderBy: { by: AGENCY_NAME, direction: ASC }, first: 1) {
      totalCount edges { cursor node { value year report { id reportId } agency { id name region { code name level } } } } pageInfo { hasNextPage endCursor } } }`);
    const agency = located.figureValues.edges[0].node.agency;
    const SET = `mutation($input: SetAgencyRegionInput!) { setAgencyRegion(input: $input) { name region { code } regionStatus } }`;
    const refused = await api.gql(SET, {
      input: { agencyId: agency.id, regionCode: '640221', reason: '测试' },
    });
    expect(refused.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const before = new Date();
    await new Promise((resolve) => setTimeout(resolve, 20));
    const set = await gql<{ setAgencyRegion: { region: { code: string }; regionStatus: string } }>(
      SET,
      { input: { agencyId: agency.id, regionCode: '640221', reason: '区划更正测试' } },
      admin,
    );
    expect(set.setAgencyRegion).toEqual({
      name: agency.name,
      region: { code: '640221' },
      regionStatus: 'SET',
    });
    const reports = answerKeys.filter((key) => key.agency === agency.name).length;
    const ningxia = await gql<ValuesAnswer>(
      `{ figureValues(key: "${KEY}", filter: { regionCode: "640000" }, first: 100) { totalCount edges { cursor node { value year report { id reportId } agency { id name region { code name level } } } } pageInfo { hasNextPage endCursor } } }`,
    );
    const ningxiaKeys = answerKeys.filter((key) => provinceOf(key.agency) === '640000').length;
    expect(ningxia.figureValues.totalCount).toBe(ningxiaKeys + reports);
    const past = await gql<ValuesAnswer>(
      `query($asOf: DateTime) { figureValues(key: "${KEY}", filter: { regionCode: "640000" }, first: 100, asOf: $asOf) { totalCount edges { cursor node { value year report { id reportId } agency { id name region { code name level } } } } pageInfo { hasNextPage endCursor } } }`,
      { asOf: before.toISOString() },
    );
    expect(past.figureValues.totalCount).toBe(ningxiaKeys);
    const feed = await gql<{
      changes: {
        edges: Array<{ node: { type: string; actor: { name: string }; reason: string } }>;
      };
    }>(
      `{ changes(first: 100, filter: { types: ["AgencyRegionSet"] }) { edges { node { type actor { name } reason } } } }`,
    );
    expect(feed.changes.edges.map((edge) => edge.node)).toEqual([
      { type: 'AgencyRegionSet', actor: { name: '管理员甲' }, reason: '区划更正测试' },
    ]);
    await gql(SET, { input: { agencyId: agency.id, regionCode: null, reason: '恢复' } }, admin);
  });
});
