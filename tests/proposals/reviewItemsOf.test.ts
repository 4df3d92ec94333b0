// The importer names the readings an ambiguous digit run still allows, and the review items
// 待核实 list them. Pure: no database.
import { decide } from '../../events/report/decide';
import { fold } from '../../events/report/evolve';
import { agencyIdFor, reportIdFor } from '../../events/report/ids';
import type { ReportState } from '../../events/report/reportState';
import { reviewItemsOf } from '../../src/application/proposals/reviewItems';
import { importDocument } from '../../src/domain/importer/importDocument';
import { splitDigitRun } from '../../src/domain/importer/digitRuns';
import { consistentValues, flattenedReport } from '../importer/syntheticReport';

const AGENCY = '示例县待核实单元测试局';

describe('review items of ambiguous digit runs (unit)', () => {
  it('given a run no sum decides, when it is imported, then its warning lists every cut and the report has one open item with them', () => {
    const parsed = importDocument(flattenedReport(consistentValues()));
    const warning = parsed.warnings.find((entry) => entry.code === 'DIGIT_RUN_AMBIGUOUS');
    expect(warning?.candidates).toBeDefined();
    const raw = parsed.figures[warning!.keys[0]].raw as string;
    // Every cut the digit run allows is a candidate: nothing the document does not determine is stated.
    expect(warning!.candidates!.map((candidate) => candidate.values).sort()).toEqual(
      splitDigitRun([raw], warning!.keys.length).sort(),
    );

    const reportId = reportIdFor(AGENCY, 2024);
    const [event] = decide(
      {
        type: 'ImportReport',
        reportId,
        agencyId: agencyIdFor(AGENCY),
        agency: AGENCY,
        year: 2024,
        sourceUrl: null,
        parsed,
      },
      null,
    );
    const state = fold(null, [
      {
        eventId: '00000000-0000-4000-8000-000000000000',
        streamId: `report-${reportId}`,
        revision: 0,
        position: 1,
        type: event.type,
        schemaVersion: 1,
        data: event.data,
        metadata: { actor: { id: 'token:a', name: '甲' }, reason: '导入' },
        recordedAt: new Date(Date.UTC(2025, 0, 1)),
        hash: 'h',
        previousHash: null,
      },
    ]) as ReportState;
    const items = reviewItemsOf(state);
    expect(items).toEqual([
      expect.objectContaining({
        keys: warning!.keys,
        candidates: warning!.candidates!.map((candidate) => candidate.values),
        current: warning!.keys.map(() => null),
        resolved: false,
      }),
    ]);
  });
});
