// Invariant 4: any read model can be dropped and rebuilt from the log, and equals what it was.
// Also: time travel through snapshots equals a fold of the log.
import { fold } from '../../events/report/evolve';
import { reportStreamId } from '../../events/report/ids';
import { localAdminPrincipal, type Principal } from '../../src/auth/principal';
import { FIGURE_KEYS } from '../../src/domain/format/figureCatalog';
import { rebuildProjections } from '../../src/projections/rebuildProjections';
import { reportStateAt } from '../../src/projections/timeTravel';
import { findReportDocument } from '../../src/projections/storedReport';
import type { StoredChangeDocument } from '../../models/changeEntryModel';
import { unpackChangeEntries } from '../../src/projections/packedChangeEntries';
import { dumpReadModels, openHarness, seededRandom, type Harness } from './projectionHarness';

const SEED = 20250131;
const STEPS = 45;

describe('projection rebuild', () => {
  let harness: Harness;
  const reportIds: string[] = [];

  beforeAll(async () => {
    harness = await openHarness('rebuild', 4);
    const { services } = harness.ledger;
    const random = seededRandom(SEED);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
    const actors: Principal[] = [localAdminPrincipal('管理员甲'), localAdminPrincipal('管理员乙')];
    for (const [agency, year] of [
      ['甲局', 2023],
      ['甲局', 2024],
      ['乙局', 2024],
    ] as const) {
      const outcome = await services.importReport(actors[0], {
        document: `${agency}|${year}`,
        reason: '导入',
      });
      reportIds.push(outcome.report.reportId);
    }
    const editEvents = new Map<string, string[]>();
    for (let step = 0; step < STEPS; step++) {
      const reportId = pick(reportIds);
      const actor = pick(actors);
      const current = await findReportDocument(harness.ledger.models, reportId);
      const revision = current!.revision;
      const roll = random();
      if (roll < 0.6) {
        const keys = [
          ...new Set(
            [pick(FIGURE_KEYS), pick(FIGURE_KEYS), 'n.1.1'].slice(0, 1 + Math.floor(random() * 3)),
          ),
        ];
        const changes = keys.map((key) => ({
          key,
          value: random() < 0.15 ? null : String(Math.floor(random() * 50)),
        }));
        const outcome = await services.setFigures(actor, {
          reportId,
          expectedRevision: revision,
          changes,
          reason: `步骤${step}`,
        });
        const ids = editEvents.get(reportId) ?? [];
        ids.push(...outcome.events.map((event) => event.eventId));
        editEvents.set(reportId, ids);
      } else if (roll < 0.72 && (editEvents.get(reportId)?.length ?? 0) > 0) {
        const eventId = pick(editEvents.get(reportId)!);
        await services.revertChange(actor, {
          reportId,
          eventId,
          expectedRevision: revision,
          reason: `撤销${step}`,
        });
      } else if (roll < 0.82) {
        await services.editNarrative(actor, {
          reportId,
          expectedRevision: revision,
          sections: [
            { sectionId: pick(['1', '2']), text: `第${step}步的文字`, heading: '二、其他' },
          ],
          reason: `正文${step}`,
        });
      } else if (roll < 0.92) {
        const report = current!;
        await services.importReport(actor, {
          document: `${report.agency}|${report.year}|${1 + Math.floor(random() * 5)}`,
          reason: `重新导入${step}`,
        });
      } else {
        const method = current!.status === 'published' ? 'withdrawReport' : 'publishReport';
        await services[method](actor, {
          reportId,
          expectedRevision: revision,
          reason: `状态${step}`,
        });
      }
    }
  }, 240_000);

  afterAll(async () => {
    await harness?.close();
  });

  it('every read model rebuilt from the log equals the incrementally built one', async () => {
    const incremental = await dumpReadModels(harness.ledger);
    expect(incremental.reports).toHaveLength(3);
    // Stored as documents of their own and as packs (an import's): counted as entries.
    const entries = (incremental.changes as StoredChangeDocument[]).flatMap(unpackChangeEntries);
    expect(entries.length).toBeGreaterThan(600);
    expect(incremental.snapshots.length).toBeGreaterThan(3);
    const result = await rebuildProjections(harness.ledger.projection);
    expect(result.reports).toBe(3);
    expect(result.agencies).toBe(2);
    const rebuilt = await dumpReadModels(harness.ledger);
    expect(rebuilt).toEqual(incremental);
  });

  it('a report as of any revision (through snapshots) equals a fold of its stream', async () => {
    const random = seededRandom(SEED + 1);
    for (const reportId of reportIds) {
      const events = await harness.ledger.store.readStream(reportStreamId(reportId));
      for (let i = 0; i < 4; i++) {
        const revision = Math.floor(random() * events.length);
        const viaSnapshots = await reportStateAt(harness.ledger.projection, reportId, {
          atRevision: revision,
        });
        expect(viaSnapshots).toEqual(fold(null, events.slice(0, revision + 1)));
        const at = events[revision].recordedAt;
        const byTime = await reportStateAt(harness.ledger.projection, reportId, { asOf: at });
        expect(byTime?.revision).toBe(
          events.filter((event) => event.recordedAt.getTime() <= at.getTime()).length - 1,
        );
      }
    }
  });
});
