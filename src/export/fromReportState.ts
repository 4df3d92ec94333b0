// Maps a report's folded state (the per-report read model stores exactly this, and time
// travel folds it too) into the export input: the table cells and the numbers stated in the
// narrative (keys n.*), which are figures with their own history and rule (TEXT_TABLE) too.
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
    figures: state.figures.map((figure) => ({
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
      narrative: figure.narrative
        ? {
            sectionId: figure.narrative.sectionId,
            unit: figure.narrative.unit,
            sentence: figure.narrative.sentence,
          }
        : null,
    })),
    narrative: state.narrative.map(({ id, heading, text }) => ({ id, heading, text })),
    ...(rules ? { rules } : {}),
  };
}
