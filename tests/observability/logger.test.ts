import { createLogger } from '../../src/observability/logger';
import { logCapture } from './logCapture';

describe('createLogger', () => {
  it('writes one JSON object per line with a word level, ISO time and bound fields', () => {
    const capture = logCapture();
    const logger = createLogger('info', capture);
    logger.child({ requestId: 'req-1' }).info({ operation: 'Report' }, 'graphql operation');
    logger.debug('not at info level');
    const lines = capture.lines();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      level: 'info',
      requestId: 'req-1',
      operation: 'Report',
      msg: 'graphql operation',
      service: 'nianbao-ledger',
    });
    expect(new Date(String(lines[0].time)).toISOString()).toBe(lines[0].time);
  });

  it('never writes a token or an authorization header', () => {
    const capture = logCapture();
    const logger = createLogger('info', capture);
    logger.info({ headers: { authorization: 'Bearer s3cret' }, token: 's3cret' }, 'request');
    expect(JSON.stringify(capture.lines())).not.toContain('s3cret');
  });

  it('rejects an unknown level by name', () => {
    expect(() => createLogger('verbose', logCapture())).toThrow('got "verbose"');
  });
});
