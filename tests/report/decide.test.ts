// The report's business rules, pure: no database.
import { decide } from '../../events/report/decide';
import {
  ReportInputError,
  ReportNotFoundError,
  RevisionConflictError,
} from '../../events/report/errors';
import type { DecidedReportEvent } from '../../events/report/eventCatalog';
import { evolve, fold } from '../../events/report/evolve';
import { agencyIdFor, mutationEventId, reportIdFor } from '../../events/report/ids';
import type { MaybeReportState, ReportState } from '../../events/report/reportState';
import type { RecordedEvent } from '../../events/store/types';
import { parsedReportFixture } from './parsedReportFixture';

const AGENCY = '某某县人民政府办公室';
const reportId = reportIdFor(AGENCY, 2024);

let revision = 0;
function record(
  decided: DecidedReportEvent[],
  actor = { id: 'token:a', name: '甲' },
  reason = '测试',
): RecordedEvent[] {
  return decided.map((event) => {
    const current = revision++;
    return {
      eventId: `00000000-0000-4000-8000-${String(current).padStart(12, '0')}`,
      streamId: `report-${reportId}`,
      revision: current,
      position: current + 1,
      type: event.type,
      schemaVersion: 1,
      data: event.data,
      metadata: { actor, reason },
      recordedAt: new Date(Date.UTC(2025, 0, 1, 0, 0, current)),
      hash: 'h',
      previousHash: null,
    };
  });
}

function importCommand(
  values?: (key: string, index: number) => string | null,
  sourceHash?: string,
) {
  return {
    type: 'ImportReport' as const,
    reportId,
    agencyId: agencyIdFor(AGENCY),
    agency: AGENCY,
    year: 2024,
    sourceUrl: null,
    parsed: parsedReportFixture({
      agency: AGENCY,
      year: 2024,
      ...(values ? { value: values } : {}),
      ...(sourceHash ? { sourceHash } : {}),
    }),
  };
}

function imported(): ReportState {
  revision = 0;
  return fold(null, record(decide(importCommand(), null))) as ReportState;
}

const valueOf = (state: MaybeReportState, key: string) =>
  state?.figures.find((figure) => figure.key === key)?.value;

describe('decide / evolve', () => {
  it('ids are deterministic: same (agency, year) -> same report; same mutation -> same event ids', () => {
    expect(reportIdFor(' 某某县人民政府办公室 ', 2024)).toBe(reportId);
    expect(reportIdFor(AGENCY, 2023)).not.toBe(reportId);
    expect(mutationEventId('token:a', 'm1', 0)).toBe(mutationEventId('token:a', 'm1', 0));
    expect(mutationEventId('token:a', 'm1', 0)).not.toBe(mutationEventId('token:b', 'm1', 0));
    expect(mutationEventId('token:a', 'm1', 0)).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });

  it('the first import creates the report with every figure, narrative figure and provenance', () => {
    const state = imported();
    expect(state.revision).toBe(0);
    expect(state.figures.filter((figure) => figure.narrative === null)).toHaveLength(200);
    expect(state.figures.find((figure) => figure.key === 'n.1.1')).toMatchObject({
      value: '3',
      narrative: { unit: '件' },
    });
    expect(state.figures[0].lastChange).toMatchObject({
      kind: 'import',
      actor: { name: '甲' },
      revision: 0,
    });
  });

  it('setFigures validates every change and names the field', () => {
    const state = imported();
    const attempt = (changes: Array<{ key: string; value: string | null }>) => () =>
      decide({ type: 'SetFigures', expectedRevision: 0, changes }, state);
    expect(attempt([{ key: 'x.y', value: '1' }])).toThrow(
      expect.objectContaining({ field: 'changes[0].key' }),
    );
    expect(
      attempt([
        { key: 't3.granted.total', value: '1' },
        { key: 't3.granted.total', value: '2' },
      ]),
    ).toThrow(expect.objectContaining({ field: 'changes[1].key' }));
    expect(attempt([{ key: 't3.granted.total', value: '-2' }])).toThrow(ReportInputError);
    expect(attempt([{ key: 't3.granted.total', value: '2.5' }])).toThrow(
      expect.objectContaining({ field: 'changes[0].value' }),
    );
    expect(attempt([{ key: 't2.fees.amount', value: 'abc' }])).toThrow(
      expect.objectContaining({ field: 'changes[0].value' }),
    );
    expect(attempt([])).toThrow(expect.objectContaining({ field: 'changes' }));
    // The fee is a decimal; narrative figures are decimals too.
    expect(attempt([{ key: 't2.fees.amount', value: '12.50' }])()).toEqual([
      {
        type: 'FiguresEdited',
        data: {
          cause: 'edit',
          changes: [expect.objectContaining({ key: 't2.fees.amount', to: '12.5' })],
        },
      },
    ]);
  });

  it('a stale expectedRevision is a conflict carrying the current revision; a no-op decides nothing', () => {
    const state = imported();
    const key = 't3.granted.total';
    const edited = evolve(
      state,
      record(
        decide({ type: 'SetFigures', expectedRevision: 0, changes: [{ key, value: '9' }] }, state),
      )[0],
    );
    expect(() =>
      decide({ type: 'SetFigures', expectedRevision: 0, changes: [{ key, value: '8' }] }, edited),
    ).toThrow(RevisionConflictError);
    expect(() =>
      decide({ type: 'SetFigures', expectedRevision: 0, changes: [{ key, value: '8' }] }, edited),
    ).toThrow(/t3\.granted\.total \(now "9"/);
    expect(
      decide({ type: 'SetFigures', expectedRevision: 1, changes: [{ key, value: '9' }] }, edited),
    ).toEqual([]);
    expect(() =>
      decide({ type: 'SetFigures', expectedRevision: 0, changes: [{ key, value: '1' }] }, null),
    ).toThrow(ReportNotFoundError);
  });

  it('null clears a cell (empty is not 0), and a revert restores value, raw and marker', () => {
    let state: MaybeReportState = imported();
    const key = 't4.review.total';
    const before = state.figures.find((figure) => figure.key === key)!;
    const [cleared] = record(
      decide({ type: 'SetFigures', expectedRevision: 0, changes: [{ key, value: null }] }, state),
    );
    state = evolve(state, cleared);
    expect(state!.figures.find((figure) => figure.key === key)).toMatchObject({
      value: null,
      raw: null,
    });
    const [reverted] = record(
      decide({ type: 'RevertChange', expectedRevision: 1, reverted: cleared }, state),
    );
    expect(reverted.type).toBe('ChangeReverted');
    state = evolve(state, reverted);
    expect(state!.figures.find((figure) => figure.key === key)).toMatchObject({
      value: before.value,
      raw: before.raw,
      marker: null,
    });
    expect(state!.figures.find((figure) => figure.key === key)!.lastChange.kind).toBe('revert');
    // Reverting again changes nothing; an import cannot be reverted.
    expect(decide({ type: 'RevertChange', expectedRevision: 2, reverted: cleared }, state)).toEqual(
      [],
    );
    const importEvent = { ...cleared, type: 'ReportImported' };
    expect(() =>
      decide({ type: 'RevertChange', expectedRevision: 2, reverted: importEvent }, state),
    ).toThrow(expect.objectContaining({ field: 'eventId' }));
  });

  it('a re-import records only the differences as edits; the same document decides nothing', () => {
    const state = imported();
    expect(decide(importCommand(), state)).toEqual([]);
    const events = decide(
      importCommand(
        (key, index) => (key === 't3.granted.total' ? '42' : String(index % 7)),
        'other-hash',
      ),
      state,
    );
    expect(events.map((event) => event.type)).toEqual(['ReportReimported', 'FiguresEdited']);
    const edited = events[1] as Extract<DecidedReportEvent, { type: 'FiguresEdited' }>;
    expect(edited.data.cause).toBe('reimport');
    expect(edited.data.changes).toEqual([
      expect.objectContaining({ key: 't3.granted.total', to: '42' }),
    ]);
    const next = fold(state, record(events));
    expect(valueOf(next, 't3.granted.total')).toBe('42');
    expect(next!.sourceHash).toBe('other-hash');
  });

  it('narrative edits change and add sections; bad section ids name the field', () => {
    let state: MaybeReportState = imported();
    const events = decide(
      {
        type: 'EditNarrative',
        expectedRevision: 0,
        sections: [
          { sectionId: '1', text: '改写后的总体情况。' },
          { sectionId: '6', text: '其他事项。', heading: '六、其他需要报告的事项' },
        ],
      },
      state,
    );
    state = fold(state, record(events));
    expect(state!.narrative.map((section) => [section.id, section.text])).toEqual([
      ['1', '改写后的总体情况。'],
      ['6', '其他事项。'],
    ]);
    expect(() =>
      decide(
        { type: 'EditNarrative', expectedRevision: 1, sections: [{ sectionId: 'x', text: 'a' }] },
        state,
      ),
    ).toThrow(expect.objectContaining({ field: 'sections[0].sectionId' }));
    expect(() =>
      decide(
        { type: 'EditNarrative', expectedRevision: 1, sections: [{ sectionId: '7', text: 'a' }] },
        state,
      ),
    ).toThrow(expect.objectContaining({ field: 'sections[0].heading' }));
  });

  it('publish and withdraw change the status once', () => {
    let state: MaybeReportState = imported();
    state = fold(state, record(decide({ type: 'PublishReport', expectedRevision: 0 }, state)));
    expect(state!.status).toBe('published');
    expect(decide({ type: 'PublishReport', expectedRevision: 1 }, state)).toEqual([]);
    state = fold(state, record(decide({ type: 'WithdrawReport', expectedRevision: 1 }, state)));
    expect(state!.status).toBe('withdrawn');
  });
});
