// The author of a STALE proposal moves it onto the report's current revision, keeping the
// proposed values; the three-way view then has the current values as its base.
import { useState } from 'preact/hooks';
import { rebaseProposal, type ProposalDetail } from '../api/proposals';
import { ErrorAlert } from './ErrorAlert';
import { useProposalAction } from './useProposalAction';

export interface ProposalRebaseProps {
  proposal: ProposalDetail;
  token: string;
  onRebased: (proposal: ProposalDetail) => void;
}

export function ProposalRebase({ proposal, token, onRebased }: ProposalRebaseProps) {
  const [reason, setReason] = useState('');
  const action = useProposalAction();
  const sending = action.busy !== null;

  const rebase = () =>
    action.run(true, '变基', async () => {
      onRebased(
        await rebaseProposal(token, { proposalId: proposal.id, reason: reason.trim() || null }),
      );
      setReason('');
    });

  return (
    <section class="panel-section" aria-labelledby="proposal-rebase">
      <h2 id="proposal-rebase">变基 / rebase</h2>
      <p>
        您的建议基于修订号 {proposal.baseRevision}，其后有单元格被他人修改。核对上面的现值后，
        可将建议移到报告的当前修订号（保留建议值）。
      </p>
      <form
        class="edit-form"
        onSubmit={(event) => {
          event.preventDefault();
          void rebase();
        }}
      >
        <label for="rebase-reason">说明（可选）</label>
        <input
          id="rebase-reason"
          name="rebase-reason"
          autoComplete="off"
          value={reason}
          onInput={(event) => setReason(event.currentTarget.value)}
        />
        <button type="submit" disabled={sending}>
          {sending ? '正在变基…' : '变基到当前修订号 / rebase'}
        </button>
      </form>
      <ErrorAlert error={action.error} />
    </section>
  );
}
