// A small parser for `--flag value` and repeated flags; anything else is positional.
export interface ParsedArguments {
  positional: string[];
  flags: Map<string, string[]>;
}

export class CliUsageError extends Error {
  override name = 'CliUsageError';
}

export function parseArguments(args: string[], known: readonly string[]): ParsedArguments {
  const positional: string[] = [];
  const flags = new Map<string, string[]>();
  for (let index = 0; index < args.length; index++) {
    const arg = args[index];
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split(/=(.*)/s, 2);
    if (!known.includes(name)) throw new CliUsageError(`unknown option --${name}`);
    const value = inline ?? args[++index];
    if (value === undefined) throw new CliUsageError(`--${name} needs a value`);
    flags.set(name, [...(flags.get(name) ?? []), value]);
  }
  return { positional, flags };
}

export function single(parsed: ParsedArguments, name: string): string | undefined {
  const values = parsed.flags.get(name);
  if (values && values.length > 1) throw new CliUsageError(`--${name} is given more than once`);
  return values?.[0];
}
