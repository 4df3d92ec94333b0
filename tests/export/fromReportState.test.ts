import type { ChangeRef, ReportState } from '../../events/report/reportState';
import { FIGURE_KEYS } from '../../src/domain/format/figureCatalog';
import { reportToCsv } from '../../src/export/csv';
import { exportableFromReportState } from '../../src/export/fromReportState';

const importChange: ChangeRef = {
  eventId: 'ev-1',
  revision: 0,
  recordedAt: new Date('2025-03-01T08:00:00.000Z'),
  actor: { id: 'token-admin', name: 'admin' },
  reason: null,
  kind: 'import',
};

function state(): ReportState {
  return {
    reportId: 'r-1',
    agencyId: 'a-1',
    agency: '某局',
    year: 2023,
    template: '2021',
    revision: 5,
    status: 'draft',
    importerVersion: '1',
    sourceHash: 'abc',
    sourceUrl: null,
    format: 'markdown',
    shape: 'tsv',
    detected: { agency: '某局', year: 2023 },
    figures: [
      ...FIGURE_KEYS.map((key) => ({
        key,
        value: key === 't2.fees.amount' ? '5949.088667' : '0',
        raw: '0',
        marker: null,
        uncertain: false,
        source: null,
        narrative: null,
        revision: key === 't3.newReceived.total' ? 5 : 0,
        lastChange:
          key === 't3.newReceived.total'
            ? { ...importChange, revision: 5, kind: 'edit' as const, reason: '按原件更正' }
            : importChange,
      })),
      {
        key: 'n.1.1',
        value: '81',
        raw: '81件',
        marker: null,
        uncertain: false,
        source: null,
        narrative: { sectionId: '1', unit: '件', sentence: '收到81件' },
        revision: 0,
        lastChange: importChange,
      },
    ],
    narrative: [
      {
        id: '1',
        heading: '一、总体情况',
        text: '收到81件',
        source: null,
        revision: 0,
        lastChange: importChange,
      },
    ],
    warnings: [],
    createdAt: new Date(0),
    updatedAt: new Date(0),
    lastChange: importChange,
  };
}

describe('exportableFromReportState (unit)', () => {
  it('given a state with table and narrative figures, when mapped, then it keeps all of them with their last change', () => {
    const report = exportableFromReportState(state());
    expect(report.figures.map((figure) => figure.key)).toEqual([...FIGURE_KEYS, 'n.1.1']);
    expect(report.figures.find((f) => f.key === 'n.1.1')).toMatchObject({
      value: '81',
      raw: '81件',
      narrative: { sectionId: '1', unit: '件', sentence: '收到81件' },
      lastChange: { actorName: 'admin' },
    });
    expect(report.figures.find((f) => f.key === 't2.fees.amount')?.narrative).toBeNull();
    expect(report.figures.find((f) => f.key === 't3.newReceived.total')).toMatchObject({
      revision: 5,
      lastChange: { actorName: 'admin', actorId: 'token-admin', reason: '按原件更正' },
    });
    expect(report.figures.find((f) => f.key === 't2.fees.amount')?.value).toBe('5949.088667');
    expect(report.narrative).toEqual([{ id: '1', heading: '一、总体情况', text: '收到81件' }]);
    expect(report).toMatchObject({ id: 'r-1', agency: '某局', year: 2023, revision: 5 });
    expect(reportToCsv(report).split('\r\n')).toHaveLength(1 + 201 + 1);
  });
});
