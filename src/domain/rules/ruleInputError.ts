// A figure value that is not a decimal cannot be checked; saying which key is wrong beats a
// NaN deep inside a sum.

export class RuleInputError extends Error {
  override name = 'RuleInputError';
  constructor(
    message: string,
    readonly key: string,
  ) {
    super(message);
  }
}
