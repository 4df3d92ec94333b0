// The decider as scenarios: given the events a stream holds, when a command arrives, then these
// events are decided (or this error). Pure: no database. The `given` events are folded with
// evolve, so each scenario also proves that evolve reads what decide writes.
import type { ReportCommand } from '../../events/report/commands';
import { decide } from '../../events/report/decide';
import {
  FigureConflictError,
  ReportNotFoundError,
  RevisionConflictError,
} from '../../events/report/errors';
import type { DecidedReportEvent } from '../../events/report/eventCatalog';
import { fold } from '../../events/report/evolve';
import { agencyIdFor, reportIdFor } from '../../events/report/ids';
import type { RecordedEvent } from '../../events/store/types';
import { parsedReportFixture } from './parsedReportFixture';

const AGENCY = '某某县情景测试局';
const reportId = reportIdFor(AGENCY, 2024);
const actor = { id: 'token:a', name: '甲' };

/** Decided events as the store would record them, at revisions 0, 1, 2… */
function recorded(decided: readonly DecidedReportEvent[]): RecordedEvent[] {
  return decided.map((event, revision) => ({
    eventId: `00000000-0000-4000-8000-${String(revision).padStart(12, '0')}`,
    streamId: `report-${reportId}`,
    revision,
    position: revision + 1,
    type: event.type,
    schemaVersion: 1,
    data: event.data,
    metadata: { actor, reason: '情景' },
    recordedAt: new Date(Date.UTC(2025, 0, 1, 0, 0, revision)),
    hash: 'h',
    previousHash: null,
  }));
}

function scenario(given: readonly DecidedReportEvent[]) {
  const state = fold(null, recorded(given));
  return {
    when: (command: ReportCommand) => ({
      then: (expected: DecidedReportEvent[]) => expect(decide(command, state)).toEqual(expected),
      thenFails: (error: unknown) => expect(() => decide(command, state)).toThrow(error as Error),
    }),
  };
}

const importCommand = (value?: (key: string, index: number) => string | null): ReportCommand => ({
  type: 'ImportReport',
  reportId,
  agencyId: agencyIdFor(AGENCY),
  agency: AGENCY,
  year: 2024,
  sourceUrl: null,
  parsed: parsedReportFixture({ agency: AGENCY, year: 2024, ...(value ? { value } : {}) }),
});

/** The ReportImported event the import of the fixture decides (the usual `given`). */
const reportImported = decide(importCommand(), null);
const key = 't3.granted.total';
const importedValue = String(
  (reportImported[0] as Extract<DecidedReportEvent, { type: 'ReportImported' }>).data.figures.find(
    (cell) => cell.key === key,
  )!.value,
);
const figuresEdited = (to: string, from = importedValue): DecidedReportEvent => ({
  type: 'FiguresEdited',
  data: {
    cause: 'edit',
    changes: [{ key, from, to, raw: to, marker: null, fromRaw: from, fromMarker: null }],
  },
});

describe('decider scenarios: given events, when a command, then events (unit)', () => {
  it('given no events, when a figure is set, then the report is not found', () => {
    scenario([])
      .when({ type: 'SetFigures', expectedRevision: 0, changes: [{ key, value: '9' }] })
      .thenFails(ReportNotFoundError);
  });

  it('given an imported report, when a figure is set, then one FiguresEdited records from and to', () => {
    scenario(reportImported)
      .when({ type: 'SetFigures', expectedRevision: 0, changes: [{ key, value: '9' }] })
      .then([figuresEdited('9')]);
  });

  it('given an imported report, when a figure is set to its value, then nothing is decided', () => {
    scenario(reportImported)
      .when({ type: 'SetFigures', expectedRevision: 0, changes: [{ key, value: importedValue }] })
      .then([]);
  });

  it('given an edit of a figure after the import, when it is set again from revision 0, then a conflict names it, its value, who and when', () => {
    const when = scenario([...reportImported, figuresEdited('9')]).when({
      type: 'SetFigures',
      expectedRevision: 0,
      changes: [{ key, value: '8' }],
    });
    when.thenFails(FigureConflictError);
    when.thenFails(
      /changed since revision 0 by someone else: t3\.granted\.total \(now "9", changed by 甲 \[token:a\] at 2025-01-01T00:00:01\.000Z, revision 1\)/,
    );
  });

  it('given an edit of another figure after the import, when a figure is set from revision 0, then it is applied on the current revision', () => {
    const other = 't3.granted.naturalPerson';
    scenario([...reportImported, figuresEdited('9')])
      .when({ type: 'SetFigures', expectedRevision: 0, changes: [{ key: other, value: '77' }] })
      .then([
        {
          type: 'FiguresEdited',
          data: {
            cause: 'edit',
            changes: [expect.objectContaining({ key: other, to: '77' })],
          },
        },
      ] as DecidedReportEvent[]);
  });

  it('given an edit of a figure, when it and another are set from before it, then the whole edit is a conflict', () => {
    scenario([...reportImported, figuresEdited('9')])
      .when({
        type: 'SetFigures',
        expectedRevision: 0,
        changes: [
          { key: 't3.granted.naturalPerson', value: '77' },
          { key, value: '8' },
        ],
      })
      .thenFails(FigureConflictError);
  });

  it('given a figure edited to 9, when another editor also sets it to 9 from revision 0, then nothing is decided', () => {
    scenario([...reportImported, figuresEdited('9')])
      .when({ type: 'SetFigures', expectedRevision: 0, changes: [{ key, value: '9' }] })
      .then([]);
  });

  it('given an imported report at revision 0, when an edit names revision 5, then it is a conflict at 0', () => {
    scenario(reportImported)
      .when({ type: 'SetFigures', expectedRevision: 5, changes: [{ key, value: '8' }] })
      .thenFails(new RevisionConflictError(5, 0));
  });

  it('given a section edited after the import, when another section is edited from revision 0, then it is applied; the same section is a conflict', () => {
    const sectionEdited: DecidedReportEvent = {
      type: 'NarrativeEdited',
      data: {
        cause: 'edit',
        sections: [{ sectionId: '1', heading: '概述', from: null, to: '改' }],
      },
    };
    const given = scenario([...reportImported, sectionEdited]);
    given
      .when({
        type: 'EditNarrative',
        expectedRevision: 0,
        sections: [{ sectionId: '1', text: '再改' }],
      })
      .thenFails(FigureConflictError);
    given
      .when({
        type: 'EditNarrative',
        expectedRevision: 0,
        sections: [{ sectionId: '9', text: '新的一节', heading: '新节' }],
      })
      .thenFails(new RevisionConflictError(0, 1));
    given
      .when({
        type: 'EditNarrative',
        expectedRevision: 1,
        sections: [{ sectionId: '9', text: '新的一节', heading: '新节' }],
      })
      .then([
        {
          type: 'NarrativeEdited',
          data: {
            cause: 'edit',
            sections: [{ sectionId: '9', heading: '新节', from: null, to: '新的一节' }],
          },
        },
      ]);
  });

  it('given an edit and a later edit of another figure, when the first is reverted from revision 1, then it is reverted; after a later edit of its figure, a conflict', () => {
    const other = 't3.granted.naturalPerson';
    const otherEdited: DecidedReportEvent = {
      type: 'FiguresEdited',
      data: {
        cause: 'edit',
        changes: [
          {
            key: other,
            from: null,
            to: '5',
            raw: '5',
            marker: null,
            fromRaw: null,
            fromMarker: null,
          },
        ],
      },
    };
    const [, edit] = recorded([...reportImported, figuresEdited('9')]);
    scenario([...reportImported, figuresEdited('9'), otherEdited])
      .when({ type: 'RevertChange', expectedRevision: 1, reverted: edit })
      .then([expect.objectContaining({ type: 'ChangeReverted' })] as DecidedReportEvent[]);
    scenario([...reportImported, figuresEdited('9'), figuresEdited('8', '9')])
      .when({ type: 'RevertChange', expectedRevision: 1, reverted: edit })
      .thenFails(FigureConflictError);
  });

  it('given an edit, when it is reverted, then ChangeReverted sets the value back', () => {
    const [, edit] = recorded([...reportImported, figuresEdited('9')]);
    scenario([...reportImported, figuresEdited('9')])
      .when({ type: 'RevertChange', expectedRevision: 1, reverted: edit })
      .then([
        {
          type: 'ChangeReverted',
          data: {
            revertedEventId: edit.eventId,
            revertedRevision: 1,
            changes: [
              {
                key,
                from: '9',
                to: importedValue,
                raw: importedValue,
                marker: null,
                fromRaw: '9',
                fromMarker: null,
              },
            ],
            sections: [],
          },
        },
      ]);
  });

  it('given an imported report, when the same document is imported again, then nothing is decided', () => {
    scenario(reportImported).when(importCommand()).then([]);
  });

  it('given a report imported from one rendering and re-imported from another with the same values, when the first is imported again, then nothing is decided; a rendering never seen is recorded', () => {
    const rendering = (sourceHash: string): ReportCommand => {
      const command = importCommand();
      if (command.type !== 'ImportReport') throw new Error('an import command');
      return { ...command, parsed: { ...command.parsed, sourceHash } };
    };
    const first = rendering('hash-of-the-html');
    const imported = decide(first, null);
    const second = decide(rendering('hash-of-the-pdf-text'), fold(null, recorded(imported)));
    expect(second.map((event) => event.type)).toEqual(['ReportReimported']);
    const given = [...imported, ...second];
    scenario(given).when(first).then([]);
    const unseen = decide(rendering('hash-of-a-third-rendering'), fold(null, recorded(given)));
    expect(unseen.map((event) => event.type)).toEqual(['ReportReimported']);
  });

  it('given a published report, when it is published again, then nothing is decided', () => {
    scenario([...reportImported, { type: 'ReportPublished', data: {} }])
      .when({ type: 'PublishReport', expectedRevision: 1 })
      .then([]);
  });

  it('given a published report, when it is withdrawn, then ReportWithdrawn', () => {
    scenario([...reportImported, { type: 'ReportPublished', data: {} }])
      .when({ type: 'WithdrawReport', expectedRevision: 1 })
      .then([{ type: 'ReportWithdrawn', data: {} }]);
  });

  it('given an imported report, when the fee has more than 6 decimal places or a count is above 一亿, then BAD_USER_INPUT names the value and nothing is decided', () => {
    const set = (figureKey: string, value: string): ReportCommand => ({
      type: 'SetFigures',
      expectedRevision: 0,
      changes: [{ key: figureKey, value }],
    });
    const given = scenario(reportImported);
    // What a JSON number 0.1 + 0.2 becomes, and 30 places.
    given.when(set('t2.fees.amount', '0.30000000000000004')).thenFails(/at most 6/);
    given.when(set('t2.fees.amount', `1.${'1'.repeat(30)}`)).thenFails(/at most 6/);
    given.when(set(key, '100000001')).thenFails(/at most 100000000/);
    given.when(set('t2.fees.amount', '28.488564')).then([
      {
        type: 'FiguresEdited',
        data: {
          cause: 'edit',
          changes: [expect.objectContaining({ key: 't2.fees.amount', to: '28.488564' })],
        },
      },
    ] as DecidedReportEvent[]);
    given.when(set(key, '100000000')).then([figuresEdited('100000000')]);
  });

  it('given an imported report, when a marker is set explicitly, then FiguresEdited records the marker; a marker with a value, or an unknown one, is refused', () => {
    const given = scenario(reportImported);
    given
      .when({
        type: 'SetFigures',
        expectedRevision: 0,
        changes: [{ key, value: null, marker: '/' }],
      })
      .then([
        {
          type: 'FiguresEdited',
          data: {
            cause: 'edit',
            changes: [
              {
                key,
                from: importedValue,
                to: null,
                raw: '/',
                marker: '/',
                fromRaw: importedValue,
                fromMarker: null,
              },
            ],
          },
        },
      ]);
    given
      .when({
        type: 'SetFigures',
        expectedRevision: 0,
        changes: [{ key, value: '3', marker: '/' }],
      })
      .thenFails(/a value or a marker/);
    given
      .when({
        type: 'SetFigures',
        expectedRevision: 0,
        changes: [{ key, value: null, marker: 'x' as never }],
      })
      .thenFails(/a marker is one of/);
  });

  it('given a person corrected a figure, when the same document is re-imported, then the correction stays: no FiguresEdited, and a warning names the proposed key', () => {
    const decided = decide(
      importCommand(),
      fold(null, recorded([...reportImported, figuresEdited('9')])),
    );
    expect(decided.map((event) => event.type)).toEqual(['ReportReimported']);
    const reimported = decided[0] as Extract<DecidedReportEvent, { type: 'ReportReimported' }>;
    expect(reimported.data.warnings).toContainEqual(
      expect.objectContaining({ code: 'REIMPORT_PROPOSED', keys: [key] }),
    );
  });

  it('given an imported report, when a document leaving a known cell blank is re-imported, then the value is kept with a warning naming the key', () => {
    const blank = importCommand((cellKey, index) => (cellKey === key ? null : String(index)));
    const state = fold(null, recorded(reportImported));
    const decided = decide(blank, state);
    const edited = decided.find((event) => event.type === 'FiguresEdited') as
      Extract<DecidedReportEvent, { type: 'FiguresEdited' }> | undefined;
    expect(edited?.data.changes.map((change) => change.key) ?? []).not.toContain(key);
    const reimported = decided[0] as Extract<DecidedReportEvent, { type: 'ReportReimported' }>;
    expect(reimported.data.warnings).toContainEqual(
      expect.objectContaining({ code: 'REIMPORT_KEPT', keys: expect.arrayContaining([key]) }),
    );
  });

  it('given an imported report, when a document with no table figures is re-imported, then it is refused', () => {
    scenario(reportImported)
      .when(importCommand(() => null))
      .thenFails(/no table figures/);
  });

  it('given a person edited a section, when the document is re-imported, then the section keeps their text', () => {
    const sectionEdited: DecidedReportEvent = {
      type: 'NarrativeEdited',
      data: {
        cause: 'edit',
        sections: [{ sectionId: '1', heading: '概述', from: null, to: '改' }],
      },
    };
    const decided = decide(
      importCommand(),
      fold(null, recorded([...reportImported, sectionEdited])),
    );
    expect(decided.some((event) => event.type === 'NarrativeEdited')).toBe(false);
  });
});
