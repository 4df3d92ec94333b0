import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  FIGURES,
  FIGURE_KEYS,
  T3_COLUMNS,
  T3_ROWS,
  figureDefinition,
} from '../../src/domain/format/figureCatalog';
import { sharedFilePresent } from '../support/sharedCorpus';

const SHARED_FIGURES = path.resolve(__dirname, '../../../shared/report-format/figures.tsv');

describe('figure catalogue', () => {
  it('has 200 unique keys: 10 in 表二, 25×7 in 表三, 3×5 in 表四', () => {
    expect(new Set(FIGURE_KEYS).size).toBe(200);
    expect(FIGURES.filter((f) => f.table === 't2')).toHaveLength(10);
    expect(T3_ROWS).toHaveLength(25);
    expect(FIGURES.filter((f) => f.table === 't3')).toHaveLength(25 * T3_COLUMNS.length);
    expect(FIGURES.filter((f) => f.table === 't4')).toHaveLength(15);
  });

  it('only the fee is a decimal', () => {
    expect(FIGURES.filter((f) => f.valueType === 'decimal').map((f) => f.key)).toEqual([
      't2.fees.amount',
    ]);
    expect(figureDefinition('t2.fees.amount')?.unit).toBe('10k_yuan');
  });

  it('matches the shared report-format/figures.tsv row for row', () => {
    if (!sharedFilePresent('the catalogue comparison', SHARED_FIGURES)) return;
    const rows = readFileSync(SHARED_FIGURES, 'utf8').trim().split('\n').slice(1);
    expect(rows).toHaveLength(FIGURES.length);
    rows.forEach((line, index) => {
      const [key, table, row, column, unit, valueType] = line.split('\t');
      const figure = FIGURES[index];
      expect([
        figure.key,
        figure.tableLabel,
        figure.rowLabel,
        figure.columnLabel,
        figure.unit,
        figure.valueType,
      ]).toEqual([key, table, row, column, unit, valueType]);
    });
  });
});
