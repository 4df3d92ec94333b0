// `parse <file> [--agency NAME] [--year YYYY]`: import one document and print one JSON object
// (the contract of issue 3, used by tools outside the project — keep it stable). Figure values
// are printed as JSON numbers written from their exact decimal text, so 28.488564 stays
// 28.488564 (no float round trip).
import { readFile } from 'node:fs/promises';
import { importDocument } from '../domain/importer/importDocument';
import type { FigureReading, ImportHints, ParsedReport } from '../domain/importer/types';
import { UnrecognisedDocumentError } from '../domain/importer/types';
import { evaluateRules } from '../domain/rules/evaluateRules';
import type { FigureValues } from '../domain/rules/types';
import type { CliIo } from './cliIo';
import {
  CliUsageError,
  parseCommandLine,
  writeHelp,
  writeUsageError,
  type CommandSpec,
  type OptionSpecs,
} from './commandLine';

export const PARSE_COMMAND = {
  name: 'parse',
  synopsis: '<file> [--agency NAME] [--year YYYY]',
  description:
    'Reads one report document (HTML, Markdown or text) and prints what the importer makes of ' +
    'it as one JSON object: figures, narrative figures, warnings and rule results. Nothing is stored.',
  options: {
    agency: {
      type: 'string',
      valueName: 'NAME',
      description: 'agency name, when the document does not state it',
    },
    year: { type: 'string', valueName: 'YYYY', description: 'report year, when not stated' },
  },
  positionals: { name: '<file>', min: 1, max: 1 },
} as const satisfies CommandSpec<OptionSpecs>;

export interface ParseArguments {
  file: string;
  hints: ImportHints;
}

/** The arguments, or null when --help was asked for. Throws CliUsageError naming the option. */
export function parseArguments(args: readonly string[]): ParseArguments | null {
  const parsed = parseCommandLine(PARSE_COMMAND, args);
  if (parsed.help) return null;
  const hints: ImportHints = {};
  const { agency, year } = parsed.values;
  if (agency !== undefined) {
    if (agency.trim() === '') throw new CliUsageError('--agency must not be empty');
    hints.agency = agency.trim();
  }
  if (year !== undefined) {
    if (!/^\d{4}$/u.test(year))
      throw new CliUsageError(`--year must be a 4-digit year, got "${year}"`);
    hints.year = Number(year);
  }
  return { file: parsed.positionals[0], hints };
}

/** A figure as the contract prints it; the value is spliced in as a literal number. */
function figureJson(figure: FigureReading): string {
  const rest = JSON.stringify({
    raw: figure.raw,
    marker: figure.marker,
    uncertain: figure.uncertain,
    source: figure.source,
  });
  // Decimal text is canonical (digits, optional fraction), which is valid JSON number syntax.
  const value = figure.value === null ? 'null' : figure.value;
  return `{"value":${value},${rest.slice(1)}`;
}

/** The contract's JSON object for one parsed report. */
export function reportJson(report: ParsedReport): string {
  const values: Record<string, string | null> = {};
  for (const [key, figure] of Object.entries(report.figures)) values[key] = figure.value;
  const rules = evaluateRules(values as FigureValues, {
    narrativeFigures: report.narrativeFigures,
  });
  const figures = Object.entries(report.figures)
    .map(([key, figure]) => `${JSON.stringify(key)}:${figureJson(figure)}`)
    .join(',');
  const head = JSON.stringify({
    agency: report.agency,
    year: report.year,
    template: report.template,
  });
  const tail = JSON.stringify({
    narrativeFigures: report.narrativeFigures,
    warnings: report.warnings,
    rules,
    shape: report.shape,
    format: report.format,
    importerVersion: report.importerVersion,
    sourceHash: report.sourceHash,
  });
  return `${head.slice(0, -1)},"figures":{${figures}},${tail.slice(1)}`;
}

export async function runParseCommand(args: string[], io: CliIo): Promise<number> {
  let parsed: ParseArguments;
  try {
    const read = parseArguments(args);
    if (!read) return writeHelp(io, PARSE_COMMAND);
    parsed = read;
  } catch (error) {
    if (!(error instanceof CliUsageError)) throw error;
    return writeUsageError(io, PARSE_COMMAND, error);
  }
  let text: string;
  try {
    text = await readFile(parsed.file, 'utf8');
  } catch (error) {
    io.stderr.write(`cannot read ${parsed.file}: ${(error as Error).message}\n`);
    return 1;
  }
  if (text.includes('\u0000')) {
    io.stderr.write(`cannot read ${parsed.file}: binary file (expected HTML, markdown or text)\n`);
    return 1;
  }
  try {
    const report = importDocument(text, parsed.hints);
    io.stdout.write(`${reportJson(report)}\n`);
    return 0;
  } catch (error) {
    if (error instanceof UnrecognisedDocumentError) {
      io.stderr.write(`${parsed.file}: ${error.message} (${error.code})\n`);
      return 1;
    }
    throw error;
  }
}
