// `npx tsx bench/writePath.ts`: the write-path and rebuild rows of the bench on their own (the
// full bench takes a quarter of an hour on a shared machine), with where their time goes: the
// driver's command monitoring gives the time of every command by name and collection, so each
// row prints its commands per operation and their median durations next to the throughput.
// The server runs in this process (as queriesPerRequest.ts does), so the commands are seen.
// BENCH_PROFILE as for the bench; BENCH_WRITE_PATH=writes|rebuild runs one of the two.
import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import type { CommandStartedEvent, CommandSucceededEvent } from 'mongodb';
import pino from 'pino';
import { openLedger, type Ledger } from '../src/application/createLedger';
import { createToken } from '../src/auth/tokens';
import { loadConfig } from '../src/config';
import { rebuildProjections } from '../src/projections/rebuildProjections';
import { createHttpServer } from '../src/server/createHttpServer';
import { reportIdFromInput } from '../resolvers/globalId';
import { benchProfile } from './benchProfile';
import { generateFigureValues } from './generator/figureValues';
import { createRandom } from './generator/prng';
import { tsvDocument } from './generator/tsvDocument';
import { IMPORT_REPORT, SET_FIGURES } from './queries';
import { loadSyntheticLedger } from './generator/loadSyntheticLedger';
import type { BenchContext } from './measurements/benchContext';
import { measureRebuild } from './measurements/rebuild';
import { measureWrites } from './measurements/writes';
import { startBenchDatabase } from './support/benchDatabase';
import { graphqlClient } from './support/graphqlClient';
import { markdownTable, machineInfo } from './support/resultTable';
import { runScript } from './support/runScript';
import { sendGeneratedEdit } from './support/sendGeneratedEdit';
import { median, round } from './support/stats';

const log = (line: string): void => {
  process.stderr.write(`${line}\n`);
};

const NOT_COUNTED = new Set(['endSessions', 'killCursors', 'saslStart', 'saslContinue', 'ping']);

/** Durations of every command between start() and stop(), by "command:collection". */
function commandTimer(ledger: Ledger) {
  const durations = new Map<string, number[]>();
  const started = new Map<number, string>();
  let on = false;
  const onStarted = (event: CommandStartedEvent): void => {
    if (!on || NOT_COUNTED.has(event.commandName)) return;
    const target: unknown = event.command[event.commandName];
    started.set(
      event.requestId,
      `${event.commandName}${typeof target === 'string' ? `:${target}` : ''}`,
    );
  };
  const onSucceeded = (event: CommandSucceededEvent): void => {
    const name = started.get(event.requestId);
    if (!name) return;
    started.delete(event.requestId);
    const list = durations.get(name) ?? [];
    list.push(event.duration);
    durations.set(name, list);
  };
  for (const client of [ledger.client, ledger.connection.getClient()]) {
    client.on('commandStarted', onStarted);
    client.on('commandSucceeded', onSucceeded);
  }
  return {
    start() {
      durations.clear();
      on = true;
    },
    /** "name ×per-op (median ms, total s)" lines, busiest first. */
    stop(operations: number): string[] {
      on = false;
      return [...durations]
        .map(([name, list]) => ({ name, list, total: list.reduce((a, b) => a + b, 0) }))
        .sort((a, b) => b.total - a.total)
        .map(
          ({ name, list, total }) =>
            `${name} ×${round(list.length / operations, 2)}/op, median ${round(median(list), 1)} ms, total ${round(total / 1000, 2)} s`,
        );
    },
  };
}

/** BENCH_CPU_PROFILE=<file>: a V8 CPU profile of the measured phase only (open in DevTools). */
async function cpuProfile<T>(label: string, run: () => Promise<T>): Promise<T> {
  const file = process.env.BENCH_CPU_PROFILE?.trim();
  if (!file) return run();
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  try {
    return await run();
  } finally {
    const { profile } = await session.post('Profiler.stop');
    writeFileSync(`${file}.${label}.cpuprofile`, JSON.stringify(profile));
    session.disconnect();
  }
}

async function main(): Promise<void> {
  const profile = benchProfile();
  const only = process.env.BENCH_WRITE_PATH?.trim() ?? '';
  const database = await startBenchDatabase('bench_wp', log);
  const { databaseName } = database;
  const ledger = await openLedger({ uri: database.uri, databaseName, monitorCommands: true });
  const timer = commandTimer(ledger);
  const config = loadConfig({
    PORT: '0',
    MONGODB_URI: database.uri,
    NIANBAO_DB_NAME: databaseName,
    LOG_LEVEL: 'silent',
  });
  const server = await createHttpServer(config, ledger, {
    serveWeb: false,
    logger: pino({ level: 'silent' }),
  });
  const rows = [];
  try {
    const small = await loadSyntheticLedger(ledger.store, {
      seed: profile.seed,
      agencies: 8,
      years: [2022, 2023],
      editsPerReport: 19,
      eventsPerCommit: 20,
    });
    await rebuildProjections(ledger.projection);
    const admin = await createToken(ledger.models.tokens, { name: 'bench', role: 'admin' });
    const { url } = await server.listen();
    const api = graphqlClient(url);
    if (only !== 'rebuild') {
      // measureWrites sizes its baseline on a single-edit commit of a report edited through the
      // API (as the bench's measured report is): import one and edit it once.
      const values = generateFigureValues(createRandom(profile.seed), 90);
      const imported = await api.request<{
        importReport: { revision: number; report: { id: string } };
      }>(
        IMPORT_REPORT,
        {
          input: {
            document: tsvDocument('写入基准机构', 2024, values),
            agency: '写入基准机构',
            year: 2024,
            reason: '基准测试导入',
          },
        },
        admin.token,
      );
      if (!imported.data) throw new Error(JSON.stringify(imported.errors));
      const edited = await api.request<{ setFigures: { revision: number } }>(
        SET_FIGURES,
        {
          input: {
            reportId: imported.data.importReport.report.id,
            expectedRevision: imported.data.importReport.revision,
            changes: [{ key: 't2.licensing.decisions', value: '4321' }],
            reason: '基准',
          },
        },
        admin.token,
      );
      if (!edited.data) throw new Error(JSON.stringify(edited.errors));
      const reportId = reportIdFromInput(imported.data.importReport.report.id);
      const context = {
        profile,
        uri: database.uri,
        databaseName,
        ledger,
        api,
        token: admin.token,
        report: { reportId },
      } as unknown as BenchContext;
      // One writer, so each command's time is its own (4 writers queue on SQLite's write lock).
      const target = { ...small.reports[4] };
      const random = createRandom(profile.seed + 11);
      const sequential = 20;
      timer.start();
      const started = performance.now();
      for (let index = 0; index < sequential; index++) {
        await sendGeneratedEdit(api, admin.token, random, target);
      }
      const perEdit = (performance.now() - started) / sequential;
      log(`one writer: ${round(perEdit, 1)} ms per edit`);
      for (const line of timer.stop(sequential)) log(`  ${line}`);
      timer.start();
      const [row] = await cpuProfile('writes', () => measureWrites(context, small.reports));
      const commands = timer.stop(3 * 2 * 4 * profile.writesPerWorker);
      rows.push({
        ...row,
        note: `${row.note ?? ''}; commands (3 rounds of setFigures + baseline inserts, per op of both): ${commands.join('; ')}`,
      });
      log(`writes: ${row.measured} vs ${row.baseline}`);
      for (const line of commands) log(`  ${line}`);
    }
    if (only !== 'writes') {
      await loadSyntheticLedger(ledger.store, {
        seed: profile.seed + 1,
        agencies: Math.ceil(Math.max(0, profile.largeEvents - small.events) / 401),
        years: [2022, 2023],
        editsPerReport: 199,
        eventsPerCommit: 200,
        firstAgency: 100_000,
      });
      timer.start();
      const [row] = await cpuProfile('rebuild', () => measureRebuild(ledger, log));
      const commands = timer.stop(1);
      rows.push({
        ...row,
        note: `${row.note ?? ''}; commands (all rounds): ${commands.join('; ')}`,
      });
      log(`rebuild: ${row.measured} vs ${row.baseline}`);
      for (const line of commands) log(`  ${line}`);
    }
    process.stdout.write(
      markdownTable({
        startedAt: new Date().toISOString(),
        profile: `${profile.name} (bench/writePath.ts)`,
        machine: machineInfo(),
        database: { kind: 'embedded', version: null, uri: database.uri },
        settings: {},
        rows,
        notes: [],
      }),
    );
  } finally {
    await server.stop();
    server.httpServer.closeAllConnections();
    await ledger.db.dropDatabase().catch(() => undefined);
    await ledger.close();
    await database.stop();
  }
}

runScript(main);
