// The bounded queue between the change feed and one subscriber.
import { createPushQueue, SubscriptionOverflowError } from '../../src/subscriptions/pushQueue';

it('delivers pushed items in order, to a waiting and to a later reader', async () => {
  const queue = createPushQueue<number>({ capacity: 10, onClose: () => undefined });
  const waiting = queue.next();
  queue.push(1);
  queue.push(2);
  queue.push(3);
  expect(await waiting).toEqual({ value: 1, done: false });
  expect(await queue.next()).toEqual({ value: 2, done: false });
  expect(await queue.next()).toEqual({ value: 3, done: false });
});

it('a subscriber that falls more than `capacity` items behind gets an overflow error after what it had', async () => {
  const onClose = jest.fn();
  const queue = createPushQueue<number>({ capacity: 2, onClose });
  for (const item of [1, 2, 3, 4]) queue.push(item);
  expect(await queue.next()).toEqual({ value: 1, done: false });
  expect(await queue.next()).toEqual({ value: 2, done: false });
  await expect(queue.next()).rejects.toBeInstanceOf(SubscriptionOverflowError);
  expect(onClose).toHaveBeenCalledTimes(1);
});

it('return() ends a pending read, drops the rest and closes once', async () => {
  const onClose = jest.fn();
  const queue = createPushQueue<number>({ capacity: 5, onClose });
  const pending = queue.next();
  await queue.return?.();
  await queue.return?.();
  expect(await pending).toEqual({ value: undefined, done: true });
  queue.push(9);
  expect(await queue.next()).toEqual({ value: undefined, done: true });
  expect(onClose).toHaveBeenCalledTimes(1);
});
