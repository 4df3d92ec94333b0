// 待核实 review items: cells the importer could not read with certainty (an ambiguous digit
// run) and the readings still possible. Derived from the report state when read, never stored;
// choosing a reading is an ordinary audited setFigures (through a proposal where the agency
// requires review).
import type { ReportState } from '../../../events/report/reportState';

export interface ReviewItem {
  /** The index of the importer's warning among the report's warnings: stable per import. */
  index: number;
  keys: string[];
  message: string;
  candidates: string[][];
  current: Array<string | null>;
  /** A person set every cell since the import. */
  resolved: boolean;
}

export function reviewItemsOf(report: Pick<ReportState, 'figures' | 'warnings'>): ReviewItem[] {
  const figures = new Map(report.figures.map((figure) => [figure.key, figure]));
  return report.warnings.flatMap((warning, index) => {
    const { candidates } = warning;
    if (warning.code !== 'DIGIT_RUN_AMBIGUOUS' || !candidates || candidates.length === 0) return [];
    return [
      {
        index,
        keys: warning.keys,
        message: warning.message,
        candidates: candidates.map((candidate) => candidate.values),
        current: warning.keys.map((key) => figures.get(key)?.value ?? null),
        resolved: warning.keys.every((key) => {
          const kind = figures.get(key)?.lastChange.kind;
          return kind === 'edit' || kind === 'revert';
        }),
      },
    ];
  });
}
