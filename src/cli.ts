// `npm run -s cli -- <command> …`: dispatches to one module per command in src/cli/. Every
// command parses its arguments with src/cli/commandLine.ts and answers `--help`. Commands and
// the ledger are loaded only when a command needs them, so `parse` and `--help` start fast.
import 'reflect-metadata';
import type { CliCommand, CliIo } from './cli/cliIo';
import { endQuietlyOnClosedPipe } from './cli/closedPipe';
import { CLI_INVOCATION } from './cli/commandLine';

/** `import` without --token: the application service on the configured database, as admin. */
async function openLocalImporter() {
  const [
    { localAdminPrincipal },
    { reportImporterFromService },
    { rulesOf },
    { openLedgerForCli },
    { ReportBatchImporter },
    { importDocument },
  ] = await Promise.all([
    import('./auth/principal'),
    import('./cli/importCommand'),
    import('./projections/reportRules'),
    import('./cli/openLedger'),
    import('./application/importReportBatch'),
    import('./domain/importer/importDocument'),
  ]);
  const opened = await openLedgerForCli();
  const principal = localAdminPrincipal('bulk import (cli)');
  const { ledger } = opened;
  // Folders go through the bulk path: new reports appended and projected in batches.
  const batch = new ReportBatchImporter(
    ledger.projection,
    ledger.store,
    (who, input, meta) => ledger.services.importReport(who, input, meta),
    { parseDocument: importDocument },
  );
  return {
    importer: reportImporterFromService(
      (input) => ledger.services.importReport(principal, input),
      (report) => rulesOf(report).filter((rule) => rule.status === 'failed').length,
      (inputs) => batch.importReports(principal, inputs),
    ),
    close: () => opened.close(),
  };
}

/** `export`: reads the report like GET /export (read model caught up, or time travel). */
async function openExportLoader() {
  const [{ reportExportLoader }, { openLedgerForCli }] = await Promise.all([
    import('./server/routes/exportRoute'),
    import('./cli/openLedger'),
  ]);
  const opened = await openLedgerForCli();
  return { loadReport: reportExportLoader(opened.ledger), close: () => opened.close() };
}

/** `export figures`: the corpus index of the configured database, caught up with its log. */
async function openCorpusSource() {
  const [{ corpusViewForExport }, { openLedgerForCli }] = await Promise.all([
    import('./export/figureExportSource'),
    import('./cli/openLedger'),
  ]);
  const opened = await openLedgerForCli();
  return {
    viewAt: (asOf: Date | null) => corpusViewForExport(opened.ledger, asOf),
    close: () => opened.close(),
  };
}

/** `export figures …` is the bulk export; any other `export …` the one-report export. */
async function loadExportCommands(): Promise<CliCommand> {
  const [{ createExportCommand }, { createExportFiguresCommand }] = await Promise.all([
    import('./cli/exportCommand'),
    import('./cli/exportFiguresCommand'),
  ]);
  const report = createExportCommand(openExportLoader);
  const figures = createExportFiguresCommand(openCorpusSource);
  return (args, io) => (args[0] === 'figures' ? figures(args.slice(1), io) : report(args, io));
}

const COMMANDS: Record<string, { summary: string; load: () => Promise<CliCommand> }> = {
  parse: {
    summary: 'parse <file> [--agency NAME] [--year YYYY]   print the importer result as JSON',
    load: async () => (await import('./cli/parseCommand')).runParseCommand,
  },
  import: {
    summary:
      'import <files or folders...> --reason TEXT [--token T [--url URL]] [--verbose]   bulk import (local admin without --token)',
    load: async () => (await import('./cli/importCommand')).createImportCommand(openLocalImporter),
  },
  export: {
    summary:
      'export --agency NAME --year YYYY --format csv|json|markdown [--out FILE] [--at-revision N] [--as-of ISO]\n' +
      '  export figures --key KEY [--year YYYY] [--region-code CODE] … --format csv|jsonl [--out FILE]   a figure across reports',
    load: loadExportCommands,
  },
  token: {
    summary:
      'token create --name NAME --role editor|admin [--agency NAME ...] | token list | token revoke ID',
    load: async () => (await import('./cli/tokenCommand')).runTokenCommand,
  },
  projections: {
    summary: 'projections rebuild | catch-up | status   read models from the event log',
    load: async () => (await import('./cli/projectionsCommand')).runProjectionsCommand,
  },
  sample: {
    summary: 'sample remove [--reason TEXT]   remove the sample data a first start loaded',
    load: async () => (await import('./cli/sampleCommand')).createSampleCommand(),
  },
};

function usage(): string {
  const lines = Object.values(COMMANDS).map((command) => `  ${command.summary}`);
  return (
    `usage: ${CLI_INVOCATION} <command> …\n\ncommands:\n${lines.join('\n')}\n\n` +
    `"${CLI_INVOCATION} <command> --help" explains a command and all its options.\n`
  );
}

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined) {
    io.stderr.write(usage());
    return 2;
  }
  if (name === '--help' || name === '-h' || name === 'help') {
    // `help export` is `export --help`.
    const topic = args[0];
    if (topic === undefined) {
      io.stdout.write(usage());
      return 0;
    }
    return runCli([topic, '--help'], io);
  }
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!command) {
    io.stderr.write(`unknown command "${name}"\n${usage()}`);
    return 2;
  }
  return (await command.load())([...args], io);
}

if (require.main === module) {
  endQuietlyOnClosedPipe(process.stdout);
  endQuietlyOnClosedPipe(process.stderr);
  runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr })
    .then((code) => {
      process.exitCode = code;
    })
    .catch((error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    });
}
