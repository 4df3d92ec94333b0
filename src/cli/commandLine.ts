// The one argument parser of every CLI command. node:util parseArgs splits the arguments
// (long and short options, `--name=value`, `--`); this module declares what each command
// takes, turns mistakes into messages that name the option, and writes the `--help` text
// from the same declaration, so help and parsing cannot drift apart.
import { parseArgs } from 'node:util';
import type { CliIo } from './cliIo';

export interface OptionSpec {
  type: 'string' | 'boolean';
  /** May be given more than once (values collected in order). */
  multiple?: boolean;
  /** Placeholder in the help text: `--year YYYY`. */
  valueName?: string;
  description: string;
}

export type OptionSpecs = Readonly<Record<string, OptionSpec>>;

export interface PositionalSpec {
  /** Shown in messages and help: `<file>`, `<files or folders...>`. */
  name: string;
  min: number;
  max: number;
}

export interface CommandSpec<O extends OptionSpecs> {
  /** As typed after `cli`: `export`, `token create`. */
  name: string;
  /** Arguments in the usage line, e.g. `--agency NAME --year YYYY [--out FILE]`. */
  synopsis: string;
  /** One or two sentences for the help text. */
  description: string;
  options: O;
  positionals: PositionalSpec;
}

type ValueOf<S extends OptionSpec> = S['type'] extends 'boolean'
  ? boolean
  : S['multiple'] extends true
    ? string[]
    : string | undefined;

export type OptionValues<O extends OptionSpecs> = { [K in keyof O]: ValueOf<O[K]> };

export type ParsedCommandLine<O extends OptionSpecs> =
  { help: true } | { help: false; values: OptionValues<O>; positionals: string[] };

/** A command-line mistake; the message names the option or argument. Exit code 2. */
export class CliUsageError extends Error {
  override name = 'CliUsageError';
}

export const CLI_INVOCATION = 'npm run -s cli --';

/** An option that must be one of `choices` (`--format`), or a usage error naming them. */
export function choiceOption<T extends string>(
  flag: string,
  value: string | undefined,
  choices: readonly T[],
): T {
  if (value === undefined || !(choices as readonly string[]).includes(value)) {
    throw new CliUsageError(
      `${flag} must be one of ${choices.join(', ')}` +
        (value === undefined ? '' : `, got "${value}"`),
    );
  }
  return value as T;
}

/** A path option (`--out`): absent, or not blank. */
export function pathOption(flag: string, value: string | undefined): string | undefined {
  if (value !== undefined && !value.trim()) throw new CliUsageError(`${flag} is empty`);
  return value;
}

const HELP_OPTION = 'help';

function optionList(options: OptionSpecs): string {
  return Object.keys(options)
    .map((name) => `--${name}`)
    .join(', ');
}

/** Parses `args` (what follows the command name) against `spec`; throws CliUsageError. */
export function parseCommandLine<O extends OptionSpecs>(
  spec: CommandSpec<O>,
  args: readonly string[],
): ParsedCommandLine<O> {
  const parserOptions: Record<string, { type: 'string' | 'boolean'; short?: string }> = {
    [HELP_OPTION]: { type: 'boolean', short: 'h' },
  };
  for (const [name, option] of Object.entries(spec.options)) {
    parserOptions[name] = { type: option.type };
  }
  // strict: false so that this module, not parseArgs, words every mistake (parseArgs' own
  // messages suggest `--` tricks and differ between Node versions); tokens say what was typed.
  const { tokens } = parseArgs({
    args: [...args],
    options: parserOptions,
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  if (tokens.some((token) => token.kind === 'option' && token.name === HELP_OPTION)) {
    return { help: true };
  }
  const values: Record<string, string | string[] | boolean | undefined> = {};
  for (const [name, option] of Object.entries(spec.options)) {
    values[name] = option.type === 'boolean' ? false : option.multiple ? [] : undefined;
  }
  const positionals: string[] = [];
  const given = new Set<string>();
  for (const token of tokens) {
    if (token.kind === 'positional') {
      positionals.push(token.value);
      continue;
    }
    if (token.kind !== 'option') continue;
    const option = Object.hasOwn(spec.options, token.name) ? spec.options[token.name] : undefined;
    if (!option) {
      throw new CliUsageError(
        `unknown option ${token.rawName} (${spec.name} takes ${optionList(spec.options) || 'no options'})`,
      );
    }
    const flag = `--${token.name}`;
    if (given.has(token.name) && !option.multiple) {
      throw new CliUsageError(`${flag} is given more than once`);
    }
    given.add(token.name);
    if (option.type === 'boolean') {
      if (token.inlineValue) throw new CliUsageError(`${flag} takes no value`);
      values[token.name] = true;
      continue;
    }
    // `--reason --token t` would otherwise take "--token" as the reason.
    if (token.value === undefined || (!token.inlineValue && token.value.startsWith('--'))) {
      throw new CliUsageError(`${flag} needs a value`);
    }
    const previous = values[token.name];
    values[token.name] = Array.isArray(previous) ? [...previous, token.value] : token.value;
  }
  const { name, min, max } = spec.positionals;
  if (positionals.length < min) {
    throw new CliUsageError(min === 1 && max === 1 ? `missing ${name}` : `give ${name}`);
  }
  if (positionals.length > max) {
    throw new CliUsageError(`unexpected argument "${positionals[max]}"`);
  }
  return { help: false, values: values as OptionValues<O>, positionals };
}

/** `usage: npm run -s cli -- export --agency NAME …` */
export function usageLine(spec: CommandSpec<OptionSpecs>): string {
  return `usage: ${CLI_INVOCATION} ${spec.name}${spec.synopsis ? ` ${spec.synopsis}` : ''}`;
}

/** The text `--help` prints: usage, description, and every option with its meaning. */
export function helpText(spec: CommandSpec<OptionSpecs>): string {
  const rows: Array<[string, string]> = Object.entries(spec.options).map(([name, option]) => [
    `--${name}${option.type === 'string' ? ` ${option.valueName ?? 'VALUE'}` : ''}`,
    `${option.description}${option.multiple ? ' (may be repeated)' : ''}`,
  ]);
  rows.push(['-h, --help', 'show this help']);
  const width = Math.max(...rows.map(([left]) => left.length));
  return [
    usageLine(spec),
    '',
    spec.description,
    '',
    'options:',
    ...rows.map(([left, right]) => `  ${left.padEnd(width)}  ${right}`),
    '',
  ].join('\n');
}

/** `--help`: the help text on stdout, exit code 0. */
export function writeHelp(io: CliIo, spec: CommandSpec<OptionSpecs>): number {
  io.stdout.write(helpText(spec));
  return 0;
}

/** A usage mistake: the message, the usage line and where the full help is; exit code 2. */
export function writeUsageError(
  io: CliIo,
  spec: CommandSpec<OptionSpecs>,
  error: CliUsageError,
): number {
  io.stderr.write(
    `${spec.name}: ${error.message}\n${usageLine(spec)}\n` +
      `("${CLI_INVOCATION} ${spec.name} --help" lists every option)\n`,
  );
  return 2;
}

/**
 * A command whose first argument picks an action (`token create|list|revoke`): the action's
 * spec, or the exit code when the command ends here (help for the group 0, no or an unknown
 * action 2). `--help` after an action is that action's help (see parseCommandLine).
 */
export function selectAction<A extends Readonly<Record<string, CommandSpec<OptionSpecs>>>>(
  io: CliIo,
  group: { name: string; description: string; actions: A },
  args: readonly string[],
): { action: keyof A & string; spec: A[keyof A]; rest: string[] } | number {
  const [action, ...rest] = args;
  if (action !== undefined && Object.hasOwn(group.actions, action)) {
    return { action, spec: group.actions[action] as A[keyof A], rest };
  }
  const usage = [
    'usage:',
    ...Object.values(group.actions).map((spec) => `  ${usageLine(spec).slice('usage: '.length)}`),
    '',
    group.description,
    '',
  ].join('\n');
  if (action === '--help' || action === '-h' || action === 'help') {
    io.stdout.write(usage);
    return 0;
  }
  const names = Object.keys(group.actions).join(', ');
  io.stderr.write(
    `${group.name}: ${action === undefined ? `say which: ${names}` : `unknown action "${action}" (${names})`}\n${usage}`,
  );
  return 2;
}
