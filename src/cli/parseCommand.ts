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

const USAGE = 'usage: parse <file> [--agency NAME] [--year YYYY]';

export class UsageError extends Error {
  override name = 'UsageError';
}

export interface ParseArguments {
  file: string;
  hints: ImportHints;
}

export function parseArguments(args: readonly string[]): ParseArguments {
  let file: string | null = null;
  const hints: ImportHints = {};
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index];
    if (arg === '--agency' || arg === '--year') {
      const value = args[index + 1];
      if (value === undefined || value.startsWith('--'))
        throw new UsageError(`${arg} needs a value`);
      index += 1;
      if (arg === '--agency') {
        if (value.trim() === '') throw new UsageError('--agency must not be empty');
        hints.agency = value.trim();
      } else {
        if (!/^\d{4}$/u.test(value))
          throw new UsageError(`--year must be a 4-digit year, got "${value}"`);
        hints.year = Number(value);
      }
    } else if (arg.startsWith('--')) {
      throw new UsageError(`unknown option ${arg}`);
    } else if (file === null) {
      file = arg;
    } else {
      throw new UsageError(`unexpected argument "${arg}"`);
    }
  }
  if (file === null) throw new UsageError('missing <file>');
  return { file, hints };
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
    parsed = parseArguments(args);
  } catch (error) {
    io.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
    return 2;
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
