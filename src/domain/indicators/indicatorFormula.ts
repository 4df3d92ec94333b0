// Indicator formulas as data over figure keys. Sums and differences are exact decimals; only the
// final ratio becomes a binary float (it is a rate, never stored or summed as a figure).

/** A number built from figures: one cell, the same cell a year earlier, a sum or a difference. */
export type Term =
  | { readonly figure: string }
  | { readonly previousYear: string }
  | { readonly sum: readonly Term[] }
  | { readonly difference: readonly [Term, Term] };

export type Formula = Term | { readonly ratio: readonly [Term, Term] };

export function isRatio(formula: Formula): formula is { readonly ratio: readonly [Term, Term] } {
  return 'ratio' in formula;
}

function termText(term: Term, nested: boolean): string {
  if ('figure' in term) return term.figure;
  if ('previousYear' in term) return `${term.previousYear}[上年/previous year]`;
  const text =
    'sum' in term
      ? term.sum.map((part) => termText(part, true)).join(' + ')
      : `${termText(term.difference[0], true)} - ${termText(term.difference[1], true)}`;
  return nested ? `(${text})` : text;
}

/** The formula as people read it: (t3.granted.total + t3.partiallyGranted.total) / t3.total.total */
export function formulaText(formula: Formula): string {
  if (isRatio(formula)) {
    return `${termText(formula.ratio[0], true)} / ${termText(formula.ratio[1], true)}`;
  }
  return termText(formula, false);
}

/** Every figure key the formula reads, this year's and the previous year's. */
export function formulaKeys(formula: Formula): { current: string[]; previousYear: string[] } {
  const current = new Set<string>();
  const previousYear = new Set<string>();
  const visit = (term: Term): void => {
    if ('figure' in term) current.add(term.figure);
    else if ('previousYear' in term) previousYear.add(term.previousYear);
    else if ('sum' in term) term.sum.forEach(visit);
    else term.difference.forEach(visit);
  };
  if (isRatio(formula)) formula.ratio.forEach(visit);
  else visit(formula);
  return { current: [...current], previousYear: [...previousYear] };
}
