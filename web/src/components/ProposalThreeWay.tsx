// The three-way view of a proposal: each changed figure at the base revision, in the report
// now, and proposed. A cell changed after the base (what makes the proposal STALE) is marked,
// since approving would overwrite a value its author never saw.
import type { ProposalChange } from '../api/proposals';
import { figureTitle } from '../layout/tableLayouts';
import { formatValue } from './formatFigure';

export interface ProposalThreeWayProps {
  changes: readonly ProposalChange[];
  baseRevision: number;
  currentRevision: number | null;
}

export function ProposalThreeWay({
  changes,
  baseRevision,
  currentRevision,
}: ProposalThreeWayProps) {
  return (
    <div class="table-scroll">
      <table class="three-way">
        <caption>三方对照 / base · now · proposed</caption>
        <thead>
          <tr>
            <th scope="col">数字</th>
            <th scope="col">基准值（修订号 {baseRevision}） / base</th>
            <th scope="col">
              现值{currentRevision !== null ? `（修订号 ${currentRevision}）` : ''} / now
            </th>
            <th scope="col">建议值 / proposed</th>
          </tr>
        </thead>
        <tbody>
          {changes.map((change) => (
            <tr
              key={change.key}
              data-key={change.key}
              class={change.changedSinceBase ? 'three-way-stale' : undefined}
            >
              <th scope="row">
                {change.label ?? figureTitle(change.key)}
                <div class="figure-key">
                  <code>{change.key}</code>
                </div>
              </th>
              <td data-column="base">{formatValue(change.base)}</td>
              <td data-column="now">
                {formatValue(change.now)}
                {change.changedSinceBase && (
                  <div class="stale-note">基准之后已被修改 / changed since base</div>
                )}
              </td>
              <td data-column="proposed">
                <strong>{formatValue(change.proposed)}</strong>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
