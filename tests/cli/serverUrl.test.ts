import { CliUsageError } from '../../src/cli/commandLine';
import { graphqlEndpointOf } from '../../src/cli/serverUrl';

describe('graphqlEndpointOf (unit)', () => {
  it.each([
    ['http://127.0.0.1:4711', 'http://127.0.0.1:4711/graphql'],
    ['http://127.0.0.1:4711/', 'http://127.0.0.1:4711/graphql'],
    ['http://127.0.0.1:4711/graphql', 'http://127.0.0.1:4711/graphql'],
    ['http://127.0.0.1:4711/graphql/', 'http://127.0.0.1:4711/graphql'],
    ['https://example.gov.cn/nianbao', 'https://example.gov.cn/nianbao/graphql'],
    ['  http://localhost:4000  ', 'http://localhost:4000/graphql'],
  ])('given --url %s, when resolved, then the endpoint is %s', (url, endpoint) => {
    expect(graphqlEndpointOf(url)).toBe(endpoint);
  });

  it.each(['ftp://h', 'localhost:4000', '127.0.0.1', 'http://', 'http://h/?q=1', 'http://h/#x'])(
    'given --url %s, when resolved, then a usage error names --url',
    (url) => {
      expect(() => graphqlEndpointOf(url)).toThrow(CliUsageError);
      expect(() => graphqlEndpointOf(url)).toThrow(/--url/);
    },
  );
});
