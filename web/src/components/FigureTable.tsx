// One table of the national format: real <table> markup with <th scope> and `headers` bound
// to every figure cell, roving tabindex and arrow-key navigation between cells.
import { useState } from 'preact/hooks';
import type { Figure } from '../api/types';
import type { CellSpec, TableLayout } from '../layout/tableLayouts';
import { targetCell } from './gridNavigation';
import { formatFigure } from './formatFigure';
import { PENDING_PROPOSAL_LABEL } from './proposalLabels';

export interface CellMarks {
  /** Keys of cells in a failed rule, with the rule ids. */
  failed: ReadonlyMap<string, string[]>;
  /** Keys whose value differs from the current revision (when viewing an older one). */
  changed: ReadonlySet<string>;
  /** Keys just changed by a live update. */
  updated: ReadonlySet<string>;
  /** Keys with pending (OPEN or STALE) proposals, with how many. */
  proposed: ReadonlyMap<string, number>;
}

export interface FigureTableProps {
  layout: TableLayout;
  figures: ReadonlyMap<string, Figure>;
  marks: CellMarks;
  selectedKey: string | null;
  onOpen: (key: string) => void;
}

export function FigureTable({ layout, figures, marks, selectedKey, onOpen }: FigureTableProps) {
  const firstKey = layout.bodies
    .flat(2)
    .find((cell): cell is Extract<CellSpec, { kind: 'figure' }> => cell.kind === 'figure')?.key;
  const [activeKey, setActiveKey] = useState<string | null>(null);
  const tabbableKey = activeKey ?? firstKey;

  const onKeyDown = (event: KeyboardEvent) => {
    const cell = (event.target as HTMLElement).closest<HTMLTableCellElement>('td[data-key]');
    if (!cell) return;
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onOpen(cell.dataset.key as string);
      return;
    }
    const target = targetCell(cell, event.key);
    if (target) {
      event.preventDefault();
      setActiveKey(target.dataset.key ?? null);
      target.focus();
    }
  };

  const renderCell = (cell: CellSpec, index: number) => {
    if (cell.kind === 'header') {
      return (
        <th
          key={cell.id}
          id={cell.id}
          scope={cell.scope}
          colSpan={cell.colSpan > 1 ? cell.colSpan : undefined}
          rowSpan={cell.rowSpan > 1 ? cell.rowSpan : undefined}
          headers={cell.headers?.join(' ')}
        >
          {cell.label}
        </th>
      );
    }
    const figure = figures.get(cell.key);
    const failedRules = marks.failed.get(cell.key);
    const changed = marks.changed.has(cell.key);
    const updated = marks.updated.has(cell.key);
    const proposals = marks.proposed.get(cell.key) ?? 0;
    const text = formatFigure(figure);
    const classes = [
      'figure-cell',
      failedRules ? 'cell-failed' : '',
      changed ? 'cell-changed' : '',
      updated ? 'cell-updated' : '',
      proposals > 0 ? 'cell-proposed' : '',
      selectedKey === cell.key ? 'cell-selected' : '',
      figure && figure.value === null ? 'cell-empty' : '',
    ]
      .filter(Boolean)
      .join(' ');
    const notes = [
      failedRules ? `勾稽关系未通过：${failedRules.join('、')}` : '',
      changed ? '与当前版本不同' : '',
      updated ? '刚刚被更新' : '',
      proposals > 0 ? `${PENDING_PROPOSAL_LABEL}（${proposals}）` : '',
    ].filter(Boolean);
    return (
      <td
        key={`${cell.key}-${index}`}
        data-key={cell.key}
        data-value={figure?.value ?? ''}
        data-proposals={proposals > 0 ? String(proposals) : undefined}
        headers={cell.headers.join(' ')}
        colSpan={cell.colSpan > 1 ? cell.colSpan : undefined}
        class={classes}
        tabIndex={cell.key === tabbableKey ? 0 : -1}
        title={notes.join('；') || undefined}
        aria-current={selectedKey === cell.key ? 'true' : undefined}
        onClick={() => {
          setActiveKey(cell.key);
          onOpen(cell.key);
        }}
        onFocus={() => setActiveKey(cell.key)}
      >
        <span class="cell-text">{text.display}</span>
        {failedRules && (
          <span class="cell-flag" aria-hidden="true">
            !
          </span>
        )}
        {proposals > 0 && (
          <span class="cell-proposal-badge" aria-hidden="true">
            审
          </span>
        )}
        {(notes.length > 0 || text.spoken) && (
          <span class="visually-hidden">
            {text.spoken ? `（${text.spoken}）` : ''}
            {notes.length > 0 ? `（${notes.join('；')}）` : ''}
          </span>
        )}
      </td>
    );
  };

  const captionId = `${layout.id}-caption`;
  return (
    <section class="figure-table" aria-labelledby={captionId}>
      <div class="table-scroll">
        <table id={`table-${layout.id}`} onKeyDown={onKeyDown}>
          <caption id={captionId}>{layout.caption}</caption>
          {layout.head.length > 0 && (
            <thead>
              {layout.head.map((row, rowIndex) => (
                <tr key={rowIndex}>{row.map(renderCell)}</tr>
              ))}
            </thead>
          )}
          {layout.bodies.map((body, bodyIndex) => (
            <tbody key={bodyIndex}>
              {body.map((row, rowIndex) => (
                <tr key={rowIndex}>{row.map(renderCell)}</tr>
              ))}
            </tbody>
          ))}
        </table>
      </div>
    </section>
  );
}
