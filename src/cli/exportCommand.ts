// `cli export --agency NAME --year YYYY --format csv|json|markdown [--out FILE]`: writes one
// report in an export format to stdout or to a file.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { ExportableReport } from '../export/exportableReport';
import {
  EXPORT_FORMATS,
  exportReport,
  isExportFormat,
  type ExportFormat,
} from '../export/exportReport';
import type { CliCommand, CliIo } from './cliIo';

/** Loads the current state of a report, or null when there is none for (agency, year). */
export type LoadExportableReport = (
  agency: string,
  year: number,
) => Promise<ExportableReport | null>;

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
}

/** A command-line mistake; the message names the flag. Exit code 2. */
export class ExportArgumentError extends Error {
  override name = 'ExportArgumentError';
}

const FLAGS = ['--agency', '--year', '--format', '--out'] as const;
type Flag = (typeof FLAGS)[number];

export function parseExportArgs(args: readonly string[]): ExportCommandOptions {
  const values = new Map<Flag, string>();
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index];
    const equals = arg.indexOf('=');
    const flag = arg.startsWith('--') && equals > 0 ? arg.slice(0, equals) : arg;
    if (!(FLAGS as readonly string[]).includes(flag)) {
      throw new ExportArgumentError(
        arg.startsWith('--')
          ? `unknown option ${flag} (export takes ${FLAGS.join(', ')})`
          : `unexpected argument "${arg}" (export takes ${FLAGS.join(', ')})`,
      );
    }
    const value = flag === arg ? args[++index] : arg.slice(equals + 1);
    if (value === undefined || (flag === arg && value.startsWith('--'))) {
      throw new ExportArgumentError(`${flag} needs a value`);
    }
    if (values.has(flag as Flag)) throw new ExportArgumentError(`${flag} is given twice`);
    values.set(flag as Flag, value);
  }
  const agency = values.get('--agency')?.trim();
  if (!agency) throw new ExportArgumentError('--agency is required');
  const yearText = values.get('--year');
  if (yearText === undefined) throw new ExportArgumentError('--year is required');
  if (!/^\d{4}$/.test(yearText.trim())) {
    throw new ExportArgumentError(`--year must be a four-digit year, got "${yearText}"`);
  }
  const format = values.get('--format');
  if (format === undefined || !isExportFormat(format)) {
    throw new ExportArgumentError(
      `--format must be one of ${EXPORT_FORMATS.join(', ')}` +
        (format === undefined ? '' : `, got "${format}"`),
    );
  }
  const out = values.get('--out');
  if (out !== undefined && !out.trim()) throw new ExportArgumentError('--out is empty');
  return { agency, year: Number(yearText), format, ...(out !== undefined ? { out } : {}) };
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

/** Runs the export with a given loader. Exit code 0, 1 when not found or unwritable, 2 on usage. */
export async function runExportCommandWith(
  args: readonly string[],
  io: CliIo,
  loadReport: LoadExportableReport,
): Promise<number> {
  let options: ExportCommandOptions;
  try {
    options = parseExportArgs(args);
  } catch (error) {
    if (!(error instanceof ExportArgumentError)) throw error;
    io.stderr.write(`export: ${error.message}\n`);
    return 2;
  }
  const report = await loadReport(options.agency, options.year);
  if (!report) {
    io.stderr.write(`export: no report for --agency "${options.agency}" --year ${options.year}\n`);
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
    try {
      parseExportArgs(args);
    } catch (error) {
      if (!(error instanceof ExportArgumentError)) throw error;
      io.stderr.write(`export: ${error.message}\n`);
      return 2;
    }
    const loader = await openLoader();
    try {
      return await runExportCommandWith(args, io, loader.loadReport);
    } finally {
      await loader.close();
    }
  };
}
