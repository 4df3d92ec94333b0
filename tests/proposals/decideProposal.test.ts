// The proposal's business rules, pure: given events -> when command -> then events.
import { decideProposal } from '../../events/proposal/decideProposal';
import { foldProposal } from '../../events/proposal/evolveProposal';
import type { ProposalCommand } from '../../events/proposal/proposalCommands';
import { ProposalForbiddenError } from '../../events/proposal/proposalErrors';
import type { DecidedProposalEvent } from '../../events/proposal/proposalEvents';
import type { MaybeProposalState } from '../../events/proposal/proposalState';
import { staleKeys } from '../../events/proposal/staleKeys';
import { decide } from '../../events/report/decide';
import { ReportInputError, RevisionConflictError } from '../../events/report/errors';
import type { DecidedReportEvent } from '../../events/report/eventCatalog';
import { fold } from '../../events/report/evolve';
import { agencyIdFor, reportIdFor } from '../../events/report/ids';
import type { ActorRef, ReportState } from '../../events/report/reportState';
import type { RecordedEvent } from '../../events/store/types';
import { parsedReportFixture } from '../report/parsedReportFixture';

const AGENCY = '某某县人民政府办公室';
const reportId = reportIdFor(AGENCY, 2024);
const proposalId = '11111111-1111-4111-8111-111111111111';
const KEY = 't3.newReceived.naturalPerson';
const OTHER = 't3.newReceived.total';
const proposer: ActorRef = { id: 'token:editor', name: '编辑' };
const reviewer: ActorRef = { id: 'token:reviewer', name: '审核人' };

function recorded<T extends { type: string; data: unknown }>(
  streamId: string,
  decided: T[],
  fromRevision: number,
  actor: ActorRef,
  reason = '测试',
): RecordedEvent[] {
  return decided.map((event, index) => ({
    eventId: `00000000-0000-4000-8000-${String(fromRevision + index).padStart(12, '0')}`,
    streamId,
    revision: fromRevision + index,
    position: fromRevision + index + 1,
    type: event.type,
    schemaVersion: 1,
    data: event.data,
    metadata: { actor, reason },
    recordedAt: new Date(Date.UTC(2025, 0, 1, 0, 0, fromRevision + index)),
    hash: 'h',
    previousHash: null,
  }));
}

/** A report as imported (revision 0), then the given edits, each one event. */
function report(...edits: Array<Array<{ key: string; value: string | null }>>): ReportState {
  const events: RecordedEvent[] = [];
  let state = fold(
    null,
    recorded(
      `report-${reportId}`,
      decide(
        {
          type: 'ImportReport',
          reportId,
          agencyId: agencyIdFor(AGENCY),
          agency: AGENCY,
          year: 2024,
          sourceUrl: null,
          parsed: parsedReportFixture({ agency: AGENCY, year: 2024 }),
        },
        null,
      ),
      0,
      proposer,
    ),
  ) as ReportState;
  for (const changes of edits) {
    const decided: DecidedReportEvent[] = decide(
      { type: 'SetFigures', expectedRevision: state.revision, changes },
      state,
    );
    const next = recorded(`report-${reportId}`, decided, state.revision + 1, proposer);
    events.push(...next);
    state = fold(state, next) as ReportState;
  }
  return state;
}

const valueOf = (state: ReportState, key: string) =>
  state.figures.find((figure) => figure.key === key)?.value ?? null;

/** Given these commands' events (each by its actor), the proposal's state. */
function given(...steps: Array<[ProposalCommand, ActorRef]>): MaybeProposalState {
  let state: MaybeProposalState = null;
  for (const [command, actor] of steps) {
    const events = recorded(
      `proposal-${proposalId}`,
      decideProposal(command, state),
      state ? state.revision + 1 : 0,
      actor,
      '建议修改',
    );
    state = foldProposal(state, events);
  }
  return state;
}

function open(base: ReportState, value: string): [ProposalCommand, ActorRef] {
  return [
    { type: 'OpenProposal', proposalId, actor: proposer, base, changes: [{ key: KEY, value }] },
    proposer,
  ];
}

function review(
  report: ReportState,
  decision: 'approve' | 'reject',
  actor = reviewer,
): ProposalCommand {
  return {
    type: 'ReviewProposal',
    actor,
    decision,
    comment: '核对原件',
    report,
    appliedEventId: '22222222-2222-4222-8222-222222222222',
  };
}

const changed = (value: string | null) => String(Number(value ?? '0') + 3);

describe('proposal decide / evolve (unit)', () => {
  it('given no proposal, when an editor opens one, then ProposalOpened holds base and proposed values', () => {
    const base = report();
    const proposed = changed(valueOf(base, KEY));
    const events = decideProposal(open(base, proposed)[0], null);
    expect(events).toEqual<DecidedProposalEvent[]>([
      {
        type: 'ProposalOpened',
        data: {
          proposalId,
          reportId,
          agencyId: agencyIdFor(AGENCY),
          agency: AGENCY,
          year: 2024,
          baseRevision: base.revision,
          changes: [{ key: KEY, base: valueOf(base, KEY), proposed }],
        },
      },
    ]);
    const state = given(open(base, proposed));
    expect(state).toMatchObject({ status: 'open', proposedBy: proposer, reason: '建议修改' });
  });

  it('given a report, when a proposal changes nothing, unknown keys or bad values, then it is refused', () => {
    const base = report();
    const same = { type: 'OpenProposal' as const, proposalId, actor: proposer, base };
    expect(() =>
      decideProposal({ ...same, changes: [{ key: KEY, value: valueOf(base, KEY) }] }, null),
    ).toThrow(ReportInputError);
    expect(() =>
      decideProposal({ ...same, changes: [{ key: 't9.nothing', value: '1' }] }, null),
    ).toThrow(ReportInputError);
    expect(() => decideProposal({ ...same, changes: [{ key: KEY, value: '-1' }] }, null)).toThrow(
      ReportInputError,
    );
  });

  it('given an open proposal, when its author reviews it, then it is forbidden', () => {
    const base = report();
    const state = given(open(base, changed(valueOf(base, KEY))));
    expect(() => decideProposal(review(base, 'approve', proposer), state)).toThrow(
      ProposalForbiddenError,
    );
    expect(() => decideProposal(review(base, 'reject', proposer), state)).toThrow(
      ProposalForbiddenError,
    );
  });

  it('given an open proposal, when another person approves, then ProposalApproved names the report revision', () => {
    const base = report();
    const state = given(open(base, changed(valueOf(base, KEY))));
    const events = decideProposal(review(base, 'approve'), state);
    expect(events).toEqual([
      {
        type: 'ProposalApproved',
        data: {
          comment: '核对原件',
          reportRevision: base.revision,
          appliedEventId: '22222222-2222-4222-8222-222222222222',
        },
      },
    ]);
    const approved = foldProposal(state, recorded(`proposal-${proposalId}`, events, 1, reviewer));
    expect(approved?.status).toBe('approved');
    expect(approved?.review?.reviewer).toEqual(reviewer);
    expect(() => decideProposal(review(base, 'reject'), approved)).toThrow(ReportInputError);
  });

  it('given a proposal whose cell changed after its base, then it is stale and approval is a conflict', () => {
    const base = report();
    const now = report([{ key: KEY, value: changed(changed(valueOf(base, KEY))) }]);
    const state = given(open(base, changed(valueOf(base, KEY))));
    expect(staleKeys(state!, now)).toEqual([KEY]);
    expect(() => decideProposal(review(now, 'approve'), state)).toThrow(RevisionConflictError);
    // A rejection does not need a fresh base.
    expect(decideProposal(review(now, 'reject'), state)[0].type).toBe('ProposalRejected');
  });

  it('given a later edit of another cell only, then the proposal is not stale and can be approved', () => {
    const base = report();
    const now = report([{ key: OTHER, value: changed(valueOf(base, OTHER)) }]);
    const state = given(open(base, changed(valueOf(base, KEY))));
    expect(staleKeys(state!, now)).toEqual([]);
    expect(decideProposal(review(now, 'approve'), state)[0]).toMatchObject({
      type: 'ProposalApproved',
      data: { reportRevision: now.revision },
    });
  });

  it('given a stale proposal, when its author rebases, then the base moves to now and it is no longer stale', () => {
    const base = report();
    const now = report([{ key: KEY, value: changed(changed(valueOf(base, KEY))) }]);
    const proposed = changed(valueOf(base, KEY));
    const state = given(open(base, proposed));
    expect(() =>
      decideProposal(
        { type: 'RebaseProposal', actor: reviewer, report: now, changes: null },
        state,
      ),
    ).toThrow(ProposalForbiddenError);
    const rebased = given(open(base, proposed), [
      { type: 'RebaseProposal', actor: proposer, report: now, changes: null },
      proposer,
    ]);
    expect(rebased?.baseRevision).toBe(now.revision);
    expect(rebased?.changes).toEqual([{ key: KEY, base: valueOf(now, KEY), proposed }]);
    expect(staleKeys(rebased!, now)).toEqual([]);
  });

  it('given an approval whose apply failed, then the proposal is open again with no review', () => {
    const base = report();
    const state = given(
      open(base, changed(valueOf(base, KEY))),
      [review(base, 'approve'), reviewer],
      [{ type: 'RecordApplyFailed', currentRevision: base.revision + 1 }, reviewer],
    );
    expect(state?.status).toBe('open');
    expect(state?.review).toBeNull();
    expect(state?.notes.map((note) => note.kind)).toEqual(['approve', 'applyFailed']);
  });

  it('given a proposal, when someone comments, then the note is kept; an empty comment is refused', () => {
    const base = report();
    const state = given(open(base, changed(valueOf(base, KEY))), [
      { type: 'CommentOnProposal', actor: reviewer, text: '  请附原件  ' },
      reviewer,
    ]);
    expect(state?.notes).toMatchObject([{ kind: 'comment', text: '请附原件', actor: reviewer }]);
    expect(() =>
      decideProposal({ type: 'CommentOnProposal', actor: reviewer, text: ' ' }, state),
    ).toThrow(ReportInputError);
  });
});
