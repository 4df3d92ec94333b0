// What a subscription resolver asks for: an async iterable of one report's changes, or of
// audit entries matching a filter, fed by the process's ChangeFeed.
import type { AuditEntryDocument } from '../../models/changeEntryModel';
import type { AuditEntryPredicate } from './auditFilter';
import type { AnyChangeListener, ChangeFeed, ReportChangeNotice } from './changeFeed';
import { createPushQueue, type PushQueue } from './pushQueue';

export interface LiveFeedOptions {
  /** Most items waiting for one slow subscriber before its subscription ends. Default 10 000. */
  capacity?: number;
  /** Told when a subscription starts (+1) and ends (-1): the active-subscriptions gauge. */
  onActiveChange?(delta: 1 | -1): void;
}

export class LiveFeed {
  constructor(
    private readonly feed: ChangeFeed,
    private readonly options: LiveFeedOptions = {},
  ) {}

  /** Every change of one report (by its internal id) from now on. */
  reportChanges(reportId: string): Promise<AsyncIterableIterator<ReportChangeNotice>> {
    return this.open<ReportChangeNotice>((queue) => (notices) => {
      for (const notice of notices) if (notice.reportId === reportId) queue.push(notice);
    });
  }

  /** Every audit entry appended from now on that `matches`, oldest first. */
  auditEntries(matches: AuditEntryPredicate): Promise<AsyncIterableIterator<AuditEntryDocument>> {
    return this.open<AuditEntryDocument>((queue) => (notices) => {
      for (const notice of notices)
        for (const entry of notice.entries) if (matches(entry)) queue.push(entry);
    });
  }

  private async open<T>(
    listenerFor: (queue: PushQueue<T>) => AnyChangeListener,
  ): Promise<AsyncIterableIterator<T>> {
    let unlisten: (() => void) | null = null;
    let closed = false;
    const queue = createPushQueue<T>({
      capacity: this.options.capacity ?? 10_000,
      onClose: () => {
        closed = true;
        if (!unlisten) return;
        unlisten();
        this.options.onActiveChange?.(-1);
      },
    });
    const remove = await this.feed.listenAll(listenerFor(queue));
    if (closed) {
      remove();
    } else {
      unlisten = remove;
      this.options.onActiveChange?.(1);
    }
    return queue;
  }
}
