// `npm run -s cli -- sample remove [--reason TEXT]`: removes the sample data a first start
// loaded (an AgencyRemoved event per sample agency; the log keeps their history).
import { localAdminPrincipal } from '../auth/principal';
import { removeSampleData } from '../sampleData/removeSampleData';
import type { CliCommand, CliIo } from './cliIo';
import {
  CliUsageError,
  parseCommandLine,
  selectAction,
  writeHelp,
  writeUsageError,
  type CommandSpec,
} from './commandLine';
import { openLedgerForCli, type LedgerOpener } from './openLedger';

const REMOVE_SPEC = {
  name: 'sample remove',
  synopsis: '[--reason TEXT]',
  description:
    'Removes the sample data (示例县数据管理局) from every list and query: one AgencyRemoved event per sample agency, recorded with the reason. Its history stays in the log.',
  options: {
    reason: { type: 'string', valueName: 'TEXT', description: 'why (recorded with the event)' },
  },
  positionals: { name: 'arguments', min: 0, max: 0 },
} as const satisfies CommandSpec<{
  reason: { type: 'string'; valueName: string; description: string };
}>;

export const SAMPLE_COMMANDS = {
  name: 'sample',
  description: 'The sample data loaded into an empty ledger by the first `npm start`.',
  actions: { remove: REMOVE_SPEC },
};

export function createSampleCommand(open: LedgerOpener = () => openLedgerForCli()): CliCommand {
  return async (args: string[], io: CliIo) => {
    const selected = selectAction(io, SAMPLE_COMMANDS, args);
    if (typeof selected === 'number') return selected;
    let reason: string | undefined;
    try {
      const parsed = parseCommandLine(selected.spec, selected.rest);
      if (parsed.help) return writeHelp(io, selected.spec);
      reason = parsed.values.reason?.trim() || undefined;
    } catch (error) {
      if (!(error instanceof CliUsageError)) throw error;
      return writeUsageError(io, selected.spec, error);
    }
    const { ledger, close } = await open();
    try {
      const result = await removeSampleData(
        ledger,
        localAdminPrincipal('sample remove (cli)'),
        reason,
      );
      for (const agency of result.removed) {
        io.stdout.write(`removed ${agency.name} (${agency.reports} reports)\n`);
      }
      if (result.removed.length === 0) {
        io.stdout.write(
          result.alreadyRemoved > 0
            ? 'the sample data was already removed: nothing to do\n'
            : 'no sample data in this ledger: nothing to do\n',
        );
      }
      return 0;
    } finally {
      await close();
    }
  };
}
