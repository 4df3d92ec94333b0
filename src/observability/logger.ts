// Structured JSON logs (pino): one JSON object per line on stdout, so any log shipper can
// index them. Levels are written as words and times as ISO 8601 so a person can read a raw
// line too.
import pino, { type DestinationStream, type Logger } from 'pino';

export type { Logger } from 'pino';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/**
 * A root logger. `destination` defaults to stdout (written synchronously, so lines are not
 * lost when the process exits on a fatal error); tests pass a stream to read lines back.
 */
export function createLogger(level: LogLevel | string, destination?: DestinationStream): Logger {
  if (!(LOG_LEVELS as readonly string[]).includes(level)) {
    throw new Error(`log level must be one of ${LOG_LEVELS.join(', ')}, got "${level}"`);
  }
  return pino(
    {
      level,
      base: { service: 'nianbao-ledger' },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      // Credentials must never reach a log line, whatever a caller passes in.
      redact: {
        paths: ['authorization', 'headers.authorization', 'req.headers.authorization', 'token'],
        censor: '[redacted]',
      },
    },
    destination ?? pino.destination({ dest: 1, sync: true }),
  );
}
