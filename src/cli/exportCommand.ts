// `cli export --agency NAME --year YYYY --format csv|json|markdown [--out FILE]
// [--at-revision N] [--as-of ISO]`: writes one report in an export format to stdout or to a
// file, the current version or the one at a revision or instant (like GET /export).
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { LoadReportForExport } from '../export/exportHandler';
import { EXPORT_FORMATS, exportReport, type ExportFormat } from '../export/exportReport';
import {
  describeTimePoint,
  ExportTimePointError,
  parseAsOf,
  parseAtRevision,
  type ExportTimePoint,
} from '../export/exportTimePoint';
import type { CliCommand, CliIo } from './cliIo';
import {
  choiceOption,
  CliUsageError,
  parseCommandLine,
  pathOption,
  writeHelp,
  writeUsageError,
  type CommandSpec,
  type OptionSpecs,
} from './commandLine';

/** Loads a report as of a time point, or null when there is none for (agency, year) then. */
export type LoadExportableReport = LoadReportForExport;

/** A loader plus what to release when the command ends (database connections). */
export interface ClosableReportLoader {
  loadReport: LoadExportableReport;
  close(): Promise<void>;
}

export interface ExportCommandOptions {
  agency: string;
  year: number;
  format: ExportFormat;
  out?: string;
  at: ExportTimePoint;
}

export const EXPORT_COMMAND = {
  name: 'export',
  synopsis:
    '--agency NAME --year YYYY --format csv|json|markdown [--out FILE] [--at-revision N] [--as-of ISO]',
  description:
    'Writes one report in the national layout (CSV for Excel, versioned JSON, or Markdown) to ' +
    'stdout or --out, with every table and narrative figure. Without --at-revision or --as-of ' +
    'it is the current version.',
  options: {
    agency: { type: 'string', valueName: 'NAME', description: 'agency name as in the report' },
    year: { type: 'string', valueName: 'YYYY', description: 'report year' },
    format: {
      type: 'string',
      valueName: EXPORT_FORMATS.join('|'),
      description: 'export format',
    },
    out: {
      type: 'string',
      valueName: 'FILE',
      description: 'write to FILE (whole or not at all) instead of stdout',
    },
    'at-revision': {
      type: 'string',
      valueName: 'N',
      description: 'the report as it was at revision N (0 = as first imported)',
    },
    'as-of': {
      type: 'string',
      valueName: 'ISO',
      description: 'the report as it was at an instant, e.g. 2025-01-31T08:00:00Z',
    },
  },
  positionals: { name: 'arguments', min: 0, max: 0 },
} as const satisfies CommandSpec<OptionSpecs>;

/** Reads a time-point option; the message names the option. */
function timePointOption<T>(
  flag: string,
  text: string | undefined,
  parse: (text: string) => T,
): T | undefined {
  if (text === undefined) return undefined;
  try {
    return parse(text);
  } catch (error) {
    if (error instanceof ExportTimePointError) throw new CliUsageError(`${flag} ${error.message}`);
    throw error;
  }
}

/** The options, or null when --help was asked for. Throws CliUsageError naming the option. */
export function parseExportArgs(args: readonly string[]): ExportCommandOptions | null {
  const parsed = parseCommandLine(EXPORT_COMMAND, args);
  if (parsed.help) return null;
  const { values } = parsed;
  const agency = values.agency?.trim();
  if (!agency) throw new CliUsageError('--agency is required');
  const yearText = values.year;
  if (yearText === undefined) throw new CliUsageError('--year is required');
  if (!/^\d{4}$/.test(yearText.trim())) {
    throw new CliUsageError(`--year must be a four-digit year, got "${yearText}"`);
  }
  const format = choiceOption('--format', values.format, EXPORT_FORMATS);
  const out = pathOption('--out', values.out);
  const atRevision = timePointOption('--at-revision', values['at-revision'], parseAtRevision);
  const asOf = timePointOption('--as-of', values['as-of'], parseAsOf);
  return {
    agency,
    year: Number(yearText),
    format,
    ...(out !== undefined ? { out } : {}),
    at: {
      ...(atRevision !== undefined ? { atRevision } : {}),
      ...(asOf !== undefined ? { asOf } : {}),
    },
  };
}

/** Writes next to the target and renames, so a failed export never leaves half a file. */
async function writeFileAtomically(file: string, body: string | Buffer): Promise<void> {
  const temporary = path.join(
    path.dirname(file),
    `.${path.basename(file)}.${process.pid}.${Date.now()}.tmp`,
  );
  try {
    await fs.writeFile(temporary, body);
    await fs.rename(temporary, file);
  } catch (error) {
    await fs.rm(temporary, { force: true });
    throw error;
  }
}

/** The parsed options, or the exit code when the command ends here (help 0, usage 2). */
function optionsOrExit(args: readonly string[], io: CliIo): ExportCommandOptions | number {
  try {
    return parseExportArgs(args) ?? writeHelp(io, EXPORT_COMMAND);
  } catch (error) {
    if (!(error instanceof CliUsageError)) throw error;
    return writeUsageError(io, EXPORT_COMMAND, error);
  }
}

/** Runs the export with a given loader. Exit code 0, 1 when not found or unwritable, 2 on usage. */
export async function runExportCommandWith(
  args: readonly string[],
  io: CliIo,
  loadReport: LoadExportableReport,
): Promise<number> {
  const options = optionsOrExit(args, io);
  if (typeof options === 'number') return options;
  const report = await loadReport(options.agency, options.year, options.at);
  if (!report) {
    const when = describeTimePoint(options.at);
    io.stderr.write(
      `export: no report for --agency "${options.agency}" --year ${options.year}` +
        `${when ? ` ${when}` : ''}\n`,
    );
    return 1;
  }
  const file = exportReport(report, options.format);
  if (options.out === undefined) {
    io.stdout.write(typeof file.body === 'string' ? file.body : file.body.toString('utf8'));
    return 0;
  }
  try {
    await writeFileAtomically(options.out, file.body);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    io.stderr.write(`export: cannot write --out ${options.out}: ${detail}\n`);
    return 1;
  }
  io.stderr.write(
    `export: wrote ${options.out} (${options.format}, revision ${report.revision})\n`,
  );
  return 0;
}

/** The `export` subcommand over the loader `openLoader` builds (read models on the database). */
export function createExportCommand(openLoader: () => Promise<ClosableReportLoader>): CliCommand {
  return async (args, io) => {
    // Help and usage mistakes are answered without opening the database.
    const options = optionsOrExit(args, io);
    if (typeof options === 'number') return options;
    const loader = await openLoader();
    try {
      return await runExportCommandWith(args, io, loader.loadReport);
    } finally {
      await loader.close();
    }
  };
}
