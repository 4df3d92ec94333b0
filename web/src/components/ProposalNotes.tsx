// A proposal's discussion: comments, rebases and the review, oldest first, and a comment box for
// anyone with a token (the server decides whether they may comment on this agency).
import { useState } from 'preact/hooks';
import { commentOnProposal, type ProposalDetail } from '../api/proposals';
import { formatTime } from './labels';
import { describeNoteKind } from './proposalLabels';
import { ErrorAlert } from './ErrorAlert';
import { useProposalAction } from './useProposalAction';

export interface ProposalNotesProps {
  proposal: ProposalDetail;
  token: string | null;
  onChanged: (proposal: ProposalDetail) => void;
}

export function ProposalNotes({ proposal, token, onChanged }: ProposalNotesProps) {
  const [text, setText] = useState('');
  const action = useProposalAction();
  const sending = action.busy !== null;

  const send = async () => {
    if (!token || !text.trim()) return;
    await action.run(true, '评论', async () => {
      onChanged(await commentOnProposal(token, { proposalId: proposal.id, text: text.trim() }));
      setText('');
    });
  };

  return (
    <section class="panel-section" aria-labelledby="proposal-notes">
      <h2 id="proposal-notes">讨论与审核记录 / comments</h2>
      {proposal.notes.length === 0 ? (
        <p>还没有评论。</p>
      ) : (
        <ol class="proposal-notes">
          {proposal.notes.map((note) => (
            <li key={note.eventId} data-kind={note.kind}>
              <span class="note-kind">{describeNoteKind(note.kind)}</span> · {note.actor.name} ·{' '}
              {formatTime(note.recordedAt)}
              {note.text && <div class="change-reason">{note.text}</div>}
            </li>
          ))}
        </ol>
      )}
      {token && (
        <form
          class="edit-form"
          onSubmit={(event) => {
            event.preventDefault();
            void send();
          }}
        >
          <label for="proposal-comment">评论</label>
          <textarea
            id="proposal-comment"
            name="comment"
            rows={2}
            value={text}
            onInput={(event) => setText(event.currentTarget.value)}
          />
          <button type="submit" disabled={sending || !text.trim()}>
            {sending ? '正在发送…' : '发表评论'}
          </button>
        </form>
      )}
      <ErrorAlert error={action.error} />
    </section>
  );
}
