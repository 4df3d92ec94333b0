// `npm run -s cli -- projections rebuild`: drops every read model and rebuilds it from the log.
// `npm run -s cli -- projections catch-up`: projects what is behind (also done at every start).
// `npm run -s cli -- projections status`: checkpoint and head of the log.
import { readCheckpoint } from '../projections/checkpoints';
import { catchUpProjections } from '../projections/projectionFollower';
import { rebuildProjections } from '../projections/rebuildProjections';
import type { CliCommand, CliIo } from './cliIo';
import {
  CliUsageError,
  parseCommandLine,
  selectAction,
  writeHelp,
  writeUsageError,
  type CommandSpec,
  type OptionSpecs,
} from './commandLine';
import { openLedgerForCli, type LedgerOpener } from './openLedger';

type ProjectionsAction = 'rebuild' | 'catch-up' | 'status';

function actionSpec(name: ProjectionsAction, description: string) {
  return {
    name: `projections ${name}`,
    synopsis: '',
    description,
    options: {},
    positionals: { name: 'arguments', min: 0, max: 0 },
  } as const satisfies CommandSpec<OptionSpecs>;
}

export const PROJECTIONS_COMMANDS = {
  name: 'projections',
  description: 'The read models, which are built only from the event log.',
  actions: {
    rebuild: actionSpec('rebuild', 'Drops every read model and rebuilds it from the event log.'),
    'catch-up': actionSpec(
      'catch-up',
      'Projects the events the read models are behind (also done at every start).',
    ),
    status: actionSpec(
      'status',
      'Prints the projection checkpoint, the head of the log and the lag.',
    ),
  },
};

/** The action, or the exit code when the command ends here (help 0, usage 2). */
function actionOrExit(args: readonly string[], io: CliIo): ProjectionsAction | number {
  const selected = selectAction(io, PROJECTIONS_COMMANDS, args);
  if (typeof selected === 'number') return selected;
  const { action, spec, rest } = selected;
  try {
    if (parseCommandLine(spec, rest).help) return writeHelp(io, spec);
  } catch (error) {
    if (!(error instanceof CliUsageError)) throw error;
    return writeUsageError(io, spec, error);
  }
  return action;
}

async function run(action: ProjectionsAction, io: CliIo, open: LedgerOpener): Promise<number> {
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
    const action = actionOrExit(args, io);
    if (typeof action === 'number') return action;
    try {
      return await run(action, io, open);
    } catch (error) {
      io.stderr.write(`projections: ${error instanceof Error ? error.message : String(error)}\n`);
      return 1;
    }
  };
}

export const runProjectionsCommand: CliCommand = createProjectionsCommand();
