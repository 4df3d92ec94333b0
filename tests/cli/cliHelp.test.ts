// Every command answers --help with its usage on stdout and exit code 0, without opening the
// database (nothing here has one: a command that tried would fail).
import { runCli } from '../../src/cli';
import { bufferedIo } from './cliTestIo';

describe('cli --help (unit)', () => {
  it.each([
    [['parse', '--help'], 'usage: npm run -s cli -- parse <file>'],
    [['import', '--help'], 'usage: npm run -s cli -- import <files or folders...>'],
    [['import', '-h'], 'usage: npm run -s cli -- import <files or folders...>'],
    [['export', '--help'], 'usage: npm run -s cli -- export --agency NAME'],
    [['help', 'export'], 'usage: npm run -s cli -- export --agency NAME'],
    [['token', '--help'], 'npm run -s cli -- token create --name NAME'],
    [['token', 'create', '--help'], 'usage: npm run -s cli -- token create --name NAME'],
    [['token', 'revoke', '--help'], 'usage: npm run -s cli -- token revoke <id>'],
    [['token', 'list', '--help'], 'usage: npm run -s cli -- token list'],
    [['projections', '--help'], 'npm run -s cli -- projections rebuild'],
    [['projections', 'rebuild', '--help'], 'usage: npm run -s cli -- projections rebuild'],
    [['projections', 'status', '-h'], 'usage: npm run -s cli -- projections status'],
    [['--help'], 'usage: npm run -s cli -- <command>'],
  ])('given %j, when run, then it prints "%s…" on stdout and exits 0', async (args, start) => {
    const io = bufferedIo();
    expect(await runCli(args, io)).toBe(0);
    expect(io.out()).toContain(start);
    expect(io.err()).toBe('');
  });

  it.each([
    [['import', 'x', '--reason', 'r', '--bogus'], /^import: unknown option --bogus/],
    [['export', '--year', '2024'], /^export: --agency is required/],
    [['parse'], /^parse: missing <file>/],
    [['token'], /^token: say which: create, revoke, list/],
    [['token', 'create', '--role', 'editor'], /^token create: --name is required/],
    [['token', 'create', '--name', 'x', '--role', 'owner'], /--role must be .*admin, got "owner"/],
    [['projections', 'rebuild', 'now'], /^projections rebuild: unexpected argument "now"/],
    [['frobnicate'], /^unknown command "frobnicate"/],
    [[], /^usage: /],
  ])(
    'given %j, when run, then the usage error goes to stderr with exit code 2',
    async (args, message) => {
      const io = bufferedIo();
      expect(await runCli(args, io)).toBe(2);
      expect(io.err()).toMatch(message);
      expect(io.out()).toBe('');
    },
  );
});
