// `npm run -s cli -- token create --name NAME --role editor|admin [--agency NAME ...] [--expires-in 30d]`
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
import { CliUsageError, parseArguments, single } from './cliArguments';
import { openLedgerForCli, type LedgerOpener } from './openLedger';

const USAGE = `usage:
  token create --name NAME --role editor|admin [--agency NAME ...] [--expires-in 30d]
  token revoke <id>
  token list`;

async function run(args: string[], io: CliIo, open: LedgerOpener): Promise<number> {
  const [action, ...rest] = args;
  if (action !== 'create' && action !== 'revoke' && action !== 'list')
    throw new CliUsageError(USAGE);
  const parsed = parseArguments(rest, ['name', 'role', 'agency', 'expires-in']);
  let expiresInMs: number | undefined;
  if (action === 'create') {
    const expiresIn = single(parsed, 'expires-in');
    if (expiresIn !== undefined) {
      const duration = parseDuration(expiresIn);
      if (duration === null)
        throw new CliUsageError('--expires-in looks like 30d, 12h, 45m or 3600s');
      expiresInMs = duration;
    }
    if (!single(parsed, 'name')) throw new CliUsageError('--name is required');
    if (!single(parsed, 'role')) throw new CliUsageError('--role editor|admin is required');
  }
  if (action === 'revoke' && parsed.positional.length !== 1)
    throw new CliUsageError('token revoke <id>');
  const { ledger, close } = await open();
  try {
    const tokens = ledger.models.tokens;
    if (action === 'create') {
      const role = single(parsed, 'role') as 'editor' | 'admin';
      const created = await createToken(tokens, {
        name: single(parsed, 'name') as string,
        role,
        agencies: parsed.flags.get('agency') ?? [],
        ...(expiresInMs !== undefined ? { expiresInMs } : {}),
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
    if (action === 'revoke') {
      const id = parsed.positional[0];
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
    try {
      return await run(args, io, open);
    } catch (error) {
      if (error instanceof CliUsageError || error instanceof TokenInputError) {
        io.stderr.write(`${error.message}\n`);
        return 2;
      }
      io.stderr.write(`token: ${error instanceof Error ? error.message : String(error)}\n`);
      return 1;
    }
  };
}

export const runTokenCommand: CliCommand = createTokenCommand();
