// The would-be revision's rule results are those of the revision an approval would write, and
// the agency review policy folds from the agency stream. Pure: no database.
import { reviewRequiredOf } from '../../events/proposal/agencyReviewPolicy';
import { decide } from '../../events/report/decide';
import { fold } from '../../events/report/evolve';
import { agencyIdFor, reportIdFor } from '../../events/report/ids';
import type { ReportState } from '../../events/report/reportState';
import type { RecordedEvent } from '../../events/store/types';
import { wouldBeRules } from '../../src/application/proposals/wouldBeRules';
import { rulesOf } from '../../src/projections/reportRules';
import { parsedReportFixture } from '../report/parsedReportFixture';

const AGENCY = '某某县人民政府办公室';
const reportId = reportIdFor(AGENCY, 2024);
const actor = { id: 'token:a', name: '甲' };

function recorded(events: Array<{ type: string; data: unknown }>, from: number): RecordedEvent[] {
  return events.map((event, index) => ({
    eventId: `00000000-0000-4000-8000-${String(from + index).padStart(12, '0')}`,
    streamId: `report-${reportId}`,
    revision: from + index,
    position: from + index + 1,
    type: event.type,
    schemaVersion: 1,
    data: event.data,
    metadata: { actor, reason: '测试' },
    recordedAt: new Date(Date.UTC(2025, 0, 1, 0, 0, from + index)),
    hash: 'h',
    previousHash: null,
  }));
}

function imported(): ReportState {
  const command = {
    type: 'ImportReport' as const,
    reportId,
    agencyId: agencyIdFor(AGENCY),
    agency: AGENCY,
    year: 2024,
    sourceUrl: null,
    parsed: parsedReportFixture({ agency: AGENCY, year: 2024 }),
  };
  return fold(null, recorded(decide(command, null), 0)) as ReportState;
}

const statuses = (rules: ReturnType<typeof rulesOf>) =>
  rules.map((rule) => `${rule.id}/${rule.scope}:${rule.status}`);

describe('would-be rules and review policy (unit)', () => {
  it('given a report, when a change is proposed, then the would-be rules equal those of the revision setFigures would write', () => {
    const report = imported();
    const key = 't3.newReceived.naturalPerson';
    const current = report.figures.find((figure) => figure.key === key)?.value ?? '0';
    const proposed = String(Number(current) + 9);
    const applied = fold(
      report,
      recorded(
        decide(
          {
            type: 'SetFigures',
            expectedRevision: report.revision,
            changes: [{ key, value: proposed }],
          },
          report,
        ),
        report.revision + 1,
      ),
    ) as ReportState;
    const wouldBe = wouldBeRules(report, [{ key, proposed }]);
    expect(wouldBe.rules.length).toBeGreaterThan(0);
    expect(statuses(wouldBe.rules)).toEqual(statuses(rulesOf(applied)));
    const before = new Map(
      rulesOf(report).map((rule) => [`${rule.id}/${rule.scope}`, rule.status]),
    );
    for (const impact of wouldBe.impact) {
      expect(before.get(`${impact.id}/${impact.scope}`)).toBe(impact.before);
      expect(impact.after).not.toBe(impact.before);
    }
  });

  it('given a report, when the proposed values are its own, then nothing would change', () => {
    const report = imported();
    const changes = report.figures
      .slice(0, 5)
      .map((figure) => ({ key: figure.key, proposed: figure.value }));
    expect(wouldBeRules(report, changes).impact).toEqual([]);
  });

  it('given an agency stream, then the last AgencyReviewPolicySet decides, and none means no review', () => {
    const event = (type: string, data: unknown) => ({ type, data });
    expect(reviewRequiredOf([event('AgencyRegistered', { agencyId: 'a', name: 'x' })])).toBe(false);
    expect(
      reviewRequiredOf([
        event('AgencyRegistered', { agencyId: 'a', name: 'x' }),
        event('AgencyReviewPolicySet', { agencyId: 'a', reviewRequired: true }),
      ]),
    ).toBe(true);
    expect(
      reviewRequiredOf([
        event('AgencyReviewPolicySet', { agencyId: 'a', reviewRequired: true }),
        event('AgencyMarkedSample', { agencyId: 'a' }),
        event('AgencyReviewPolicySet', { agencyId: 'a', reviewRequired: false }),
      ]),
    ).toBe(false);
  });
});
