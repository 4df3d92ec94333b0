// Folder dependencies point one way (checked by `npm run lint`):
//   src/domain/  pure: report format, importer, rules, regions, indicators; imports no adapter
//   events/      event types, decide/evolve and the event store; of src/ only the domain
//   models/      mongoose read models
//   resolvers/   the GraphQL layer; reads through src/ modules, never models/ or a driver
//   src/         wiring, application services, projections, server, CLI
// and no import cycles anywhere.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'An import cycle makes the modules one tangle: break it by moving the shared part.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'domain-is-pure',
      severity: 'error',
      comment: 'src/domain is pure TypeScript: no storage, GraphQL, server or application code.',
      from: { path: '^src/domain/' },
      to: {
        path: [
          '^(events|models|resolvers)/',
          '^src/(?!domain/)',
          'node_modules/(mongodb|mongoose|graphql|type-graphql|@apollo|express|dataloader)/',
        ],
      },
    },
    {
      name: 'events-know-no-adapters',
      severity: 'error',
      comment: 'events/ knows nothing of GraphQL, mongoose, read models or the server.',
      from: { path: '^events/' },
      to: {
        path: [
          '^(models|resolvers)/',
          '^src/(?!domain/)',
          'node_modules/(mongoose|graphql|type-graphql|@apollo|express|dataloader)/',
        ],
      },
    },
    {
      name: 'events-domain-only-format',
      severity: 'error',
      comment:
        'Stored event payloads are a contract of their own: of the domain, events/ uses only the report format.',
      from: { path: '^events/' },
      to: { path: '^src/domain/(?!format/)' },
    },
    {
      name: 'decider-is-pure',
      severity: 'error',
      comment:
        'decide/evolve and the event types do no I/O: only events/store talks to the driver.',
      from: { path: '^events/(?!store/)' },
      to: { path: ['^events/store/(?!types)', 'node_modules/mongodb/'] },
    },
    {
      name: 'models-are-read-models',
      severity: 'error',
      comment: 'models/ holds mongoose schemas only.',
      from: { path: '^models/' },
      to: { path: ['^(resolvers|src)/', 'node_modules/(graphql|type-graphql|@apollo)/'] },
    },
    {
      name: 'resolvers-read-through-src',
      severity: 'error',
      comment:
        'resolvers/ is a thin GraphQL adapter: queries live in a read-side module under src/.',
      from: { path: '^resolvers/' },
      to: {
        path: ['^models/', 'node_modules/(mongodb|mongoose)/'],
        dependencyTypesNot: ['type-only'],
      },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '^(node_modules|dist|web/dist|bench/\\.tmp)' },
  },
};
