import http from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  IMPORT_REPORT_MUTATION,
  ImportRequestError,
  createHttpReportImporter,
} from '../../src/cli/httpReportImporter';
import { createImportCommand } from '../../src/cli/importCommand';
import { existsSync, readFileSync } from 'node:fs';
import { buildSchema, parse, validate } from 'graphql';
import { importResultFromPayload } from '../../src/cli/httpReportImporter';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { bufferedIo } from './cliTestIo';

interface ReceivedRequest {
  authorization: string | undefined;
  body: { query: string; variables: { input: Record<string, unknown> } };
}

/**
 * A stand-in server whose /graphql answers importReport like the real schema; any other path
 * gets the real server's 404 NOT_FOUND (src/server/routes/notFound.ts).
 */
function startFakeServer(
  respond: (request: ReceivedRequest) => { status: number; body: unknown },
): Promise<{ origin: string; url: string; received: ReceivedRequest[]; close(): Promise<void> }> {
  const received: ReceivedRequest[] = [];
  const server = http.createServer((req, res) => {
    if (req.url !== '/graphql') {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          errors: [{ message: `no route for ${req.url}`, extensions: { code: 'NOT_FOUND' } }],
        }),
      );
      return;
    }
    let text = '';
    req.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
    req.on('end', () => {
      const request: ReceivedRequest = {
        authorization: req.headers.authorization,
        body: JSON.parse(text) as ReceivedRequest['body'],
      };
      received.push(request);
      const { status, body } = respond(request);
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    });
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        origin: `http://127.0.0.1:${port}`,
        url: `http://127.0.0.1:${port}/graphql`,
        received,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}

interface PayloadShape {
  replayed?: boolean;
  created?: boolean;
  changes?: number;
}

const payload = ({ replayed = false, created = true, changes = 3 }: PayloadShape = {}) => ({
  data: {
    importReport: {
      replayed,
      created,
      changes: Array.from({ length: changes }, (_, index) => ({ eventId: `e${index}` })),
      report: {
        id: 'UmVwb3J0OjE=',
        agency: { name: '平罗县审批服务管理局' },
        year: 2024,
        revision: 4,
        failedRuleCount: 2,
        figures: [
          { key: 't2.rules.issued', value: '1' },
          { key: 't3.newReceived.total', value: null },
          { key: 't2.fees.amount', value: '28.488564' },
          { key: 'n.1.1', value: '6616' },
        ],
      },
      warnings: [{ code: 'ROW_WIDTH_MISMATCH', message: '表三第 3 行的列数不对' }],
    },
  },
});

describe('createHttpReportImporter (unit)', () => {
  it('posts Mutation.importReport with the bearer token and maps the payload', async () => {
    const server = await startFakeServer(() => ({ status: 200, body: payload() }));
    try {
      const importer = createHttpReportImporter({ url: server.url, token: 'secret-token' });
      const result = await importer.importDocument({
        document: '报告',
        reason: '导入',
        clientMutationId: 'import:abc',
      });
      expect(result).toEqual({
        reportId: 'UmVwb3J0OjE=',
        agency: '平罗县审批服务管理局',
        year: 2024,
        revision: 4,
        figureCount: 2,
        warnings: [{ code: 'ROW_WIDTH_MISMATCH', message: '表三第 3 行的列数不对' }],
        failedRuleCount: 2,
        unchanged: false,
      });
      expect(server.received[0].authorization).toBe('Bearer secret-token');
      expect(server.received[0].body.query).toBe(IMPORT_REPORT_MUTATION);
      expect(server.received[0].body.variables.input).toEqual({
        document: '报告',
        reason: '导入',
        clientMutationId: 'import:abc',
      });
    } finally {
      await server.close();
    }
  });

  it('turns a GraphQL error into an error carrying its code', async () => {
    const server = await startFakeServer(() => ({
      status: 200,
      body: { errors: [{ message: 'token required', extensions: { code: 'UNAUTHENTICATED' } }] },
    }));
    try {
      const importer = createHttpReportImporter({ url: server.url, token: 'wrong' });
      const failure = importer.importDocument({ document: 'x', reason: 'r' });
      await expect(failure).rejects.toBeInstanceOf(ImportRequestError);
      await expect(failure).rejects.toMatchObject({
        code: 'UNAUTHENTICATED',
        message: 'UNAUTHENTICATED: token required',
      });
    } finally {
      await server.close();
    }
  });

  it('names the URL when the server cannot be reached', async () => {
    const server = await startFakeServer(() => ({ status: 200, body: {} }));
    await server.close();
    const importer = createHttpReportImporter({ url: server.url, token: 't' });
    await expect(importer.importDocument({ document: 'x', reason: 'r' })).rejects.toThrow(
      `cannot reach ${server.url}`,
    );
  });

  it('says which field is missing from an unexpected response', async () => {
    const server = await startFakeServer(() => ({
      status: 200,
      body: {
        data: { importReport: { replayed: false, created: true, changes: [], warnings: [] } },
      },
    }));
    try {
      const importer = createHttpReportImporter({ url: server.url, token: 't' });
      await expect(importer.importDocument({ document: 'x', reason: 'r' })).rejects.toThrow(
        'no importReport.report',
      );
    } finally {
      await server.close();
    }
  });
});

describe('importResultFromPayload (unit)', () => {
  const unchanged = (shape: PayloadShape) =>
    importResultFromPayload(payload(shape).data.importReport).unchanged;

  it('counts a replay, and a re-import that recorded no changes, as unchanged', () => {
    expect(unchanged({ replayed: true })).toBe(true);
    expect(unchanged({ created: false, changes: 0 })).toBe(true);
    expect(unchanged({ created: false, changes: 2 })).toBe(false);
    expect(unchanged({ created: true, changes: 0 })).toBe(false);
  });
});

describe('IMPORT_REPORT_MUTATION (unit)', () => {
  const schemaFile = path.resolve(__dirname, '../../schema.graphql');

  it('is valid against the committed schema.graphql', () => {
    if (!existsSync(schemaFile)) {
      console.warn(`skipped: ${schemaFile} is absent`);
      return;
    }
    const schema = buildSchema(readFileSync(schemaFile, 'utf8'));
    expect(validate(schema, parse(IMPORT_REPORT_MUTATION)).map((error) => error.message)).toEqual(
      [],
    );
  });
});

describe('import command with --token (unit)', () => {
  it('imports over HTTP, never opening the local importer, and reports replays as unchanged', async () => {
    const seen = new Set<unknown>();
    const server = await startFakeServer(({ body }) => {
      const id = body.variables.input.clientMutationId;
      const replay = seen.has(id);
      seen.add(id);
      return { status: 200, body: payload({ replayed: replay }) };
    });
    const folder = await mkdtemp(path.join(tmpdir(), 'nianbao-http-'));
    try {
      await writeFile(path.join(folder, 'a.md'), '报告一');
      await writeFile(path.join(folder, 'b.htm'), '报告二');
      const command = createImportCommand(() => {
        throw new Error('local importer must not be opened with --token');
      });
      const args = [folder, '--reason', 'r', '--token', 'tok', '--url', server.url];
      const first = bufferedIo();
      expect(await command(args, first)).toBe(0);
      expect(first.out()).toContain('2 imported, 0 unchanged, 0 failed');
      const second = bufferedIo();
      expect(await command(args, second)).toBe(0);
      expect(second.out()).toContain('0 imported, 2 unchanged, 0 failed');
      expect(server.received.every((request) => request.authorization === 'Bearer tok')).toBe(true);
    } finally {
      await server.close();
      await rm(folder, { recursive: true, force: true });
    }
  });

  it.each([
    ['the base URL', (origin: string) => origin],
    ['the base URL with a trailing slash', (origin: string) => `${origin}/`],
    ['the GraphQL endpoint', (origin: string) => `${origin}/graphql`],
  ])(
    'given --url as %s, when importing, then the mutation goes to /graphql and the warning is shown',
    async (_case, urlOf) => {
      const server = await startFakeServer(() => ({ status: 200, body: payload() }));
      const folder = await mkdtemp(path.join(tmpdir(), 'nianbao-http-'));
      try {
        await writeFile(path.join(folder, 'a.md'), '报告一');
        const command = createImportCommand(() => {
          throw new Error('local importer must not be opened with --token');
        });
        const io = bufferedIo();
        const args = [folder, '--reason', 'r', '--token', 'tok', '--url', urlOf(server.origin)];
        expect(await command(args, io)).toBe(0);
        expect(io.out()).toContain('1 imported, 0 unchanged, 0 failed');
        expect(io.out()).toContain('ROW_WIDTH_MISMATCH: 表三第 3 行的列数不对');
        expect(server.received).toHaveLength(1);
      } finally {
        await server.close();
        await rm(folder, { recursive: true, force: true });
      }
    },
  );
});
