// Hand-built log events for the corpus index unit tests: the same shapes the ledger stores,
// without a database. Values are drawn from a seeded generator; tests compute expectations
// from the `truth` they keep alongside, never from the index itself.
import { agencyIdFor, agencyStreamId, reportIdFor, reportStreamId } from '../../events/report/ids';
import type { RecordedEvent } from '../../events/store/types';
import { FIGURES } from '../../src/domain/format/figureCatalog';
import type { DecimalString } from '../../src/domain/importer/types';

export class SyntheticLog {
  readonly events: RecordedEvent[] = [];
  private position = 0;
  private readonly revisions = new Map<string, number>();
  private clock = Date.UTC(2025, 0, 1);
  private seed = 42;

  random(): number {
    // mulberry32
    this.seed = (this.seed + 0x6d2b79f5) | 0;
    let t = this.seed;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Advances the clock by a minute and returns the new time. */
  tick(): Date {
    this.clock += 60_000;
    return new Date(this.clock);
  }

  private push(streamId: string, type: string, data: unknown, actorName = '测试员'): RecordedEvent {
    const revision = (this.revisions.get(streamId) ?? -1) + 1;
    this.revisions.set(streamId, revision);
    const event: RecordedEvent = {
      eventId: `event-${this.position + 1}`,
      streamId,
      revision,
      position: ++this.position,
      type,
      schemaVersion: 1,
      data,
      metadata: { actor: { id: `actor-${actorName}`, name: actorName }, reason: 'test' },
      recordedAt: this.tick(),
      hash: 'x',
      previousHash: null,
    };
    this.events.push(event);
    return event;
  }

  registerAgency(name: string): string {
    const agencyId = agencyIdFor(name);
    this.push(agencyStreamId(agencyId), 'AgencyRegistered', { agencyId, name });
    return agencyId;
  }

  /** Imports a report with the given values (keys absent are blank). */
  importReport(agency: string, year: number, values: Record<string, DecimalString | null>): string {
    const reportId = reportIdFor(agency, year);
    this.push(reportStreamId(reportId), 'ReportImported', {
      reportId,
      agencyId: agencyIdFor(agency),
      agency,
      year,
      template: '2021',
      importerVersion: 'test',
      sourceHash: 'x',
      sourceUrl: null,
      format: 'test',
      shape: 'test',
      detected: { agency, year },
      figures: FIGURES.map((figure) => ({
        key: figure.key,
        value: values[figure.key] ?? null,
        raw: values[figure.key] ?? null,
        marker: null,
        uncertain: false,
        source: null,
      })),
      narrative: [],
      narrativeFigures: [],
      warnings: [],
    });
    return reportId;
  }

  editFigures(
    agency: string,
    year: number,
    changes: Array<{
      key: string;
      from: DecimalString | null;
      to: DecimalString | null;
      marker?: '/' | null;
    }>,
  ): RecordedEvent {
    return this.push(reportStreamId(reportIdFor(agency, year)), 'FiguresEdited', {
      cause: 'edit',
      changes: changes.map((change) => ({
        key: change.key,
        from: change.from,
        to: change.to,
        raw: change.to,
        marker: change.marker ?? null,
        fromRaw: change.from,
        fromMarker: null,
      })),
    });
  }

  publish(agency: string, year: number): RecordedEvent {
    return this.push(reportStreamId(reportIdFor(agency, year)), 'ReportPublished', {});
  }

  setRegion(agency: string, regionCode: string | null): RecordedEvent {
    const agencyId = agencyIdFor(agency);
    return this.push(
      agencyStreamId(agencyId),
      'AgencyRegionSet',
      {
        agencyId,
        regionCode,
        level: null,
        kind: null,
      },
      '管理员',
    );
  }
}
