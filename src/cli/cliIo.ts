// What a CLI command writes to. Tests pass buffers; src/cli.ts passes the process streams.
export interface CliIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
}

/** Every subcommand has this shape: arguments after the subcommand name in, exit code out. */
export type CliCommand = (args: string[], io: CliIo) => Promise<number>;
