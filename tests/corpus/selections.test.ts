import { agencyIdFor, reportIdFor } from '../../events/report/ids';
import { agenciesPage } from '../../src/corpus/agencySelection';
import { CorpusIndex } from '../../src/corpus/corpusIndex';
import { CorpusView } from '../../src/corpus/corpusView';
import { reportSelectionPage } from '../../src/corpus/reportSelection';
import { chinaDivisions } from '../../src/domain/regions/chinaDivisions';
import { SyntheticLog } from './syntheticLog';

const KEY = 't3.newReceived.total';
const AGENCIES: Record<string, string> = {
  淮安市人民政府: '320000',
  淮安市洪泽区人民政府: '320000',
  平罗县审批服务管理局: '640000',
  宁夏回族自治区发展和改革委员会: '640000',
  鼓楼区人民政府: '',
};

function view(): { view: CorpusView; values: Map<string, number> } {
  const log = new SyntheticLog();
  const values = new Map<string, number>();
  for (const agency of Object.keys(AGENCIES)) log.registerAgency(agency);
  for (const [i, agency] of Object.keys(AGENCIES).entries()) {
    for (const year of [2023, 2024]) {
      const value = (i * 37 + year) % 11;
      values.set(reportIdFor(agency, year), value);
      log.importReport(agency, year, { [KEY]: String(value) });
    }
  }
  const index = new CorpusIndex(chinaDivisions());
  index.apply(log.events);
  return { view: new CorpusView(index, null), values };
}

describe('agency and report selections for agencies(filter) and reports(filter, orderBy) (unit)', () => {
  it('given a province code, when agencies are listed, then exactly the agencies in that subtree come, in pages', () => {
    const { view: corpus } = view();
    const expected = Object.entries(AGENCIES)
      .filter(([, province]) => province === '640000')
      .map(([name]) => agencyIdFor(name))
      .sort();
    const first = agenciesPage(corpus, { regionCode: '640000' }, 1, null);
    expect(first.totalCount).toBe(expected.length);
    const second = agenciesPage(
      corpus,
      { regionCode: '640000' },
      1,
      first.cursorOf(first.agencies[0]),
    );
    expect([...first.agencies, ...second.agencies].map((agency) => agency.agencyId).sort()).toEqual(
      expected,
    );
    expect(second.hasNextPage).toBe(false);
  });

  it('given a level and the unresolved flag, then they filter by the resolution', () => {
    const { view: corpus } = view();
    const provincial = agenciesPage(corpus, { level: 'province' }, 100, null);
    expect(provincial.agencies.map((agency) => agency.name)).toEqual([
      '宁夏回族自治区发展和改革委员会',
    ]);
    const unresolved = agenciesPage(corpus, { unresolved: true }, 100, null);
    expect(unresolved.agencies.map((agency) => agency.name)).toEqual(['鼓楼区人民政府']);
  });

  it('given an order by a figure key, when reports are selected in a region, then they come by value descending', () => {
    const { view: corpus, values } = view();
    const page = reportSelectionPage(
      corpus,
      { regionCode: '320000', years: [2024] },
      { key: KEY },
      10,
      null,
    );
    const expected = Object.entries(AGENCIES)
      .filter(([, province]) => province === '320000')
      .map(([name]) => reportIdFor(name, 2024))
      .sort((a, b) => (values.get(b) as number) - (values.get(a) as number));
    expect(page.totalCount).toBe(expected.length);
    expect(page.reportIds.map((id) => values.get(id))).toEqual(
      expected.map((id) => values.get(id)),
    );
  });

  it('given no key, then reports come newest year first', () => {
    const { view: corpus } = view();
    const page = reportSelectionPage(corpus, {}, {}, 100, null);
    const years = page.reportIds.map(
      (id) => corpus.index.yearOfReport[corpus.index.reportOrdinal(id) as number],
    );
    expect(years).toEqual([...years].sort((a, b) => b - a));
  });
});
