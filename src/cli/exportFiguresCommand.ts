// `cli export figures --key KEY [--year YYYY …] --format csv|jsonl [--out FILE]`: the bulk figure
// export of GET /export/figures.csv|jsonl from the command line, with the same parameters as
// options (`regionCode` is `--region-code`) and the same rows, written as they are generated.
import { once } from 'node:events';
import { createWriteStream, promises as fs } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { CorpusView } from '../corpus/corpusView';
import {
  FigureExportQueryError,
  parseFigureExportQuery,
  type FigureExportParameter,
  type FigureExportQuery,
  type GivenParameters,
} from '../export/figureExportQuery';
import { figureExportRefusal } from '../export/figureExportRefusal';
import {
  FIGURE_EXPORT_FORMATS,
  figureExportChunks,
  type FigureExportFormat,
} from '../export/figureRowFormats';
import { planFigureRows, type FigureRowPlan } from '../export/figureRows';
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

/** The corpus at an instant (now for null), and what to release when the command ends. */
export interface ClosableCorpusSource {
  viewAt(asOf: Date | null): Promise<CorpusView>;
  close(): Promise<void>;
}

export const EXPORT_FIGURES_COMMAND = {
  name: 'export figures',
  synopsis:
    '(--key KEY | --keys KEY,… [--group-by DIM,…]) [--year YYYY] [--years YYYY,…] [--region-code CODE] ' +
    '[--level L] [--kind K] [--status S] [--as-of ISO] [--order-by BY] [--direction ASC|DESC] ' +
    '--format csv|jsonl [--out FILE]',
  description:
    'Writes a figure or indicator across every matching report (the figureValues query, all ' +
    'pages, in its order), or with --keys/--group-by the figureAggregates rows, as CSV for ' +
    'Excel or JSON lines, like GET /export/figures.csv|jsonl.',
  options: {
    key: { type: 'string', valueName: 'KEY', description: 'figure or indicator key' },
    keys: {
      type: 'string',
      multiple: true,
      valueName: 'KEY,…',
      description: 'keys to aggregate (makes it an aggregate export)',
    },
    'group-by': {
      type: 'string',
      multiple: true,
      valueName: 'YEAR|PROVINCE|CITY|COUNTY|LEVEL|AGENCY,…',
      description: 'aggregate groups (makes it an aggregate export; none: one group)',
    },
    year: { type: 'string', valueName: 'YYYY', description: 'only this year' },
    years: { type: 'string', multiple: true, valueName: 'YYYY,…', description: 'only these years' },
    'region-code': {
      type: 'string',
      valueName: 'CODE',
      description: 'GB/T 2260 code: the region and everything below it',
    },
    level: { type: 'string', valueName: 'province|city|county|township', description: 'level' },
    kind: { type: 'string', valueName: 'government|department|other', description: 'kind' },
    status: {
      type: 'string',
      multiple: true,
      valueName: 'draft|published|withdrawn',
      description: 'publication status',
    },
    'as-of': {
      type: 'string',
      valueName: 'ISO',
      description: 'the ledger as it stood at an instant, e.g. 2025-01-31T08:00:00Z',
    },
    'order-by': {
      type: 'string',
      valueName: 'VALUE|AGENCY_NAME|YEAR',
      description: 'order of a value list (default VALUE; blanks last)',
    },
    direction: { type: 'string', valueName: 'ASC|DESC', description: 'default DESC' },
    format: { type: 'string', valueName: FIGURE_EXPORT_FORMATS.join('|'), description: 'format' },
    out: {
      type: 'string',
      valueName: 'FILE',
      description: 'write to FILE (whole or not at all) instead of stdout',
    },
  },
  positionals: { name: 'arguments', min: 0, max: 0 },
} as const satisfies CommandSpec<OptionSpecs>;

const OPTION_OF: Readonly<
  Record<FigureExportParameter, keyof typeof EXPORT_FIGURES_COMMAND.options>
> = {
  key: 'key',
  keys: 'keys',
  groupBy: 'group-by',
  year: 'year',
  years: 'years',
  regionCode: 'region-code',
  level: 'level',
  kind: 'kind',
  status: 'status',
  asOf: 'as-of',
  orderBy: 'order-by',
  direction: 'direction',
};

const spell = (parameter: FigureExportParameter) => `--${OPTION_OF[parameter]}`;

export interface ExportFiguresOptions {
  query: FigureExportQuery;
  format: FigureExportFormat;
  out?: string;
}

/** The options, or null for --help. Throws CliUsageError naming the option. */
export function parseExportFiguresArgs(args: readonly string[]): ExportFiguresOptions | null {
  const parsed = parseCommandLine(EXPORT_FIGURES_COMMAND, args);
  if (parsed.help) return null;
  const { values } = parsed;
  const given: Record<string, readonly string[]> = {};
  for (const [parameter, option] of Object.entries(OPTION_OF)) {
    const value = values[option];
    if (value === undefined) continue;
    given[parameter] = typeof value === 'string' ? [value] : value;
  }
  let query: FigureExportQuery;
  try {
    query = parseFigureExportQuery(given as GivenParameters, spell);
  } catch (error) {
    if (error instanceof FigureExportQueryError) throw new CliUsageError(error.message);
    throw error;
  }
  const format = choiceOption('--format', values.format, FIGURE_EXPORT_FORMATS);
  const out = pathOption('--out', values.out);
  return { query, format, ...(out !== undefined ? { out } : {}) };
}

function optionsOrExit(args: readonly string[], io: CliIo): ExportFiguresOptions | number {
  try {
    return parseExportFiguresArgs(args) ?? writeHelp(io, EXPORT_FIGURES_COMMAND);
  } catch (error) {
    if (!(error instanceof CliUsageError)) throw error;
    return writeUsageError(io, EXPORT_FIGURES_COMMAND, error);
  }
}

/** A process stream says "wait" by returning false from write; a test buffer never does. */
interface DrainableOutput {
  write(text: string): unknown;
  once?(event: 'drain', listener: () => void): unknown;
}

async function writeToOutput(output: DrainableOutput, chunks: Iterable<string>): Promise<void> {
  for (const chunk of chunks) {
    if (output.write(chunk) === false && typeof output.once === 'function') {
      await once(output as unknown as NodeJS.EventEmitter, 'drain');
    }
  }
}

/** Streams into a file beside the target and renames it: never half a file at FILE. */
async function writeToFile(file: string, chunks: Iterable<string>): Promise<void> {
  const temporary = path.join(
    path.dirname(file),
    `.${path.basename(file)}.${process.pid}.${Date.now()}.tmp`,
  );
  try {
    await pipeline(Readable.from(chunks), createWriteStream(temporary));
    await fs.rename(temporary, file);
  } catch (error) {
    await fs.rm(temporary, { force: true });
    throw error;
  }
}

/** Runs the export on a corpus source. Exit 0; 1 on a refused query or an unwritable file; 2 on usage. */
export async function runExportFiguresCommandWith(
  args: readonly string[],
  io: CliIo,
  source: Pick<ClosableCorpusSource, 'viewAt'>,
): Promise<number> {
  const options = optionsOrExit(args, io);
  if (typeof options === 'number') return options;
  let plan: FigureRowPlan;
  try {
    plan = planFigureRows(await source.viewAt(options.query.asOf), options.query);
  } catch (error) {
    const refusal = figureExportRefusal(error, spell);
    if (!refusal) throw error;
    io.stderr.write(`export figures: ${refusal.message}\n`);
    return 1;
  }
  const chunks = figureExportChunks(plan, options.format);
  if (options.out === undefined) {
    await writeToOutput(io.stdout, chunks);
    return 0;
  }
  try {
    await writeToFile(options.out, chunks);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    io.stderr.write(`export figures: cannot write --out ${options.out}: ${detail}\n`);
    return 1;
  }
  io.stderr.write(
    `export figures: wrote ${options.out} (${options.format}, ${plan.rowCount} rows)\n`,
  );
  return 0;
}

/** `export figures` over the corpus `openSource` opens (the ledger's corpus index). */
export function createExportFiguresCommand(
  openSource: () => Promise<ClosableCorpusSource>,
): CliCommand {
  return async (args, io) => {
    // Help and usage mistakes are answered without opening the database.
    const options = optionsOrExit(args, io);
    if (typeof options === 'number') return options;
    const source = await openSource();
    try {
      return await runExportFiguresCommandWith(args, io, source);
    } finally {
      await source.close();
    }
  };
}
