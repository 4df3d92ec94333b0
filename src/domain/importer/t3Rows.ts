// Assigning 表三 value rows to the template's 25 rows. Rows usually carry their labels; some
// renderings detach labels from values (PDF→markdown converters), so rows without a label
// are placed by template order between their labelled neighbours — only where the count of
// unlabelled rows exactly fills the gap, otherwise they are reported, not guessed.
import { T3_ROWS } from '../format/figureCatalog';
import type { CellToken } from './cells';
import { matchT3RowLabel } from './labels';
import { assignRow, makeWarning } from './shapes/shapeReader';
import { t3RowKeys } from './tableKeys';
import type { FigureReading, ImportWarning, SourceLocation } from './types';

export interface LabelledRow {
  /** Label text of the row ('' when the rendering detached it). */
  label: string;
  tokens: CellToken[];
  source: SourceLocation | null;
}

export interface T3Assignment {
  figures: Record<string, FigureReading>;
  warnings: ImportWarning[];
}

const OTHER_HANDLING_ROWS = T3_ROWS.filter((row) => row.startsWith('otherHandling.'));

interface Placed {
  row: string | null;
  /** 'collapsed' for a （六）其他处理 row printed without its sub-rows. */
  kind: 'row' | 'collapsed' | 'unlabelled';
  fuzzy: boolean;
  input: LabelledRow;
}

function classify(input: LabelledRow): Placed {
  const match = input.label ? matchT3RowLabel(input.label) : null;
  if (!match) return { row: null, kind: 'unlabelled', fuzzy: false, input };
  if (match.entry.kind === 'group') {
    return match.entry.row === 'otherHandling'
      ? { row: 'otherHandling', kind: 'collapsed', fuzzy: !match.exact, input }
      : { row: null, kind: 'unlabelled', fuzzy: false, input };
  }
  return { row: match.entry.row, kind: 'row', fuzzy: !match.exact, input };
}

/** Fill runs of unlabelled rows into template gaps of exactly their size. */
function placeUnlabelled(placed: Placed[], warnings: ImportWarning[]): void {
  const templateIndex = (row: string | null): number => (row ? T3_ROWS.indexOf(row) : -1);
  let index = 0;
  while (index < placed.length) {
    if (placed[index].kind !== 'unlabelled') {
      index += 1;
      continue;
    }
    let end = index;
    while (end < placed.length && placed[end].kind === 'unlabelled') end += 1;
    const before = index > 0 ? templateIndex(placed[index - 1].row) : -1;
    const afterPlaced = placed[end];
    const after = afterPlaced
      ? afterPlaced.kind === 'collapsed'
        ? T3_ROWS.indexOf(OTHER_HANDLING_ROWS[0])
        : templateIndex(afterPlaced.row)
      : T3_ROWS.length;
    const gap = after - before - 1;
    if (before >= -1 && after >= 0 && gap === end - index) {
      for (let k = index; k < end; k += 1) placed[k].row = T3_ROWS[before + 1 + (k - index)];
      for (let k = index; k < end; k += 1) placed[k].kind = 'row';
    } else {
      for (let k = index; k < end; k += 1) {
        warnings.push(
          makeWarning(
            'ROW_UNASSIGNED',
            [],
            `表三 value row without a label ("${placed[k].input.tokens.map((t) => t.raw).join(' ')}") could not be placed`,
            placed[k].input.source,
          ),
        );
      }
    }
    index = end;
  }
}

export function assignT3Rows(rows: readonly LabelledRow[]): T3Assignment {
  const figures: Record<string, FigureReading> = {};
  const warnings: ImportWarning[] = [];
  const placed = rows.map(classify);
  // Exactly 25 rows whose labels, where present, agree with template order: read by position.
  const positional =
    placed.length === T3_ROWS.length &&
    placed.every((p, i) => p.kind === 'unlabelled' || (p.kind === 'row' && p.row === T3_ROWS[i]));
  if (positional) {
    placed.forEach((p, i) => {
      p.row = T3_ROWS[i];
      p.kind = 'row';
    });
  } else {
    placeUnlabelled(placed, warnings);
  }
  const seen = new Set<string>();
  for (const p of placed) {
    if (p.kind === 'collapsed') {
      const keys = OTHER_HANDLING_ROWS.flatMap(t3RowKeys);
      const raw = p.input.tokens.map((token) => token.raw).join(' ');
      for (const key of keys) {
        figures[key] = {
          key,
          value: null,
          raw: raw || null,
          marker: null,
          uncertain: false,
          source: p.input.source,
        };
      }
      warnings.push(
        makeWarning(
          'ROW_COLLAPSED',
          keys,
          `（六）其他处理 is printed as one row ("${raw}") without its sub-rows 1/2/3; the report does not say which sub-row it means, so all three are left empty`,
          p.input.source,
        ),
      );
      continue;
    }
    if (p.kind !== 'row' || !p.row) continue;
    const keys = t3RowKeys(p.row);
    if (seen.has(p.row)) {
      warnings.push(
        makeWarning(
          'ROW_DUPLICATE',
          keys,
          `表三 row ${p.row} appears twice; the first is kept`,
          p.input.source,
        ),
      );
      continue;
    }
    seen.add(p.row);
    const assignment = assignRow(keys, p.input.tokens, `表三 ${p.input.label || p.row}`);
    Object.assign(figures, assignment.figures);
    warnings.push(...assignment.warnings);
    if (p.fuzzy) {
      warnings.push(
        makeWarning(
          'LABEL_FUZZY_MATCH',
          keys,
          `row label "${p.input.label}" read as ${p.row} (damaged or misspelt label)`,
          p.input.source,
        ),
      );
    }
  }
  return { figures, warnings };
}
