// Wires Express, Apollo Server and the schema into one HTTP server.
import http from 'node:http';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import cors from 'cors';
import express from 'express';
import type { Config } from '../config';
import { buildLedgerSchema } from './buildSchema';

export interface LedgerHttpServer {
  readonly httpServer: http.Server;
  listen(): Promise<{ url: string; port: number }>;
  stop(): Promise<void>;
}

export async function createHttpServer(config: Config): Promise<LedgerHttpServer> {
  const app = express();
  const httpServer = http.createServer(app);
  const apollo = new ApolloServer({
    schema: await buildLedgerSchema(),
    introspection: config.introspection,
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer })],
  });
  await apollo.start();

  const corsOptions: cors.CorsOptions = {
    origin: config.corsOrigins.includes('*') ? true : config.corsOrigins,
  };
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.use(
    '/graphql',
    cors(corsOptions),
    express.json({ limit: config.bodyLimitBytes }),
    expressMiddleware(apollo),
  );

  return {
    httpServer,
    listen: () =>
      new Promise((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(config.port, config.host, () => {
          const address = httpServer.address();
          const port = typeof address === 'object' && address ? address.port : config.port;
          resolve({ url: `http://${config.host}:${port}/graphql`, port });
        });
      }),
    stop: () => apollo.stop(),
  };
}
