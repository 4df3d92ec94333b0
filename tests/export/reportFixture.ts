// A synthetic 2021-template report with all 200 figures, built from the catalog so the tests
// need no corpus. Values are chosen to exercise the formats: an exact fee with six decimals,
// blank cells, published markers, and change records with commas, quotes and newlines.
import { FIGURE_KEYS } from '../../src/domain/format/figureCatalog';
import type { ExportableFigure, ExportableReport } from '../../src/export/exportableReport';

export const FEE = '28.488564';

export function figureValue(index: number): string {
  return String((index * 7) % 13);
}

export function fixtureReport(overrides: Partial<ExportableReport> = {}): ExportableReport {
  const figures: ExportableFigure[] = FIGURE_KEYS.map((key, index) => ({
    key,
    value: key === 't2.fees.amount' ? FEE : figureValue(index),
    raw: key === 't2.fees.amount' ? FEE : figureValue(index),
    marker: null,
    revision: 1,
    lastChange: {
      actorName: 'importer',
      actorId: 'actor-import',
      recordedAt: new Date('2025-01-02T03:04:05.000Z'),
      reason: 'initial import',
    },
    narrative: null,
  }));
  return {
    id: 'report-1',
    agency: '平罗县审批服务管理局',
    year: 2024,
    template: '2021',
    revision: 3,
    figures,
    narrative: [
      { id: '1', heading: '一、总体情况', text: '本年度，我局坚持……\n第二段。' },
      { id: '1.1', heading: '（一）主动公开', text: '主动公开信息6616条。' },
      { id: '5', heading: '五、存在的主要问题及改进情况', text: '存在问题：' },
    ],
    ...overrides,
  };
}

/** Replaces some figures of a report by key. */
export function withFigures(
  report: ExportableReport,
  changes: Record<string, Partial<ExportableFigure>>,
): ExportableReport {
  return {
    ...report,
    figures: report.figures.map((figure) =>
      changes[figure.key] ? { ...figure, ...changes[figure.key] } : figure,
    ),
  };
}

/**
 * Numbers the narrative states (keys n.*), out of text order on purpose: n.1.1.10 comes after
 * n.1.1.2 in the text, and a plain string sort would put it first.
 */
export const NARRATIVE_FIGURES: readonly ExportableFigure[] = [
  {
    key: 'n.1.1.10',
    value: '12',
    raw: '12',
    marker: null,
    revision: 2,
    lastChange: {
      actorName: '张三',
      actorId: 'actor-editor',
      recordedAt: new Date('2025-02-03T04:05:06.000Z'),
      reason: '与原件核对',
    },
    narrative: { sectionId: '1.1', unit: '篇', sentence: '其中政策解读12篇。' },
  },
  {
    key: 'n.1.1.2',
    value: '6616',
    raw: '6616',
    marker: null,
    revision: 1,
    lastChange: null,
    narrative: { sectionId: '1.1', unit: '条', sentence: '主动公开信息6616条。' },
  },
];

/** The fixture with the narrative figures after its 200 table cells. */
export function fixtureReportWithNarrativeFigures(
  overrides: Partial<ExportableReport> = {},
): ExportableReport {
  const report = fixtureReport(overrides);
  return { ...report, figures: [...report.figures, ...NARRATIVE_FIGURES] };
}
