// `npm run -s cli -- projections rebuild`: drops every read model and rebuilds it from the log.
// `npm run -s cli -- projections catch-up`: projects what is behind (also done at every start).
// `npm run -s cli -- projections status`: checkpoint and head of the log.
import { readCheckpoint } from '../projections/checkpoints';
import { catchUpProjections } from '../projections/projectionFollower';
import { rebuildProjections } from '../projections/rebuildProjections';
import type { CliCommand, CliIo } from './cliIo';
import { openLedgerForCli, type LedgerOpener } from './openLedger';

const USAGE = 'usage: projections rebuild | projections catch-up | projections status';

async function run(args: string[], io: CliIo, open: LedgerOpener): Promise<number> {
  const [action, ...rest] = args;
  if (!['rebuild', 'catch-up', 'status'].includes(action ?? '') || rest.length > 0) {
    io.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const { ledger, close } = await open();
  try {
    if (action === 'rebuild') {
      const started = performance.now();
      const result = await rebuildProjections(ledger.projection, {
        progress: (events) => io.stderr.write(`\rrebuilding: ${events} events`),
      });
      const seconds = (performance.now() - started) / 1000;
      io.stderr.write('\n');
      io.stdout.write(
        `rebuilt ${result.reports} reports and ${result.agencies} agencies from ${result.events} events ` +
          `in ${seconds.toFixed(1)} s (checkpoint ${result.checkpoint})\n`,
      );
      return 0;
    }
    if (action === 'catch-up') {
      const result = await catchUpProjections(ledger.projection);
      io.stdout.write(
        `projected ${result.events} events: ${result.fromPosition} -> ${result.checkpoint}\n`,
      );
      return 0;
    }
    const [checkpoint, head] = await Promise.all([
      readCheckpoint(ledger.projection),
      ledger.store.headPosition(),
    ]);
    io.stdout.write(
      `checkpoint ${checkpoint}\nhead ${head}\nbehind ${Math.max(0, head - checkpoint)}\n`,
    );
    return 0;
  } finally {
    await close();
  }
}

export function createProjectionsCommand(
  open: LedgerOpener = () => openLedgerForCli(),
): CliCommand {
  return async (args, io) => {
    try {
      return await run(args, io, open);
    } catch (error) {
      io.stderr.write(`projections: ${error instanceof Error ? error.message : String(error)}\n`);
      return 1;
    }
  };
}

export const runProjectionsCommand: CliCommand = createProjectionsCommand();
