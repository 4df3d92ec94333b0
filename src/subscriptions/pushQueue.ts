// The bridge between the change feed (which pushes) and one GraphQL subscription (which pulls
// with for-await). Bounded: a client that stops reading must not grow the server's memory
// without end. Past `capacity` waiting items the subscription ends with an error telling the
// client to resubscribe (and catch up from Query.auditLog), instead of silently dropping items.
export class SubscriptionOverflowError extends Error {
  override name = 'SubscriptionOverflowError';
}

export interface PushQueue<T> extends AsyncIterableIterator<T> {
  /** Adds an item; ignored once the queue is closed. */
  push(item: T): void;
  /** Ends the iteration with an error after the items already queued. */
  fail(error: Error): void;
}

export interface PushQueueOptions {
  capacity: number;
  /** Called once when the consumer stops (return()) or the queue ends with an error. */
  onClose(): void;
}

export function createPushQueue<T>(options: PushQueueOptions): PushQueue<T> {
  const items: T[] = [];
  let failure: Error | null = null;
  let closed = false;
  let waiting: ((result: IteratorResult<T>) => void) | null = null;
  let failWaiting: ((error: Error) => void) | null = null;

  const close = () => {
    if (closed) return;
    closed = true;
    options.onClose();
  };

  const queue: PushQueue<T> = {
    push(item) {
      if (closed || failure) return;
      if (waiting) {
        const resolve = waiting;
        waiting = null;
        failWaiting = null;
        resolve({ value: item, done: false });
        return;
      }
      if (items.length >= options.capacity) {
        queue.fail(
          new SubscriptionOverflowError(
            `more than ${options.capacity} changes waited for this subscriber; subscribe again and catch up with Query.auditLog`,
          ),
        );
        return;
      }
      items.push(item);
    },
    fail(error) {
      if (closed || failure) return;
      failure = error;
      if (failWaiting) {
        const reject = failWaiting;
        waiting = null;
        failWaiting = null;
        close();
        reject(error);
      }
    },
    next() {
      if (items.length > 0) return Promise.resolve({ value: items.shift() as T, done: false });
      if (failure) {
        close();
        return Promise.reject(failure);
      }
      if (closed) return Promise.resolve({ value: undefined, done: true });
      return new Promise<IteratorResult<T>>((resolve, reject) => {
        waiting = resolve;
        failWaiting = reject;
      });
    },
    return() {
      items.length = 0;
      close();
      if (waiting) {
        const resolve = waiting;
        waiting = null;
        failWaiting = null;
        resolve({ value: undefined, done: true });
      }
      return Promise.resolve({ value: undefined, done: true });
    },
    throw(error?: unknown) {
      queue.return?.();
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    },
    [Symbol.asyncIterator]() {
      return queue;
    },
  };
  return queue;
}
