// `npm run -s cli -- <command> …`: dispatches to one module per command in src/cli/.
import 'reflect-metadata';
import type { CliCommand, CliIo } from './cli/cliIo';

const COMMANDS: Record<string, { summary: string; load: () => Promise<CliCommand> }> = {
  parse: {
    summary: 'parse <file> [--agency NAME] [--year YYYY]   print the importer result as JSON',
    load: async () => (await import('./cli/parseCommand')).runParseCommand,
  },
};

function usage(): string {
  const lines = Object.values(COMMANDS).map((command) => `  ${command.summary}`);
  return `usage: npm run -s cli -- <command> …\n\ncommands:\n${lines.join('\n')}\n`;
}

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(usage());
    return name ? 0 : 2;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.stderr.write(`unknown command "${name}"\n${usage()}`);
    return 2;
  }
  return (await command.load())(args, io);
}

if (require.main === module) {
  runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr })
    .then((code) => {
      process.exitCode = code;
    })
    .catch((error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    });
}
