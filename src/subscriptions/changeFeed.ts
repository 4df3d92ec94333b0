// This process's view of new changes, for GraphQL subscriptions. It follows the shared event
// log by position (createLogFollower), so an edit made through ANY server process sharing the
// database reaches this process's subscribers; there is no in-process pub/sub that would miss
// them. The follower starts at the log head when the first listener arrives (subscribers get
// changes made after they subscribed) and stops when the last one leaves, so an idle server
// does not poll the database.
import { AGENCY_STREAM_PREFIX, reportIdOfStream } from '../../events/report/ids';
import {
  createLogFollower,
  type FollowableLog,
  type LogSubscription,
} from '../../events/store/logFollower';
import type { RecordedEvent } from '../../events/store/types';
import type { ChangeEntryDocument } from '../../models/changeEntryModel';
import type { AgencyChangeEntryDocument } from '../../models/changeEntryModel';
import { agencyStreamEntries } from '../projections/agencyChangeEntries';
import { changeEntriesOf } from '../projections/changeEntries';
import { ReportIdentities, type StreamReader } from './reportIdentities';

/** The changes one report went through in one poll of the log, in log order. */
export interface ReportChangeNotice {
  reportId: string;
  /** The report's revision after these changes. */
  revision: number;
  /** Global log position of the last of these events. */
  position: number;
  /** The audit entries of these events (one per figure or section changed, one per other event). */
  entries: ChangeEntryDocument[];
}

/** An agency event's audit entry (a region set, …): for the audit feed, no report's change. */
export interface AgencyChangeNotice {
  reportId: null;
  agencyId: string;
  position: number;
  entries: AgencyChangeEntryDocument[];
}

export type ChangeNotice = ReportChangeNotice | AgencyChangeNotice;

/** Told about report changes only. */
export type ChangeListener = (notices: readonly ReportChangeNotice[]) => void;
/** Told about agency events' entries too (the audit feed). */
export type AnyChangeListener = (notices: readonly ChangeNotice[]) => void;

function isReportNotice(notice: ChangeNotice): notice is ReportChangeNotice {
  return notice.reportId !== null;
}

export interface ChangeFeedLog extends FollowableLog, StreamReader {
  headPosition(): Promise<number>;
}

export interface ChangeFeedOptions {
  /** Pause between polls of the log while someone listens. Default 200 ms. */
  pollIntervalMs?: number;
  /** Wait before following again after a failed read (database restarting). Default 1000 ms. */
  retryDelayMs?: number;
  /** Told about read failures (the feed retries from its checkpoint). */
  onError?(error: unknown): void;
  /**
   * Runs before notices are delivered, e.g. to bring the reports' read models up to the
   * notified revisions: the feed reads the log, which can be ahead of the read models (the
   * writer projects after its commit), and a subscriber that queries on a notice must see
   * the revision it was told about.
   */
  beforeDeliver?(notices: readonly ReportChangeNotice[]): Promise<void>;
}

interface Running {
  subscription: LogSubscription;
  checkpoint(): number;
}

export class ChangeFeed {
  private readonly listeners = new Set<AnyChangeListener>();
  private readonly identities: ReportIdentities;
  private running: Running | null = null;
  /** Start and stop run one after the other, never interleaved. */
  private transition: Promise<void> = Promise.resolve();
  private retryTimer: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(
    private readonly log: ChangeFeedLog,
    private readonly options: ChangeFeedOptions = {},
  ) {
    this.identities = new ReportIdentities(log);
  }

  get listenerCount(): number {
    return this.listeners.size;
  }

  /** Position up to which changes were delivered; null while the feed is idle. */
  get checkpoint(): number | null {
    return this.running?.checkpoint() ?? null;
  }

  /**
   * Registers a listener; resolves once the feed follows the log, so every change appended
   * after that is delivered. Returns the function that removes the listener.
   */
  listen(listener: ChangeListener): Promise<() => void> {
    return this.listenAll((notices) => {
      const reportNotices = notices.filter(isReportNotice);
      if (reportNotices.length > 0) listener(reportNotices);
    });
  }

  /** As listen, with agency events' notices too. */
  async listenAll(listener: AnyChangeListener): Promise<() => void> {
    if (this.stopped) throw new Error('the change feed is stopped (the server is shutting down)');
    this.listeners.add(listener);
    try {
      await this.serialised(() => this.ensureRunning());
    } catch (error) {
      this.listeners.delete(listener);
      throw error;
    }
    let removed = false;
    return () => {
      if (removed) return;
      removed = true;
      this.listeners.delete(listener);
      if (this.listeners.size === 0) void this.serialised(() => this.stopIfIdle());
    };
  }

  /** Stops following for good (shutdown). */
  async stop(): Promise<void> {
    this.stopped = true;
    this.listeners.clear();
    await this.serialised(() => this.halt());
  }

  private serialised(step: () => Promise<void>): Promise<void> {
    const next = this.transition.then(step);
    this.transition = next.catch(() => undefined);
    return next;
  }

  private async ensureRunning(): Promise<void> {
    if (this.running || this.stopped || this.listeners.size === 0) return;
    this.follow(await this.log.headPosition());
  }

  private async stopIfIdle(): Promise<void> {
    if (this.listeners.size === 0) await this.halt();
  }

  private async halt(): Promise<void> {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    const running = this.running;
    this.running = null;
    await running?.subscription.stop();
  }

  private follow(fromPosition: number): void {
    const follower = createLogFollower(this.log, {
      fromPosition,
      pollIntervalMs: this.options.pollIntervalMs ?? 200,
    });
    const subscription = follower.subscribe(async (events) => {
      if (events.length === 0) return;
      const notices = await this.noticesOf(events);
      const reportNotices = notices.filter(isReportNotice);
      if (reportNotices.length > 0) await this.options.beforeDeliver?.(reportNotices);
      this.deliver(notices);
    });
    const running: Running = { subscription, checkpoint: () => follower.checkpoint };
    this.running = running;
    subscription.done.catch((error: unknown) => {
      // A failed read (the database restarting): follow again from where it stopped, so no
      // change is skipped or delivered twice.
      this.options.onError?.(error);
      if (this.running !== running || this.stopped) return;
      this.retryTimer = setTimeout(() => {
        this.retryTimer = null;
        if (this.running === running && !this.stopped) this.follow(follower.checkpoint);
      }, this.options.retryDelayMs ?? 1000);
      this.retryTimer.unref();
    });
  }

  private deliver(notices: ChangeNotice[]): void {
    if (notices.length === 0) return;
    for (const listener of [...this.listeners]) {
      try {
        listener(notices);
      } catch (error) {
        // One listener's failure is its own; the others still get the changes.
        this.options.onError?.(error);
      }
    }
  }

  /**
   * Groups a batch by report, in the order reports first appear in it; an agency event is a
   * notice of its own, in log order with them.
   */
  private async noticesOf(events: readonly RecordedEvent[]): Promise<ChangeNotice[]> {
    const byReport = new Map<string, ReportChangeNotice>();
    const notices: ChangeNotice[] = [];
    for (const event of events) {
      const reportId = reportIdOfStream(event.streamId);
      if (reportId === null) {
        const notice = await this.agencyNoticeOf(event);
        if (notice) notices.push(notice);
        continue;
      }
      const state = await this.identities.stateAtImport(reportId, event);
      let notice = byReport.get(reportId);
      if (!notice) {
        notice = { reportId, revision: event.revision, position: event.position, entries: [] };
        byReport.set(reportId, notice);
        notices.push(notice);
      }
      notice.revision = Math.max(notice.revision, event.revision);
      notice.position = Math.max(notice.position, event.position);
      if (state) notice.entries.push(...changeEntriesOf(event, state));
    }
    return notices;
  }

  /** What an agency event changed from is in its (short) stream before it. */
  private async agencyNoticeOf(event: RecordedEvent): Promise<AgencyChangeNotice | null> {
    if (!event.streamId.startsWith(AGENCY_STREAM_PREFIX) || event.type === 'AgencyRegistered') {
      return null;
    }
    const stream = await this.log.readStream(event.streamId, { toRevision: event.revision });
    const through = stream.some((known) => known.eventId === event.eventId)
      ? stream
      : [...stream, event];
    const entries = agencyStreamEntries(through).filter((entry) => entry.eventId === event.eventId);
    if (entries.length === 0) return null;
    return { reportId: null, agencyId: entries[0].agencyId, position: event.position, entries };
  }
}
