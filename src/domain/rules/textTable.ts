// A count stated in the narrative agrees with its table cell. A warning: the narrative may use
// a different scope (洪泽 2024: 区政府办's own 17 applications vs the district table's 95).
import { addDecimals, compareDecimals, isIntegerDecimal } from '../format/decimal';
import type { NarrativeFigure } from '../importer/types';
import { readFigure } from './equation';
import { clauseAt, countTarget, type CountTarget } from './narrativeCountTarget';
import type { FigureValues, Rule, RuleResult } from './types';

const COUNT_UNITS = new Set(['件', '起']);

function figureClause(figure: NarrativeFigure): string | null {
  const offset =
    figure.sentenceOffset ??
    (figure.sentence.indexOf(figure.raw) >= 0 &&
    figure.sentence.indexOf(figure.raw) === figure.sentence.lastIndexOf(figure.raw)
      ? figure.sentence.indexOf(figure.raw)
      : -1);
  if (offset < 0 || offset >= figure.sentence.length) return null;
  return clauseAt(figure.sentence, offset);
}

function sumOf(values: FigureValues, keys: readonly string[]): string | null {
  const parts = keys.map((key) => readFigure(values, key));
  return parts.some((part) => part === null) ? null : addDecimals(parts as string[]);
}

function compare(
  figure: NarrativeFigure,
  clause: string,
  target: CountTarget,
  values: FigureValues,
): RuleResult {
  const keys = [figure.key, ...new Set([...target.keys, ...(target.alternativeKeys ?? [])])];
  const base = { id: textTable.id, scope: figure.key, severity: textTable.severity, keys };
  const expected = sumOf(values, target.keys);
  if (expected === null) {
    return {
      ...base,
      status: 'not_assessable',
      left: null,
      right: null,
      message: `${textTable.id} ${figure.key}: narrative "${clause}" vs ${target.name}: not assessable, empty cell`,
      messageZh: `${textTable.id} ${figure.key}：正文“${clause}”与表格“${target.name}”：无法判断，单元格为空`,
      notAssessableReason: 'empty_cells',
    };
  }
  const alternative = target.alternativeKeys ? sumOf(values, target.alternativeKeys) : null;
  const agrees =
    compareDecimals(figure.value, expected) === 0 ||
    (alternative !== null && compareDecimals(figure.value, alternative) === 0);
  const right =
    agrees && alternative !== null && compareDecimals(figure.value, expected) !== 0
      ? alternative
      : expected;
  return {
    ...base,
    status: agrees ? 'ok' : 'failed',
    left: figure.value,
    right,
    message: `${textTable.id} ${figure.key}: narrative "${clause}" states ${figure.value}, ${target.name} is ${right}${
      agrees || alternative === null || alternative === expected
        ? ''
        : ` (with carried-over: ${alternative})`
    }`,
    messageZh: `${textTable.id} ${figure.key}：正文“${clause}”为 ${figure.value}，表格“${target.name}”为 ${right}${
      agrees || alternative === null || alternative === expected
        ? ''
        : `（含上年结转：${alternative}）`
    }`,
  };
}

export const textTable: Rule = {
  id: 'TEXT_TABLE',
  severity: 'warning',
  descriptionZh: '正文中的数量（如本年新收…N件、行政复议N件）与表格对应单元格一致',
  descriptionEn:
    'A count stated in the narrative (e.g. N new applications, N administrative reviews) agrees with its table cell',
  check({ values, narrativeFigures }) {
    const results: RuleResult[] = [];
    for (const figure of narrativeFigures ?? []) {
      if (!COUNT_UNITS.has(figure.unit) || !isIntegerDecimal(figure.value)) continue;
      const clause = figureClause(figure);
      const target = clause === null ? null : countTarget(clause, figure.sentence);
      if (clause !== null && target !== null) results.push(compare(figure, clause, target, values));
    }
    return results;
  },
};
