// A stored event of a report stream, typed by its `type`: `switch (event.type)` narrows `data`
// to that event's payload (eventCatalog.ts), so readers of the log need no casts.
import type { RecordedEvent } from '../store/types';
import {
  REPORT_EVENT_TYPES,
  type ReportEventDataByType,
  type ReportEventType,
} from './eventCatalog';

export type RecordedReportEvent = {
  [T in ReportEventType]: RecordedEvent<T, ReportEventDataByType[T]>;
}[ReportEventType];

const REPORT_TYPES: ReadonlySet<string> = new Set(REPORT_EVENT_TYPES);

/**
 * The event as a report event, or null for a type this code does not know (a newer writer's):
 * the one place where a stored payload is taken to be of its type's shape.
 */
export function asReportEvent(event: RecordedEvent): RecordedReportEvent | null {
  return REPORT_TYPES.has(event.type) ? (event as RecordedReportEvent) : null;
}
