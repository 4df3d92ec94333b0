// Small builders shared by the event store tests.
import type { NewEvent } from '../../events/store';

export const actor = { id: 'user-1', name: '张三' };

export function newEvent(type: string, data: unknown, overrides: Partial<NewEvent> = {}): NewEvent {
  return { type, data, metadata: { actor, reason: 'test' }, ...overrides };
}

/** A promise with its resolve function, to hold a writer at a precise point. */
export function gate(): { promise: Promise<void>; open: () => void } {
  let open = () => undefined as void;
  const promise = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { promise, open };
}
