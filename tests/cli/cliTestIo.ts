// Buffers standing in for process.stdout/stderr in CLI tests.
import type { CliIo } from '../../src/cli/cliIo';

export interface BufferedIo extends CliIo {
  out(): string;
  err(): string;
}

export function bufferedIo(options: { ttyStderr?: boolean } = {}): BufferedIo {
  let stdout = '';
  let stderr = '';
  return {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: {
      write: (text: string) => (stderr += text),
      ...(options.ttyStderr ? { isTTY: true, columns: 100 } : {}),
    },
    out: () => stdout,
    err: () => stderr,
  };
}
