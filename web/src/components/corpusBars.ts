// What the corpus chart and table show per row, and how a value is written: counts as integers
// with separators, indicators (ratios) as percentages.
export interface CorpusBarItem {
  id: string;
  label: string;
  /** Second line in the table: where an agency is, or how many reports a region has. */
  detail: string;
  value: number | null;
  /** Where a click goes: a narrower corpus view, or a report. */
  href: string;
  /** What a click does, for screen readers and the tooltip. */
  action: string;
}

export function formatCorpusValue(value: number | null, isIndicator: boolean): string {
  if (value === null || Number.isNaN(value)) return '—';
  if (isIndicator) return `${(value * 100).toLocaleString('zh-CN', { maximumFractionDigits: 1 })}%`;
  return value.toLocaleString('zh-CN', { maximumFractionDigits: 2 });
}

/** Largest value first, blanks last, then by label: the ranking the chart and table share. */
export function rankCorpusItems(items: readonly CorpusBarItem[]): CorpusBarItem[] {
  return [...items].sort((a, b) => {
    if (a.value === null || b.value === null) {
      return a.value === b.value
        ? a.label.localeCompare(b.label, 'zh-CN')
        : a.value === null
          ? 1
          : -1;
    }
    return b.value - a.value || a.label.localeCompare(b.label, 'zh-CN');
  });
}
