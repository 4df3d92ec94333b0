// Every GraphQL document the web viewer sends (web/src/api/documents.ts) is valid against the
// server's schema, so a schema change that would break the viewer fails here, without a browser.
import path from 'node:path';
import { parse, validate, type OperationDefinitionNode } from 'graphql';
import { buildLedgerSchema } from '../../src/server/buildSchema';

const DOCUMENTS_MODULE = path.resolve(__dirname, '../../web/src/api/documents');

async function viewerDocuments(): Promise<[string, string][]> {
  // A computed path keeps the browser-only module out of the Node type-check.
  const documents = (await import(DOCUMENTS_MODULE)) as Record<string, unknown>;
  return Object.entries(documents).filter(
    (entry): entry is [string, string] =>
      /_(QUERY|MUTATION|SUBSCRIPTION)$/.test(entry[0]) && typeof entry[1] === 'string',
  );
}

describe('web viewer GraphQL documents', () => {
  it('are valid against the schema', async () => {
    const schema = await buildLedgerSchema();
    const documents = await viewerDocuments();
    expect(documents.length).toBeGreaterThan(5);
    for (const [name, source] of documents) {
      const document = parse(source);
      const operation = document.definitions[0] as OperationDefinitionNode;
      if (operation.operation === 'subscription' && !schema.getSubscriptionType()) {
        // The viewer falls back to polling when the server has no subscriptions.
        process.stdout.write(`${name}: the schema has no Subscription type yet; not checked\n`);
        continue;
      }
      expect([name, validate(schema, document).map((error) => error.message)]).toEqual([name, []]);
    }
  });
});
