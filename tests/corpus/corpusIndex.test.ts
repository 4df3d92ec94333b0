import { agencyIdFor, reportIdFor } from '../../events/report/ids';
import { addDecimals } from '../../src/domain/format/decimal';
import { chinaDivisions } from '../../src/domain/regions/chinaDivisions';
import { changesPage } from '../../src/corpus/changePage';
import { CorpusIndex } from '../../src/corpus/corpusIndex';
import { selectReports } from '../../src/corpus/corpusFilter';
import { metricOf } from '../../src/corpus/corpusMetric';
import { CorpusView } from '../../src/corpus/corpusView';
import {
  crossYearInputsVersion,
  reportsFailingCrossYearRules,
} from '../../src/corpus/crossYearRuleFailures';
import { figureAggregates } from '../../src/corpus/figureAggregates';
import { rankReports } from '../../src/corpus/reportRanking';
import { agencySeries, compareYears } from '../../src/corpus/agencySeries';
import { SyntheticLog } from './syntheticLog';

const KEY = 't3.newReceived.total';
const FEE = 't2.fees.amount';
// Agencies in three regions the dataset names; values drawn at random, kept in `truth`.
const AGENCIES = [
  '淮安市人民政府',
  '淮安市洪泽区人民政府',
  '沭阳县发展和改革局',
  '平罗县审批服务管理局',
  '鼓楼区人民政府',
];
const YEARS = [2023, 2024];

interface Truth {
  agency: string;
  year: number;
  value: string | null;
  fee: string | null;
}

function buildLog(): { log: SyntheticLog; truth: Truth[] } {
  const log = new SyntheticLog();
  const truth: Truth[] = [];
  for (const agency of AGENCIES) log.registerAgency(agency);
  for (const year of YEARS) {
    for (const agency of AGENCIES) {
      const blank = log.random() < 0.2;
      const value = blank ? null : String(Math.floor(log.random() * 500));
      const fee = `${Math.floor(log.random() * 1000)}.${String(Math.floor(log.random() * 1e6)).padStart(6, '0')}`;
      log.importReport(agency, year, {
        [KEY]: value,
        [FEE]: fee,
        't3.carriedOver.total': '0',
        't3.carriedForward.total': '0',
      });
      truth.push({ agency, year, value, fee: fee.replace(/0+$/, '').replace(/\.$/, '') });
    }
  }
  return { log, truth };
}

function indexOf(log: SyntheticLog): CorpusIndex {
  const index = new CorpusIndex(chinaDivisions());
  index.apply(log.events);
  return index;
}

describe('corpus index folded from the log (unit)', () => {
  it('given imported reports, when ranked by value descending, then the order is the values sorted, blanks last', () => {
    const { log, truth } = buildLog();
    const view = new CorpusView(indexOf(log), null);
    const selected = selectReports(view, { year: 2024 });
    const page = rankReports(
      view,
      selected,
      { by: 'VALUE', direction: 'DESC', metric: metricOf(view, KEY) },
      100,
      null,
    );
    const expected = truth
      .filter((row) => row.year === 2024)
      .sort((a, b) =>
        a.value === null ? 1 : b.value === null ? -1 : Number(b.value) - Number(a.value),
      );
    expect(page.totalCount).toBe(expected.length);
    const metric = metricOf(view, KEY);
    expect(page.ordinals.map((ordinal) => metric.reading(ordinal).value)).toEqual(
      expected.map((row) => row.value),
    );
  });

  it('given pages of 2, when followed by cursor, then every report comes once in the same order as one page', () => {
    const { log } = buildLog();
    const view = new CorpusView(indexOf(log), null);
    const selected = selectReports(view, {});
    const ranking = {
      by: 'VALUE' as const,
      direction: 'ASC' as const,
      metric: metricOf(view, KEY),
    };
    const whole = rankReports(view, selected, ranking, 100, null).ordinals;
    const paged: number[] = [];
    let after: string | null = null;
    for (;;) {
      const page = rankReports(view, selected, ranking, 2, after);
      paged.push(...page.ordinals);
      if (!page.hasNextPage) break;
      after = page.cursorOf(page.ordinals[page.ordinals.length - 1]);
    }
    expect(paged).toEqual(whole);
  });

  it('given a region filter, then only reports of agencies in that subtree are selected', () => {
    const { log, truth } = buildLog();
    const view = new CorpusView(indexOf(log), null);
    const jiangsu = selectReports(view, { regionCode: '320000' });
    const expected = truth.filter((row) =>
      ['淮安市人民政府', '淮安市洪泽区人民政府', '沭阳县发展和改革局'].includes(row.agency),
    );
    expect(jiangsu.length).toBe(expected.length);
    expect(selectReports(view, { regionCode: '640221' }).length).toBe(
      truth.filter((row) => row.agency === '平罗县审批服务管理局').length,
    );
    expect(() => selectReports(view, { regionCode: '999999' })).toThrow(/GB\/T 2260/);
  });

  it('given the fee, when aggregated by year, then the sum is the exact decimal sum of the answer values', () => {
    const { log, truth } = buildLog();
    const view = new CorpusView(indexOf(log), null);
    const rows = figureAggregates(view, [FEE, KEY], ['YEAR']);
    for (const year of YEARS) {
      const fees = truth.filter((row) => row.year === year).map((row) => row.fee as string);
      const fee = rows.find((row) => row.group.year === year && row.key === FEE);
      expect(fee?.sum).toBe(addDecimals(fees));
      const values = truth.filter((row) => row.year === year).map((row) => row.value);
      const count = rows.find((row) => row.group.year === year && row.key === KEY);
      expect(count).toMatchObject({
        reports: values.length,
        withValue: values.filter((value) => value !== null).length,
        blanks: values.filter((value) => value === null).length,
      });
      const present = values.filter((value): value is string => value !== null);
      expect(count?.sum).toBe(present.length ? addDecimals(present) : null);
    }
  });

  it('given an edit and a publication, when read as of before them, then the old value and status come back', () => {
    const { log, truth } = buildLog();
    const before = log.tick();
    const row = truth.find((item) => item.year === 2024 && item.value !== null) as Truth;
    log.editFigures(row.agency, 2024, [{ key: KEY, from: row.value, to: '9999' }]);
    log.publish(row.agency, 2024);
    const index = indexOf(log);
    const ordinal = index.reportOrdinal(reportIdFor(row.agency, 2024)) as number;
    const now = new CorpusView(index, null);
    const then = new CorpusView(index, before.getTime());
    expect(now.value(KEY, ordinal)).toBe('9999');
    expect(then.value(KEY, ordinal)).toBe(row.value);
    expect(now.status(ordinal)).toBe(1);
    expect(then.status(ordinal)).toBe(0);
    // Before the first import nothing existed.
    const first = new CorpusView(index, log.events[0].recordedAt.getTime());
    expect(selectReports(first, {}).length).toBe(0);
  });

  it('given an ambiguous agency, when an administrator sets its region, then it is selected by that region from then on', () => {
    const { log } = buildLog();
    const before = log.tick();
    log.setRegion('鼓楼区人民政府', '350102');
    const index = indexOf(log);
    const agency = index.agencyOrdinal(agencyIdFor('鼓楼区人民政府')) as number;
    expect(index.regionOf(agency, before.getTime()).status).toBe('ambiguous');
    expect(index.regionOf(agency)).toMatchObject({
      status: 'set',
      code: '350102',
      level: 'county',
    });
    const fuzhou = selectReports(new CorpusView(index, null), { regionCode: '350100' });
    expect(fuzhou.length).toBe(YEARS.length);
    expect(
      selectReports(new CorpusView(index, before.getTime()), { regionCode: '350100' }).length,
    ).toBe(0);
  });

  it('given views of now that selected and grouped by region, when a region is set later, then the next view of now uses the new region', () => {
    const { log } = buildLog();
    const index = indexOf(log);
    const fuzhou = () => selectReports(new CorpusView(index, null), { regionCode: '350100' });
    const provinces = () =>
      figureAggregates(new CorpusView(index, null), [KEY], ['PROVINCE']).map(
        (row) => `${row.group.provinceCode}:${row.reports}`,
      );
    // The shared cache of current regions is filled by these.
    expect(fuzhou().length).toBe(0);
    const before = provinces();
    expect(before).not.toContain(`350000:${YEARS.length}`);
    log.setRegion('鼓楼区人民政府', '350102');
    index.apply(log.events);
    expect(fuzhou().length).toBe(YEARS.length);
    expect(provinces()).toContain(`350000:${YEARS.length}`);
  });

  it('given several years, when selected by years, then the reports of those years in ordinal order', () => {
    const { log } = buildLog();
    const index = indexOf(log);
    const view = new CorpusView(index, null);
    const all = Array.from(selectReports(view));
    const byYears = Array.from(selectReports(view, { years: [2024, 2023] }));
    expect(byYears).toEqual(all.filter((ordinal) => YEARS.includes(index.yearOfReport[ordinal])));
    expect(Array.from(selectReports(view, { year: 2024 }))).toEqual(
      all.filter((ordinal) => index.yearOfReport[ordinal] === 2024),
    );
  });

  it('given carried-over figures that agree, when last year’s carried-forward is edited, then the cross-year inputs change and this year fails; an edit of another figure changes nothing', () => {
    const { log } = buildLog();
    const index = indexOf(log);
    const agency = AGENCIES[0];
    const before = crossYearInputsVersion(index);
    expect(reportsFailingCrossYearRules(new CorpusView(index, null))).toEqual([]);
    log.editFigures(agency, 2024, [{ key: KEY, from: null, to: '7' }]);
    index.apply(log.events);
    expect(crossYearInputsVersion(index)).toBe(before);
    log.editFigures(agency, 2023, [{ key: 't3.carriedForward.total', from: '0', to: '5' }]);
    index.apply(log.events);
    expect(crossYearInputsVersion(index)).not.toBe(before);
    expect(reportsFailingCrossYearRules(new CorpusView(index, null))).toEqual([
      reportIdFor(agency, 2024),
    ]);
  });

  it('given the change feed read in pages from every cursor, then each event comes exactly once in order', () => {
    const { log } = buildLog();
    log.editFigures(AGENCIES[0], 2023, [{ key: KEY, from: null, to: '1' }]);
    const index = indexOf(log);
    const view = new CorpusView(index, null);
    for (let start = 0; start <= log.events.length; start++) {
      const seen: number[] = [];
      let after = start;
      for (;;) {
        const page = changesPage(view, after, 3);
        seen.push(...page.entries.map((entry) => entry.position));
        if (!page.hasNextPage) break;
        after = page.entries[page.entries.length - 1].position;
      }
      expect(seen).toEqual(
        log.events.filter((event) => event.position > start).map((event) => event.position),
      );
    }
    const edits = changesPage(view, 0, 100, { keys: [KEY], types: ['FiguresEdited'] });
    expect(edits.entries.map((entry) => entry.type)).toEqual(['FiguresEdited']);
  });

  it('given two years of one agency, when compared, then changes are exact and cross-year rules are checked', () => {
    const { log, truth } = buildLog();
    const index = indexOf(log);
    const view = new CorpusView(index, null);
    const agency = AGENCIES[1];
    const agencyOrdinal = index.agencyOrdinal(agencyIdFor(agency)) as number;
    const series = agencySeries(view, agencyOrdinal, [KEY], 2022, 2024);
    const expected = [2022, 2023, 2024].map(
      (year) => truth.find((row) => row.agency === agency && row.year === year)?.value ?? null,
    );
    expect(series.map((point) => point.reading.value)).toEqual(expected);
    const compared = compareYears(view, agencyOrdinal, 2023, 2024, [KEY, 'i.newReceivedGrowth']);
    const [a, b] = [expected[1], expected[2]];
    expect(compared.keys[0].absoluteChange).toBe(
      a !== null && b !== null ? String(Number(b) - Number(a)) : null,
    );
    expect(compared.crossYearRules.map((rule) => rule.id)).toContain('XY_CARRY');
  });
});
