import {
  CliUsageError,
  helpText,
  parseCommandLine,
  type CommandSpec,
  type OptionSpecs,
} from '../../src/cli/commandLine';

const SPEC = {
  name: 'demo',
  synopsis: '<file> --name NAME [--tag T ...] [--verbose]',
  description: 'A command for the parser tests.',
  options: {
    name: { type: 'string', valueName: 'NAME', description: 'a name' },
    tag: { type: 'string', multiple: true, valueName: 'T', description: 'a tag' },
    verbose: { type: 'boolean', description: 'say more' },
  },
  positionals: { name: '<file>', min: 1, max: 1 },
} as const satisfies CommandSpec<OptionSpecs>;

function parsed(args: string[]) {
  const result = parseCommandLine(SPEC, args);
  if (result.help) throw new Error('unexpected help');
  return result;
}

function usageError(args: string[]): string {
  try {
    parseCommandLine(SPEC, args);
  } catch (error) {
    if (error instanceof CliUsageError) return error.message;
    throw error;
  }
  throw new Error(`no usage error for ${JSON.stringify(args)}`);
}

describe('parseCommandLine (unit)', () => {
  it('given values spaced, inline and repeated, when parsed, then each option has its value', () => {
    const { values, positionals } = parsed([
      'a.md',
      '--name',
      '张三',
      '--tag=x',
      '--tag',
      'y',
      '--verbose',
    ]);
    expect(values).toEqual({ name: '张三', tag: ['x', 'y'], verbose: true });
    expect(positionals).toEqual(['a.md']);
  });

  it('given options left out, when parsed, then strings are undefined, lists empty, flags false', () => {
    expect(parsed(['a.md']).values).toEqual({ name: undefined, tag: [], verbose: false });
  });

  it('given a positional after --, when parsed, then it is taken as is', () => {
    expect(parsed(['--', '--name']).positionals).toEqual(['--name']);
  });

  it.each([
    [['--help'], true],
    [['-h'], true],
    [['a.md', '--bogus', '--help'], true],
    [['a.md'], false],
  ])('given %j, when parsed, then help is %s', (args, help) => {
    expect(parseCommandLine(SPEC, args).help).toBe(help);
  });

  it.each([
    [['a.md', '--colour', 'red'], 'unknown option --colour (demo takes --name, --tag, --verbose)'],
    [['a.md', '-x'], 'unknown option -x'],
    [['a.md', '--name'], '--name needs a value'],
    [['a.md', '--name', '--verbose'], '--name needs a value'],
    [['a.md', '--name', 'a', '--name', 'b'], '--name is given more than once'],
    [['a.md', '--verbose=no'], '--verbose takes no value'],
    [[], 'missing <file>'],
    [['a.md', 'b.md'], 'unexpected argument "b.md"'],
  ])('given %j, when parsed, then the usage error says "%s"', (args, message) => {
    expect(usageError(args)).toContain(message);
  });
});

describe('helpText (unit)', () => {
  it('given a spec, when its help is written, then it has the usage line and every option with its meaning', () => {
    const text = helpText(SPEC);
    expect(text.split('\n')[0]).toBe(
      'usage: npm run -s cli -- demo <file> --name NAME [--tag T ...] [--verbose]',
    );
    expect(text).toContain('A command for the parser tests.');
    expect(text).toMatch(/--name NAME\s+a name\n/);
    expect(text).toMatch(/--tag T\s+a tag \(may be repeated\)\n/);
    expect(text).toMatch(/--verbose\s+say more\n/);
    expect(text).toMatch(/-h, --help\s+show this help\n/);
  });
});
