// `npm run -s cli -- token create --name NAME --role editor|reviewer|admin [--agency NAME ...] [--expires-in 30d]`
// `npm run -s cli -- token revoke <id>` · `npm run -s cli -- token list`
// The token is printed once; only its sha256 is stored.
import {
  createToken,
  listTokens,
  parseDuration,
  revokeToken,
  TokenInputError,
} from '../auth/tokens';
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

const CREATE = {
  name: 'token create',
  synopsis: '--name NAME --role editor|reviewer|admin [--agency NAME ...] [--expires-in 30d]',
  description:
    'Creates an API token and prints it once; only its SHA-256 hash is stored. An editor may ' +
    'edit the reports of its --agency names, an admin every report.',
  options: {
    name: { type: 'string', valueName: 'NAME', description: 'who the token is for' },
    role: {
      type: 'string',
      valueName: 'editor|reviewer|admin',
      description: 'what the token may do',
    },
    agency: {
      type: 'string',
      multiple: true,
      valueName: 'NAME',
      description: 'an agency an editor may edit',
    },
    'expires-in': {
      type: 'string',
      valueName: 'DURATION',
      description: 'lifetime such as 30d, 12h, 45m or 3600s (default: does not expire)',
    },
  },
  positionals: { name: 'arguments', min: 0, max: 0 },
} as const satisfies CommandSpec<OptionSpecs>;

const REVOKE = {
  name: 'token revoke',
  synopsis: '<id>',
  description: 'Revokes the token with this id (see token list); it is refused from then on.',
  options: {},
  positionals: { name: '<id>', min: 1, max: 1 },
} as const satisfies CommandSpec<OptionSpecs>;

const LIST = {
  name: 'token list',
  synopsis: '',
  description: 'Lists every token (tab-separated): id, name, role, agencies, dates. No secrets.',
  options: {},
  positionals: { name: 'arguments', min: 0, max: 0 },
} as const satisfies CommandSpec<OptionSpecs>;

export const TOKEN_COMMANDS = {
  name: 'token',
  description: 'API tokens: create one, list them, revoke one.',
  actions: { create: CREATE, revoke: REVOKE, list: LIST },
};

type TokenAction =
  | {
      action: 'create';
      name: string;
      role: 'editor' | 'reviewer' | 'admin';
      agencies: string[];
      expiresInMs?: number;
    }
  | { action: 'revoke'; id: string }
  | { action: 'list' };

/** The action, or the exit code when the command ends here (help 0, usage 2). */
function actionOrExit(args: readonly string[], io: CliIo): TokenAction | number {
  const selected = selectAction(io, TOKEN_COMMANDS, args);
  if (typeof selected === 'number') return selected;
  const { spec, rest } = selected;
  try {
    if (spec === CREATE) {
      const parsed = parseCommandLine(CREATE, rest);
      if (parsed.help) return writeHelp(io, CREATE);
      const { name, role, agency, 'expires-in': expiresIn } = parsed.values;
      if (!name?.trim()) throw new CliUsageError('--name is required');
      if (!role) throw new CliUsageError('--role editor|reviewer|admin is required');
      if (role !== 'editor' && role !== 'reviewer' && role !== 'admin') {
        throw new CliUsageError(`--role must be editor, reviewer or admin, got "${role}"`);
      }
      let expiresInMs: number | undefined;
      if (expiresIn !== undefined) {
        const duration = parseDuration(expiresIn);
        if (duration === null)
          throw new CliUsageError('--expires-in looks like 30d, 12h, 45m or 3600s');
        expiresInMs = duration;
      }
      return {
        action: 'create',
        name,
        role,
        agencies: agency,
        ...(expiresInMs !== undefined ? { expiresInMs } : {}),
      };
    }
    const parsed = parseCommandLine(spec, rest);
    if (parsed.help) return writeHelp(io, spec);
    return spec === REVOKE ? { action: 'revoke', id: parsed.positionals[0] } : { action: 'list' };
  } catch (error) {
    if (!(error instanceof CliUsageError)) throw error;
    return writeUsageError(io, spec, error);
  }
}

async function run(command: TokenAction, io: CliIo, open: LedgerOpener): Promise<number> {
  const { ledger, close } = await open();
  try {
    const tokens = ledger.models.tokens;
    if (command.action === 'create') {
      // createToken checks the rest (an editor needs agencies): TokenInputError, exit code 2.
      const created = await createToken(tokens, {
        name: command.name,
        role: command.role,
        agencies: command.agencies,
        ...(command.expiresInMs !== undefined ? { expiresInMs: command.expiresInMs } : {}),
      });
      io.stdout.write(
        [
          `created token ${created.id} (${created.record.role}${created.record.agencies.length ? `: ${created.record.agencies.join(', ')}` : ''})`,
          created.record.expiresAt
            ? `expires ${created.record.expiresAt.toISOString()}`
            : 'does not expire',
          '',
          created.token,
          '',
          'This is the only time the token is shown. Send it as: Authorization: Bearer <token>',
          '',
        ].join('\n'),
      );
      return 0;
    }
    if (command.action === 'revoke') {
      const { id } = command;
      if (await revokeToken(tokens, id)) {
        io.stdout.write(`revoked token ${id}\n`);
        return 0;
      }
      io.stderr.write(`no active token with id ${id}\n`);
      return 1;
    }
    const list = await listTokens(tokens);
    io.stdout.write('id\tname\trole\tagencies\tcreated\texpires\trevoked\n');
    for (const token of list) {
      io.stdout.write(
        [
          token._id,
          token.name,
          token.role,
          token.agencies.join(',') || '-',
          token.createdAt.toISOString(),
          token.expiresAt?.toISOString() ?? '-',
          token.revokedAt?.toISOString() ?? '-',
        ].join('\t') + '\n',
      );
    }
    return 0;
  } finally {
    await close();
  }
}

export function createTokenCommand(open: LedgerOpener = () => openLedgerForCli()): CliCommand {
  return async (args, io) => {
    const command = actionOrExit(args, io);
    if (typeof command === 'number') return command;
    try {
      return await run(command, io, open);
    } catch (error) {
      if (error instanceof TokenInputError) {
        io.stderr.write(`${error.message}\n`);
        return 2;
      }
      io.stderr.write(`token: ${error instanceof Error ? error.message : String(error)}\n`);
      return 1;
    }
  };
}

export const runTokenCommand: CliCommand = createTokenCommand();
