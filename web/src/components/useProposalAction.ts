// The busy / error state of one proposal form (comment, rebase, review): while an action runs the
// form knows which one, and a refusal is shown in the words of proposalErrorText.
import { useState } from 'preact/hooks';
import { proposalErrorText } from './proposalErrorText';

export interface ProposalAction<Busy> {
  /** The action under way, or null when the form is idle. */
  readonly busy: Busy | null;
  readonly error: string | null;
  /** Runs `work` as `busy`; on a refusal shows it as `actionName`'s failure and calls `onRefused`. */
  run(
    busy: Busy,
    actionName: string,
    work: () => Promise<void>,
    onRefused?: () => void,
  ): Promise<void>;
}

export function useProposalAction<Busy = true>(): ProposalAction<Busy> {
  const [busy, setBusy] = useState<Busy | null>(null);
  const [error, setError] = useState<string | null>(null);

  const run = async (
    next: Busy,
    actionName: string,
    work: () => Promise<void>,
    onRefused?: () => void,
  ) => {
    setBusy(next);
    setError(null);
    try {
      await work();
    } catch (failure) {
      setError(proposalErrorText(actionName, failure));
      onRefused?.();
    } finally {
      setBusy(null);
    }
  };

  return { busy, error, run };
}
