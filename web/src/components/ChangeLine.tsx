// One change of a figure: from → to, revision, who, when, kind and why; for an approved
// proposal both people, the proposer and the approver.
import type { FigureChange } from '../api/types';
import { formatValue } from './formatFigure';
import { describeKind, formatTime } from './labels';

export function ChangeLine({ change }: { change: FigureChange }) {
  return (
    <>
      <span class="change-values">
        {formatValue(change.from)} → {formatValue(change.to)}
      </span>{' '}
      <span class="change-meta">
        修订号 {change.revision} · {change.actor?.name ?? '未知用户'} ·{' '}
        {formatTime(change.recordedAt)} · {describeKind(change.kind)}
      </span>
      {change.review && (
        <div class="change-review">
          经审核：提出人 {change.review.proposedBy.name}，批准人 {change.review.approvedBy.name}
        </div>
      )}
      {change.reason && <div class="change-reason">理由：{change.reason}</div>}
    </>
  );
}
