// `cli parse file | head -1`: head exits after its line and closes the pipe, and the CLI's
// next write fails with EPIPE. Node reports that as an 'error' event on process.stdout, which
// unhandled kills the process with a stack trace, though nothing went wrong: the reader has
// what it wanted. So EPIPE on the CLI's output streams is expected and silent; later writes
// to the closed stream are dropped by Node (a destroyed stream raises no further errors),
// and the command ends with its own exit code.

/** The part of a process stream this needs; process.stdout and process.stderr satisfy it. */
export interface OutputStream {
  on(event: 'error', listener: (error: NodeJS.ErrnoException) => void): unknown;
}

export function endQuietlyOnClosedPipe(stream: OutputStream): void {
  stream.on('error', (error) => {
    if (error.code === 'EPIPE') return;
    // Anything else (a full disk behind a redirect) is a real failure, as without this listener.
    throw error;
  });
}
