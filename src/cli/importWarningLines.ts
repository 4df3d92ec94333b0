// The importer's warnings under the import summary. The table only counts them; a count
// nobody can look up is no help, so every document with warnings gets its first one here,
// and with --verbose all of them.

export interface ImportWarningSummary {
  /** Stable code, e.g. ROW_MISSING. */
  code: string;
  message: string;
}

export interface DocumentWarnings {
  file: string;
  warnings: readonly ImportWarningSummary[];
}

function warningText(warning: ImportWarningSummary): string {
  return `${warning.code}: ${warning.message.replace(/\s+/g, ' ').trim()}`;
}

/** Lines to print after the summary table; none when no document has warnings. */
export function importWarningLines(
  documents: readonly DocumentWarnings[],
  options: { verbose: boolean },
): string[] {
  const withWarnings = documents.filter((document) => document.warnings.length > 0);
  if (withWarnings.length === 0) return [];
  if (options.verbose) {
    return [
      'warnings:',
      ...withWarnings.flatMap(({ file, warnings }) => [
        `  ${file} (${warnings.length}):`,
        ...warnings.map((warning) => `    ${warningText(warning)}`),
      ]),
    ];
  }
  const hidden = withWarnings.some((document) => document.warnings.length > 1);
  return [
    hidden ? 'warnings (the first of each document; --verbose lists all):' : 'warnings:',
    ...withWarnings.map(
      ({ file, warnings }) =>
        `  ${file} (${warnings.length}): ${warningText(warnings[0])}` +
        (warnings.length > 1 ? ` (+${warnings.length - 1} more)` : ''),
    ),
  ];
}
