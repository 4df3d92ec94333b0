// Sample data is marked as such when a first start loads it, and `cli sample remove` removes it
// with an event: the agency leaves the lists, its history stays in the log.
import { agencyStreamId } from '../../events/report/ids';
import { openLedger, type Ledger } from '../../src/application/createLedger';
import { localAdminPrincipal } from '../../src/auth/principal';
import { createSampleCommand } from '../../src/cli/sampleCommand';
import { rebuildProjections } from '../../src/projections/rebuildProjections';
import { loadSampleData } from '../../src/sampleData/loadSampleData';
import { removeSampleData } from '../../src/sampleData/removeSampleData';
import { SAMPLE_AGENCY_ID } from '../../src/sampleData/sampleAgency';
import { openTestDatabase, type TestDatabase } from '../support/testDatabase';
import { bufferedIo } from '../cli/cliTestIo';

let database: TestDatabase;
let ledger: Ledger;

beforeAll(async () => {
  database = await openTestDatabase('sample_removal');
  ledger = await openLedger({ uri: database.uri, databaseName: database.name });
  await loadSampleData(ledger);
});

afterAll(async () => {
  await ledger?.close();
  await database?.drop();
});

async function agencyFlags() {
  return ledger.models.agencies.findById(SAMPLE_AGENCY_ID).lean().exec();
}

describe('sample data marking and removal (integration)', () => {
  it('given a first start loaded the sample reports, when the agency stream is read, then it holds AgencyMarkedSample and the read model says sample', async () => {
    const events = await ledger.store.readStream(agencyStreamId(SAMPLE_AGENCY_ID));
    expect(events.map((event) => event.type)).toEqual(['AgencyRegistered', 'AgencyMarkedSample']);
    expect(await agencyFlags()).toMatchObject({ sample: true });
  });

  it('given marked sample data, when `sample remove` runs, then one AgencyRemoved event names the actor and reason, and a second run writes nothing', async () => {
    const io = bufferedIo();
    const code = await createSampleCommand(async () => ({ ledger, close: async () => undefined }))(
      ['remove', '--reason', '演示结束'],
      io,
    );
    expect(code).toBe(0);
    expect(io.out()).toContain('removed 示例县数据管理局 (2 reports)');
    const events = await ledger.store.readStream(agencyStreamId(SAMPLE_AGENCY_ID));
    const removal = events[events.length - 1];
    expect(removal).toMatchObject({
      type: 'AgencyRemoved',
      metadata: { reason: '演示结束', actor: { name: 'sample remove (cli)' } },
    });
    expect(await agencyFlags()).toMatchObject({ sample: true, removed: true });
    const head = await ledger.store.headPosition();
    const again = await removeSampleData(ledger, localAdminPrincipal());
    expect(again).toEqual({ removed: [], alreadyRemoved: 1 });
    expect(await ledger.store.headPosition()).toBe(head);
  });

  it('given removed sample data, when the read models are rebuilt from the log, then the flags come back as they were', async () => {
    await rebuildProjections(ledger.projection);
    expect(await agencyFlags()).toMatchObject({ sample: true, removed: true });
  });

  it('given `sample --help`, when run, then it lists the remove action and exits 0', async () => {
    const io = bufferedIo();
    expect(await createSampleCommand()(['remove', '--help'], io)).toBe(0);
    expect(io.out()).toContain('--reason TEXT');
  });
});
