// Maps a report's folded state (the per-report read model stores exactly this, and time
// travel folds it too) into the export input. Numbers stated in the narrative (keys n.*)
// are left out: exports list table cells, and the narrative text carries those numbers.
import type { ReportState } from '../../events/report/reportState';
import type { RuleResult } from '../domain/rules/types';
import type { ExportableReport } from './exportableReport';

export function exportableFromReportState(
  state: ReportState,
  rules?: readonly RuleResult[],
): ExportableReport {
  return {
    id: state.reportId,
    agency: state.agency,
    year: state.year,
    template: state.template,
    revision: state.revision,
    figures: state.figures
      .filter((figure) => !figure.narrative && !figure.key.startsWith('n.'))
      .map((figure) => ({
        key: figure.key,
        value: figure.value,
        raw: figure.raw,
        marker: figure.marker,
        revision: figure.revision,
        lastChange: figure.lastChange
          ? {
              actorId: figure.lastChange.actor.id,
              actorName: figure.lastChange.actor.name,
              recordedAt: new Date(figure.lastChange.recordedAt),
              reason: figure.lastChange.reason ?? '',
            }
          : null,
      })),
    narrative: state.narrative.map(({ id, heading, text }) => ({ id, heading, text })),
    ...(rules ? { rules } : {}),
  };
}
