// A corpus query the API refuses: an unknown key, indicator or region code, a grouping too
// large, a page over the cap. It is a ReportInputError, so the API answers BAD_USER_INPUT with
// `field`; `reason` says which refusal it is (UNKNOWN_KEY, UNKNOWN_REGION, TOO_MANY_GROUPS …).
import { ReportInputError } from '../../events/report/errors';

export type CorpusInputReason =
  | 'UNKNOWN_KEY'
  | 'UNKNOWN_REGION'
  | 'UNKNOWN_AGENCY'
  | 'TOO_MANY_KEYS'
  | 'TOO_MANY_DIMENSIONS'
  | 'TOO_MANY_GROUPS'
  | 'BAD_YEAR'
  | 'BAD_CURSOR';

export class CorpusInputError extends ReportInputError {
  override name = 'CorpusInputError';
  constructor(
    readonly reason: CorpusInputReason,
    message: string,
    field: string,
  ) {
    super(message, field);
  }
}
