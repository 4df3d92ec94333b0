// A bench entry point's outermost call: a failure prints its stack and exits non-zero, so a
// script run by hand or by CI never ends quietly on an unhandled rejection.
export function runScript(main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    process.stderr.write(
      `bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
  });
}
