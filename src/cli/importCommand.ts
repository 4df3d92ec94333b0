// `cli import <files or folders...> --reason TEXT [--token T [--url URL]] [--verbose]`: imports
// many report documents, with progress on stderr and a summary table (and the importer's
// warnings) on stdout.
//
// The command talks to a ReportImporter port: the HTTP importer (with --token, against a
// running server) or the in-process application service (local admin mode, wired in
// src/cli.ts). Re-running on the same documents writes nothing new: each import carries a
// clientMutationId derived from the document and the reason (importClientMutationId), and
// the write side answers a repeated id with the first result.
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { CliCommand, CliIo } from './cliIo';
import {
  CliUsageError,
  parseCommandLine,
  writeHelp,
  writeUsageError,
  type CommandSpec,
  type OptionSpecs,
} from './commandLine';
import {
  createHttpReportImporter,
  type ImportResultWithReimport,
  type ReimportCounts,
} from './httpReportImporter';
import { importWarningLines, type ImportWarningSummary } from './importWarningLines';
import { createProgressBar, padToWidth, displayWidth, type ProgressStream } from './progressBar';
import { DEFAULT_SERVER_URL, graphqlEndpointOf } from './serverUrl';

export type { ImportDocumentInput, ImportDocumentResult, ReportImporter } from './reportImporter';
import type { ImportDocumentInput, ImportDocumentResult, ReportImporter } from './reportImporter';

/** A local importer plus what to release when the command ends (database connections). */
export interface ClosableReportImporter {
  importer: ReportImporter;
  close(): Promise<void>;
}

/** The parts of a report the import summary reads from the application service's outcome. */
export interface ImportedReportView {
  reportId: string;
  agency: string;
  year: number;
  revision: number;
  warnings: readonly ImportWarningSummary[];
  figures: ReadonlyArray<{ key: string; value: string | null }>;
}

/** The parts of the application service's import outcome the CLI reads. */
export interface ImportServiceOutcome<R extends ImportedReportView = ImportedReportView> {
  report: R;
  /** Events this call appended (or, on a replay, the first call's). */
  events: readonly unknown[];
  replayed: boolean;
  /** A re-import's per-cell outcome. */
  reimport?: {
    applied: readonly string[];
    kept: readonly string[];
    proposed: ReadonlyArray<{ key: string }>;
    unchanged: readonly string[];
    warnings: readonly string[];
  };
}

function reimportCountsOf(reimport: ImportServiceOutcome['reimport']): ReimportCounts | null {
  if (!reimport) return null;
  return {
    applied: reimport.applied.length,
    kept: reimport.kept.length,
    proposed: reimport.proposed.length,
    unchanged: reimport.unchanged.length,
    appliedKeys: [...reimport.applied],
    keptKeys: [...reimport.kept],
    proposedKeys: reimport.proposed.map((item) => item.key),
    warnings: [...reimport.warnings],
  };
}

/** Per re-imported file: the counts, and with --verbose the keys and warnings. */
function reimportLines(outcomes: readonly ImportOutcome[], verbose: boolean): string[] {
  const lines: string[] = [];
  for (const outcome of outcomes) {
    const reimport = (outcome.result as ImportResultWithReimport | undefined)?.reimport;
    if (!reimport) continue;
    lines.push(
      `${outcome.file}: re-import ${reimport.applied} applied, ${reimport.kept} kept, ` +
        `${reimport.proposed} proposed, ${reimport.unchanged} unchanged`,
    );
    if (!verbose) continue;
    if (reimport.appliedKeys.length > 0)
      lines.push(`  applied: ${reimport.appliedKeys.join(', ')}`);
    if (reimport.keptKeys.length > 0) lines.push(`  kept: ${reimport.keptKeys.join(', ')}`);
    if (reimport.proposedKeys.length > 0)
      lines.push(`  proposed: ${reimport.proposedKeys.join(', ')}`);
    for (const warning of reimport.warnings) lines.push(`  warning: ${warning}`);
  }
  return lines;
}

/** What the summary reads of one outcome of the application service. */
function resultOf<R extends ImportedReportView>(
  outcome: ImportServiceOutcome<R>,
  countFailedRules: (report: R) => number,
): ImportDocumentResult {
  const { report, events, replayed, reimport } = outcome;
  const counts = replayed ? null : reimportCountsOf(reimport);
  const result: ImportResultWithReimport = {
    ...(counts ? { reimport: counts } : {}),
    reportId: report.reportId,
    agency: report.agency,
    year: report.year,
    revision: report.revision,
    // Table cells only: narrative numbers (n.*) are not figures of the summary.
    figureCount: report.figures.filter(
      (figure) => /^t[234]\./.test(figure.key) && figure.value !== null,
    ).length,
    warnings: report.warnings.map(({ code, message }) => ({ code, message })),
    failedRuleCount: countFailedRules(report),
    unchanged: replayed || events.length === 0,
  };
  return result;
}

/** One document's outcome of the service's bulk import. */
export type ImportServiceBatchOutcome<R extends ImportedReportView = ImportedReportView> =
  { ok: true; outcome: ImportServiceOutcome<R> } | { ok: false; error: Error };

/**
 * Adapts the in-process import service (local admin mode). Rule results are derived from a
 * report's figures, not stored, so the caller says how to count the failed ones, e.g.
 * `reportImporterFromService((input) => ledger.services.importReport(localAdminPrincipal(), input),
 *   (report) => rulesOf(report).filter((rule) => rule.status === 'failed').length)`.
 * With `importReports` (src/application/importReportBatch.ts) a folder goes in batches.
 */
export function reportImporterFromService<R extends ImportedReportView>(
  importReport: (input: ImportDocumentInput) => Promise<ImportServiceOutcome<R>>,
  countFailedRules: (report: R) => number,
  importReports?: (
    inputs: readonly ImportDocumentInput[],
  ) => Promise<Array<ImportServiceBatchOutcome<R>>>,
): ReportImporter {
  return {
    async importDocument(input) {
      return resultOf(await importReport(input), countFailedRules);
    },
    ...(importReports
      ? {
          async importDocuments(inputs: readonly ImportDocumentInput[]) {
            return (await importReports(inputs)).map((item) =>
              item.ok ? resultOf(item.outcome, countFailedRules) : item.error,
            );
          },
        }
      : {}),
  };
}

/** Extensions picked up when walking a folder; files named explicitly are always imported. */
export const DOCUMENT_EXTENSIONS: readonly string[] = ['.md', '.txt', '.html', '.htm'];

/** What besides the text makes two imports the same request. */
export interface ImportHintsForId {
  agency?: string;
  year?: number;
  sourceUrl?: string;
}

/**
 * `import:` + sha256 hex of the JSON array [sha256hex(document), reason, agency, year,
 * sourceUrl] (absent hints as null). The same document imported for the same reason with the
 * same hints is the same mutation, so the server replays its first result; a new reason or
 * hint is a new, deliberate import (which still records no edits when nothing differs).
 */
export function importClientMutationId(
  document: string,
  reason: string,
  hints: ImportHintsForId = {},
): string {
  const documentHash = createHash('sha256').update(document, 'utf8').digest('hex');
  const identity = JSON.stringify([
    documentHash,
    reason,
    hints.agency ?? null,
    hints.year ?? null,
    hints.sourceUrl ?? null,
  ]);
  return `import:${createHash('sha256').update(identity, 'utf8').digest('hex')}`;
}

/**
 * Decodes a document file. Many government sites still publish GB2312/GBK pages, so bytes
 * that are not valid UTF-8 are read as GB18030 (a superset of both) instead of being
 * silently mangled into U+FFFD.
 */
export function decodeDocument(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

export interface ImportCommandOptions {
  paths: string[];
  reason: string;
  token?: string;
  /** The server's GraphQL endpoint (used with --token). */
  url: string;
  agency?: string;
  year?: number;
  /** --force: import as --year even when a document states another year. */
  force?: boolean;
  sourceUrl?: string;
  /** List every warning, not only the first of each document. */
  verbose: boolean;
}

export const IMPORT_COMMAND = {
  name: 'import',
  synopsis:
    '<files or folders...> --reason TEXT [--token T [--url URL]] [--agency NAME] [--year YYYY] ' +
    '[--source-url URL] [--verbose]',
  description:
    `Imports report documents (${DOCUMENT_EXTENSIONS.join(' ')}; folders are walked), with ` +
    'progress on stderr and a summary on stdout. Without --token it runs locally as the ' +
    'administrator; a second run over the same files records nothing new.',
  options: {
    reason: { type: 'string', valueName: 'TEXT', description: 'why these documents are imported' },
    token: {
      type: 'string',
      valueName: 'T',
      description: 'import through a running server with this editor or admin token',
    },
    url: {
      type: 'string',
      valueName: 'URL',
      description: `the server's base URL (default ${DEFAULT_SERVER_URL}; .../graphql works too)`,
    },
    agency: {
      type: 'string',
      valueName: 'NAME',
      description: 'agency name, when the documents do not state it',
    },
    year: { type: 'string', valueName: 'YYYY', description: 'report year, when not stated' },
    force: {
      type: 'boolean',
      description: 'import as --year even when a document states another year',
    },
    'source-url': {
      type: 'string',
      valueName: 'URL',
      description: 'where the documents were published',
    },
    verbose: {
      type: 'boolean',
      description: 'list every importer warning (by default the first of each document)',
    },
  },
  positionals: { name: 'at least one file or folder to import', min: 1, max: Infinity },
} as const satisfies CommandSpec<OptionSpecs>;

/** The options, or null when --help was asked for. Throws CliUsageError naming the option. */
export function parseImportArgs(args: readonly string[]): ImportCommandOptions | null {
  const parsed = parseCommandLine(IMPORT_COMMAND, args);
  if (parsed.help) return null;
  const { values, positionals } = parsed;
  const reason = values.reason?.trim();
  if (!reason)
    throw new CliUsageError('--reason is required: say why these documents are imported');
  const token = values.token;
  if (token !== undefined && !token.trim()) throw new CliUsageError('--token is empty');
  const url = graphqlEndpointOf(values.url ?? DEFAULT_SERVER_URL);
  if (values.url !== undefined && token === undefined) {
    throw new CliUsageError('--url needs --token (without a token the import runs locally)');
  }
  const yearText = values.year;
  let year: number | undefined;
  if (yearText !== undefined) {
    if (!/^\d{4}$/.test(yearText.trim())) {
      throw new CliUsageError(`--year must be a four-digit year, got "${yearText}"`);
    }
    year = Number(yearText);
  }
  const agency = values.agency?.trim();
  if (values.agency !== undefined && !agency) throw new CliUsageError('--agency is empty');
  return {
    paths: positionals,
    reason,
    url,
    verbose: values.verbose,
    ...(token !== undefined ? { token: token.trim() } : {}),
    ...(agency ? { agency } : {}),
    ...(year !== undefined ? { year } : {}),
    ...(values.force ? { force: true } : {}),
    ...(values['source-url'] !== undefined ? { sourceUrl: values['source-url'] } : {}),
  };
}

function hasDocumentExtension(file: string): boolean {
  return DOCUMENT_EXTENSIONS.includes(path.extname(file).toLowerCase());
}

/**
 * The files to import, in a stable order: named files as given, folders walked recursively
 * (sorted, hidden entries skipped, each real folder once so symlink loops end). A missing
 * path is an argument error before anything is imported.
 */
export async function collectDocumentPaths(inputs: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  const seenFiles = new Set<string>();
  const seenFolders = new Set<string>();
  const addFile = async (file: string): Promise<void> => {
    const real = await fs.realpath(file);
    if (seenFiles.has(real)) return;
    seenFiles.add(real);
    files.push(file);
  };
  const walk = async (folder: string): Promise<void> => {
    const real = await fs.realpath(folder);
    if (seenFolders.has(real)) return;
    seenFolders.add(real);
    const names = (await fs.readdir(folder)).filter((name) => !name.startsWith('.')).sort();
    for (const name of names) {
      const entry = path.join(folder, name);
      const stat = await fs.stat(entry).catch(() => null);
      if (stat?.isDirectory()) await walk(entry);
      else if (stat?.isFile() && hasDocumentExtension(name)) await addFile(entry);
    }
  };
  for (const input of inputs) {
    const stat = await fs.stat(input).catch(() => null);
    if (!stat) throw new CliUsageError(`no such file or folder: ${input}`);
    if (stat.isDirectory()) await walk(input);
    else await addFile(input);
  }
  return files;
}

interface ImportOutcome {
  file: string;
  result?: ImportDocumentResult;
  error?: string;
}

function statusOf(outcome: ImportOutcome): string {
  if (outcome.error !== undefined) return `failed: ${outcome.error}`;
  const result = outcome.result as ImportResultWithReimport | undefined;
  if (result?.unchanged) return 'unchanged';
  const reimport = result?.reimport;
  if (!reimport) return `imported (revision ${result?.revision})`;
  // A re-import that only records kept cells or proposals changed no figure: say so.
  return reimport.applied > 0
    ? `re-imported (revision ${result.revision})`
    : `re-imported (revision ${result.revision}), no figure changed`;
}

/** Lines of a plain-text table whose columns line up for Chinese text too. */
export function formatTable(header: readonly string[], rows: readonly string[][]): string[] {
  const widths = header.map((title, column) =>
    Math.max(displayWidth(title), ...rows.map((row) => displayWidth(row[column] ?? ''))),
  );
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, column) =>
        column === cells.length - 1 ? cell : padToWidth(cell, widths[column]),
      )
      .join('  ');
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)];
}

function summaryLines(outcomes: readonly ImportOutcome[], verbose: boolean): string[] {
  const rows = outcomes.map((outcome) => {
    const result = outcome.result;
    return [
      outcome.file,
      result ? `${result.agency} ${result.year}` : '',
      result ? String(result.figureCount) : '',
      result ? String(result.warnings.length) : '',
      result ? String(result.failedRuleCount) : '',
      statusOf(outcome),
    ];
  });
  const count = (predicate: (outcome: ImportOutcome) => boolean): number =>
    outcomes.filter(predicate).length;
  const warnings = importWarningLines(
    outcomes.map((outcome) => ({ file: outcome.file, warnings: outcome.result?.warnings ?? [] })),
    { verbose },
  );
  const reimports = reimportLines(outcomes, verbose);
  return [
    ...formatTable(['file', 'report', 'figures', 'warnings', 'failed rules', 'status'], rows),
    ...(warnings.length > 0 ? ['', ...warnings] : []),
    ...(reimports.length > 0 ? ['', ...reimports] : []),
    '',
    `${count((o) => o.result?.unchanged === false)} imported, ` +
      `${count((o) => o.result?.unchanged === true)} unchanged, ` +
      `${count((o) => o.error !== undefined)} failed`,
  ];
}

function errorMessage(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.replace(/\s+/g, ' ').trim() || 'unknown error';
}

/** The parsed options, or the exit code when the command ends here (help 0, usage 2). */
function optionsOrExit(args: readonly string[], io: CliIo): ImportCommandOptions | number {
  try {
    return parseImportArgs(args) ?? writeHelp(io, IMPORT_COMMAND);
  } catch (error) {
    if (!(error instanceof CliUsageError)) throw error;
    return writeUsageError(io, IMPORT_COMMAND, error);
  }
}

/** Documents per bulk call, and the most bytes of files read for one. */
const BATCH_DOCUMENTS = 100;
const BATCH_BYTES = 16 * 1024 * 1024;

/** Consecutive runs of `files` for the bulk path, cut by count and by size on disk. */
async function* batchesOf(files: readonly string[]): AsyncGenerator<string[]> {
  let batch: string[] = [];
  let bytes = 0;
  for (const file of files) {
    const size = (await fs.stat(file).catch(() => null))?.size ?? 0;
    if (batch.length > 0 && (batch.length >= BATCH_DOCUMENTS || bytes + size > BATCH_BYTES)) {
      yield batch;
      batch = [];
      bytes = 0;
    }
    batch.push(file);
    bytes += size;
  }
  if (batch.length > 0) yield batch;
}

/**
 * One batch through the importer's bulk path: files are read as they start, imported in one
 * call, and completed in their order, so the progress lines and the summary are those of the
 * one-at-a-time path.
 */
async function importBatch(
  files: readonly string[],
  importMany: NonNullable<ReportImporter['importDocuments']>,
  inputOf: (document: string) => ImportDocumentInput,
  progress: ReturnType<typeof createProgressBar>,
): Promise<ImportOutcome[]> {
  const outcomes: ImportOutcome[] = files.map((file) => ({ file }));
  const inputs: ImportDocumentInput[] = [];
  const sent: ImportOutcome[] = [];
  for (const outcome of outcomes) {
    progress.start(outcome.file);
    try {
      inputs.push(inputOf(decodeDocument(await fs.readFile(outcome.file))));
      sent.push(outcome);
    } catch (error) {
      outcome.error = errorMessage(error);
    }
  }
  try {
    const results = inputs.length > 0 ? await importMany(inputs) : [];
    sent.forEach((outcome, index) => {
      const result = results[index];
      if (result instanceof Error) outcome.error = errorMessage(result);
      else if (result) outcome.result = result;
      else outcome.error = 'no result from the importer';
    });
  } catch (error) {
    // The database failed under the batch: each of its documents says so; the next batch goes on.
    for (const outcome of sent) outcome.error = errorMessage(error);
  }
  for (const outcome of outcomes) progress.complete(outcome.file, statusOf(outcome));
  return outcomes;
}

/** Runs the import with a given importer. Exit code 0, 1 when any document failed, 2 on usage. */
export async function runImportCommandWith(
  args: readonly string[],
  io: CliIo,
  importer: ReportImporter,
): Promise<number> {
  const options = optionsOrExit(args, io);
  if (typeof options === 'number') return options;
  let files: string[];
  try {
    files = await collectDocumentPaths(options.paths);
  } catch (error) {
    if (!(error instanceof CliUsageError)) throw error;
    return writeUsageError(io, IMPORT_COMMAND, error);
  }
  if (files.length === 0) {
    io.stderr.write(
      `import: no ${DOCUMENT_EXTENSIONS.join(' ')} documents in ${options.paths.join(', ')}\n`,
    );
    return 1;
  }

  const progress = createProgressBar(io.stderr as ProgressStream, files.length);
  const inputOf = (document: string): ImportDocumentInput => ({
    document,
    reason: options.reason,
    clientMutationId: importClientMutationId(document, options.reason, options),
    ...(options.agency !== undefined ? { agency: options.agency } : {}),
    ...(options.year !== undefined ? { year: options.year } : {}),
    ...(options.force ? { force: true } : {}),
    ...(options.sourceUrl !== undefined ? { sourceUrl: options.sourceUrl } : {}),
  });
  const outcomes: ImportOutcome[] = [];
  if (importer.importDocuments) {
    const importMany = importer.importDocuments.bind(importer);
    for await (const batch of batchesOf(files)) {
      outcomes.push(...(await importBatch(batch, importMany, inputOf, progress)));
    }
  } else {
    for (const file of files) {
      progress.start(file);
      const outcome: ImportOutcome = { file };
      try {
        const document = decodeDocument(await fs.readFile(file));
        outcome.result = await importer.importDocument(inputOf(document));
      } catch (error) {
        // One bad document must not stop the others; its reason goes in the summary.
        outcome.error = errorMessage(error);
      }
      outcomes.push(outcome);
      progress.complete(file, statusOf(outcome));
    }
  }
  progress.finish();
  io.stdout.write(`${summaryLines(outcomes, options.verbose).join('\n')}\n`);
  return outcomes.some((outcome) => outcome.error !== undefined) ? 1 : 0;
}

/**
 * The `import` subcommand: over HTTP with --token, else through the local importer that
 * `openLocalImporter` builds (the application service on the configured database).
 */
export function createImportCommand(
  openLocalImporter: () => Promise<ClosableReportImporter>,
): CliCommand {
  return async (args, io) => {
    // Help and usage mistakes are answered without opening the database.
    const options = optionsOrExit(args, io);
    if (typeof options === 'number') return options;
    if (options.token !== undefined) {
      return runImportCommandWith(
        args,
        io,
        createHttpReportImporter({ url: options.url, token: options.token }),
      );
    }
    const local = await openLocalImporter();
    try {
      return await runImportCommandWith(args, io, local.importer);
    } finally {
      await local.close();
    }
  };
}
