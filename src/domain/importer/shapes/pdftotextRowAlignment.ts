// Which 表三 row each value line of a pdftotext -layout rendering belongs to.
//
// Rows are printed in template order, but their labels are unreliable witnesses: long labels
// wrap above and below the values ("（二）部分公开（区分处理的，只计这一情" / values /
// "形，不计其他情形）"), group names and the vertical header 三、本年度办理结果 are broken one
// or two characters per line into the label column, and some reports collapse （六）其他处理
// into one row. So the value lines are aligned to the template rows in order (a small
// dynamic programme), with each line's label voting for or against a row: the label on the
// value line itself is a strong vote, the wrapped text around it a weak one.
import { T3_ROWS } from '../../format/figureCatalog';
import { matchT3RowLabel } from './shapeReader';

/** The pseudo-row of a report whose （六）其他处理 has no sub-rows 1/2/3. */
export const COLLAPSED_OTHER_HANDLING = 'otherHandling';

const OTHER_HANDLING_ROWS = T3_ROWS.filter((row) => row.startsWith('otherHandling.'));

/** Template row order with the three （六） sub-rows replaced by the collapsed row. */
const COLLAPSED_ROWS: readonly string[] = T3_ROWS.flatMap((row) =>
  row === OTHER_HANDLING_ROWS[0]
    ? [COLLAPSED_OTHER_HANDLING]
    : OTHER_HANDLING_ROWS.includes(row)
      ? []
      : [row],
);

export interface LabelledValueLine {
  /** Label text printed on the value line itself. */
  ownLabel: string;
  /** Label text of the non-value lines between this value line and its neighbours. */
  above: string;
  below: string;
}

export interface RowAlignment {
  /** For each value line, its row (a T3_ROWS entry or COLLAPSED_OTHER_HANDLING), or null. */
  rows: (string | null)[];
  /** Template rows no value line was given to. */
  missingRows: string[];
  collapsedOtherHandling: boolean;
}

interface Identity {
  row: string;
  /** 'group' identities (e.g. （六）其他处理) name a header, not a data row. */
  kind: 'row' | 'group';
}

function identify(text: string): Identity | null {
  const match = matchT3RowLabel(text);
  return match ? { row: match.entry.row, kind: match.entry.kind } : null;
}

const STRONG = 10;
const WEAK = 3;
const SKIPPED_ROW = -1;
const SKIPPED_LINE = -20;

function vote(identity: Identity | null, row: string, weight: number): number {
  if (!identity) return 0;
  if (identity.kind === 'group') {
    if (row === COLLAPSED_OTHER_HANDLING)
      return identity.row === 'otherHandling' ? weight : -weight;
    // A group header next to one of its own rows says nothing about which row it is.
    return row.startsWith(`${identity.row}.`) ? 0 : -weight;
  }
  return identity.row === row ? weight : -weight;
}

interface Scored {
  score: number;
  rows: (string | null)[];
  used: Set<string>;
}

/** Monotonic alignment of value lines to `rows`, maximising the label votes. */
function align(
  strong: readonly (Identity | null)[],
  weak: readonly (Identity | null)[],
  rows: readonly string[],
): Scored {
  const lineCount = strong.length;
  const rowCount = rows.length;
  // best[i][j]: best score aligning lines i.. to rows j..
  const best: number[][] = Array.from({ length: lineCount + 1 }, () =>
    new Array<number>(rowCount + 1).fill(0),
  );
  const choice: number[][] = Array.from({ length: lineCount + 1 }, () =>
    new Array<number>(rowCount + 1).fill(0),
  );
  for (let i = lineCount; i >= 0; i -= 1) {
    for (let j = rowCount; j >= 0; j -= 1) {
      if (i === lineCount) {
        best[i][j] = SKIPPED_ROW * (rowCount - j);
        continue;
      }
      if (j === rowCount) {
        best[i][j] = SKIPPED_LINE * (lineCount - i);
        choice[i][j] = 2;
        continue;
      }
      const strongVote = vote(strong[i], rows[j], STRONG);
      // The weak vote only counts when the line's own label says nothing.
      const ownVote = strong[i] ? strongVote : vote(weak[i], rows[j], WEAK);
      const options = [
        ownVote + best[i + 1][j + 1],
        SKIPPED_ROW + best[i][j + 1],
        SKIPPED_LINE + best[i + 1][j],
      ];
      let pick = 0;
      for (let option = 1; option < options.length; option += 1) {
        if (options[option] > options[pick]) pick = option;
      }
      best[i][j] = options[pick];
      choice[i][j] = pick;
    }
  }
  const assigned: (string | null)[] = new Array<string | null>(lineCount).fill(null);
  const used = new Set<string>();
  let i = 0;
  let j = 0;
  while (i < lineCount) {
    const pick = j === rowCount ? 2 : choice[i][j];
    if (pick === 0) {
      assigned[i] = rows[j];
      used.add(rows[j]);
      i += 1;
      j += 1;
    } else if (pick === 1) {
      j += 1;
    } else {
      i += 1;
    }
  }
  return { score: best[0][0], rows: assigned, used };
}

/**
 * Align value lines to the 25 template rows, or to the 23 rows of a report whose （六）其他处理
 * is a single row. The collapsed reading is chosen only when a value line's own label names
 * （六）其他处理 and the alignment scores better that way.
 */
export function alignT3Rows(lines: readonly LabelledValueLine[]): RowAlignment {
  const strong = lines.map((line) => identify(line.ownLabel));
  const weak = lines.map((line) => {
    const identity = identify(`${line.above}${line.ownLabel}${line.below}`);
    return identity?.kind === 'row' ? identity : null;
  });
  const full = align(strong, weak, T3_ROWS);
  const collapsedNamed = strong.some(
    (identity) => identity?.kind === 'group' && identity.row === 'otherHandling',
  );
  let chosen = full;
  let rows: readonly string[] = T3_ROWS;
  if (collapsedNamed) {
    const collapsed = align(strong, weak, COLLAPSED_ROWS);
    if (collapsed.score > full.score && collapsed.used.has(COLLAPSED_OTHER_HANDLING)) {
      chosen = collapsed;
      rows = COLLAPSED_ROWS;
    }
  }
  return {
    rows: chosen.rows,
    missingRows: rows.filter((row) => !chosen.used.has(row)),
    collapsedOtherHandling: rows === COLLAPSED_ROWS,
  };
}

export { OTHER_HANDLING_ROWS };
