// Public surface of the observability building blocks.
export { LOG_LEVELS, createLogger, type LogLevel, type Logger } from './logger';
export { REQUEST_ID_HEADER, isSaneRequestId, resolveRequestId } from './requestId';
export {
  requestContextMiddleware,
  requestContextOf,
  requestIdOf,
  requestLogger,
  type RequestContext,
} from './requestContext';
export { createMetrics, type LedgerMetrics, type OperationType } from './metrics';
export { metricsPlugin, type MetricsPluginOptions } from './metricsPlugin';
export { requestIdPlugin } from './requestIdPlugin';
export { metricsHandler } from './metricsHandler';
export { errorHandler } from './errorHandler';
