// Graceful shutdown drains: a request the server has started receiving when stop() begins is
// still answered, while new connections are refused.
import net from 'node:net';
import { startOpsServer } from './support/opsServer';

it('stop() answers the request in flight and refuses new connections', async () => {
  const ops = await startOpsServer('ops_drain');
  const { port } = ops.server.httpServer.address() as net.AddressInfo;
  const body = JSON.stringify({ query: '{ service { name } }' });
  const socket = net.connect(port, '127.0.0.1');
  let response = '';
  socket.on('data', (chunk: Buffer) => (response += chunk.toString('utf8')));
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  const received = new Promise<void>((resolve) =>
    ops.server.httpServer.once('request', () => resolve()),
  );
  // Headers and half the body: the server has the request but cannot answer it yet.
  socket.write(
    `POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body.slice(0, 10)}`,
  );
  await received;

  const stopped = ops.server.stop();
  await expect(
    fetch(`${ops.origin}/healthz`, { headers: { connection: 'close' } }),
  ).rejects.toThrow();
  socket.write(body.slice(10));
  await closed;
  await stopped;
  expect(response).toMatch(/^HTTP\/1\.1 200/);
  expect(response).toContain('"name":"Nianbao Ledger"');
  await ops.ledger.close();
  await ops.database.drop();
});
