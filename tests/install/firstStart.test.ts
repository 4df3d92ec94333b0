// What a newcomer meets on `npm start`: the viewer at `/` without a separate build step, the
// database server named in the log and on /readyz, and a failed start that leaves nothing behind.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { openTestDatabase, type TestDatabase } from '../support/testDatabase';
import { startServerProcess, type ServerProcess } from '../subscriptions/support/serverProcess';

const ROOT = path.resolve(__dirname, '../..');

describe('first start (integration, server process)', () => {
  let database: TestDatabase;
  let webDist: string;
  let server: ServerProcess | undefined;
  beforeAll(async () => {
    database = await openTestDatabase('first_start');
  });
  afterAll(async () => {
    await database.drop();
  });
  beforeEach(() => {
    webDist = mkdtempSync(path.join(os.tmpdir(), 'nianbao-web-dist-'));
  });
  afterEach(async () => {
    server?.kill();
    if (server) await server.exited;
    server = undefined;
    rmSync(webDist, { recursive: true, force: true });
  });

  it('given no built viewer, when the server starts, then it builds it and serves it at / and says where', async () => {
    server = await startServerProcess(
      {
        MONGODB_URI: database.uri,
        NIANBAO_DB_NAME: database.name,
        NIANBAO_SAMPLE_DATA: 'false',
        NIANBAO_WEB_DIST: webDist,
        LOG_LEVEL: 'info',
      },
      120_000,
    );
    const page = await fetch(`${server.origin}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(await page.text()).toMatch(/<script[^>]+src="\.\/assets\/index-[^"]+\.js"/);
    expect(existsSync(path.join(webDist, 'index.html'))).toBe(true);
    expect(server.output()).toContain(`Viewer: ${server.origin}/`);
    expect(server.output()).toMatch(/building the web viewer \(first start\)/);
  });

  it('given a running server, when /readyz is asked, then it names the database server and its version', async () => {
    server = await startServerProcess({
      MONGODB_URI: database.uri,
      NIANBAO_DB_NAME: database.name,
      NIANBAO_SAMPLE_DATA: 'false',
      NIANBAO_WEB_DIST: webDist,
      LOG_LEVEL: 'info',
    });
    const readiness = (await (await fetch(`${server.origin}/readyz`)).json()) as {
      database: { server?: { kind: string; version: string } };
    };
    expect(readiness.database.server).toEqual({
      kind: expect.stringMatching(/^(mongodb|ferretdb)$/),
      version: expect.stringMatching(/^v?\d+\.\d+/),
    });
    expect(server.output()).toMatch(/"msg":"database: (MongoDB|FerretDB) v?\d+\.\d+/);
  });
});

describe('a failed start (integration, server process with its embedded database)', () => {
  it('given the port is taken, when npm start runs on an embedded database, then it exits non-zero and stops the server it started', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'nianbao-failed-start-'));
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', () => resolve()));
    const port = (blocker.address() as net.AddressInfo).port;
    try {
      const env: NodeJS.ProcessEnv = {
        ...process.env,
        HOST: '127.0.0.1',
        PORT: String(port),
        NIANBAO_DATA_DIR: dataDir,
        NIANBAO_EMBEDDED_DB: 'ferretdb',
        NIANBAO_SAMPLE_DATA: 'false',
        LOG_LEVEL: 'info',
      };
      delete env.MONGODB_URI;
      const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
        cwd: ROOT,
        env,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
      const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
      expect(code).toBe(1);
      expect(output).toMatch(/EADDRINUSE/);
      expect(existsSync(path.join(dataDir, 'nianbao-database.json'))).toBe(false);
      // The FerretDB it started is gone: no process serves its data directory any more.
      const ferretdbs = await new Promise<string>((resolve) => {
        const ps = spawn('pgrep', ['-f', `--state-dir=${path.join(dataDir, 'ferretdb')}`]);
        let list = '';
        ps.stdout.on('data', (chunk: Buffer) => (list += chunk.toString()));
        ps.once('exit', () => resolve(list.trim()));
      });
      expect(ferretdbs).toBe('');
    } finally {
      blocker.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
