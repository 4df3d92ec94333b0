// Arrow-key navigation between the figure cells of a table (WAI-ARIA grid pattern, roving
// tabindex). Geometry comes from the rendered layout, so rowspans and colspans need no special
// cases: up/down go to the cell of the neighbouring row whose centre is closest horizontally.

const CELL_SELECTOR = 'td[data-key]';

function rowsWithCells(table: HTMLTableElement): HTMLTableRowElement[] {
  return [...table.querySelectorAll<HTMLTableRowElement>('tr')].filter(
    (row) => row.querySelector(CELL_SELECTOR) !== null,
  );
}

function cellsOf(row: HTMLTableRowElement): HTMLTableCellElement[] {
  return [...row.querySelectorAll<HTMLTableCellElement>(CELL_SELECTOR)];
}

function centre(element: Element): number {
  const box = element.getBoundingClientRect();
  return box.left + box.width / 2;
}

function closestByColumn(cells: HTMLTableCellElement[], x: number): HTMLTableCellElement | null {
  let best: HTMLTableCellElement | null = null;
  let bestDistance = Infinity;
  for (const cell of cells) {
    const distance = Math.abs(centre(cell) - x);
    if (distance < bestDistance) {
      best = cell;
      bestDistance = distance;
    }
  }
  return best;
}

/** The cell an arrow/Home/End key moves to from `cell`, or null when the key is not ours. */
export function targetCell(cell: HTMLTableCellElement, key: string): HTMLTableCellElement | null {
  const table = cell.closest('table');
  const row = cell.closest('tr');
  if (!table || !row) return null;
  const rows = rowsWithCells(table);
  const rowIndex = rows.indexOf(row);
  const cells = cellsOf(row);
  const cellIndex = cells.indexOf(cell);
  switch (key) {
    case 'ArrowRight':
      return cells[cellIndex + 1] ?? null;
    case 'ArrowLeft':
      return cells[cellIndex - 1] ?? null;
    case 'Home':
      return cells[0] ?? null;
    case 'End':
      return cells[cells.length - 1] ?? null;
    case 'ArrowUp':
    case 'ArrowDown': {
      const next = rows[rowIndex + (key === 'ArrowUp' ? -1 : 1)];
      return next ? closestByColumn(cellsOf(next), centre(cell)) : null;
    }
    default:
      return null;
  }
}
