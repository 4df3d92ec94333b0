// The event store's public API.
export * from './types';
export { canonicalJson } from './canonicalJson';
export { CorruptCommitError } from './commitDocument';
export {
  createEventStore,
  MongoEventStore,
  type CommitInFlight,
  type MongoEventStoreOptions,
} from './mongoEventStore';
export {
  createLogFollower,
  type FollowableLog,
  type LogFollower,
  type LogFollowerOptions,
  type LogHandler,
  type LogSubscription,
} from './logFollower';
export { defaultAppendLimits, type AppendLimits } from './validateAppend';
