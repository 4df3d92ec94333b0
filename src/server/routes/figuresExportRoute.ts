// GET /export/figures.csv|jsonl?key=…&year=…: the answer of a figureValues query (every report,
// in ranking order, not a page) or, with keys and groupBy, of a figureAggregates query, as a
// download. Streamed: rows are generated while the response is written, and generation waits
// whenever the client reads slower than the server writes (stream backpressure), so memory
// does not grow with the export. Refusals (a bad parameter, an unknown key or region) are
// decided before the first byte and answered as JSON errors like GET /export's.
import type { IncomingMessage } from 'node:http';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Express, Request, RequestHandler, Response } from 'express';
import type { Ledger } from '../../application/createLedger';
import { sendExportError } from '../../export/exportErrorResponse';
import { contentDisposition } from '../../export/exportReport';
import {
  FIGURE_EXPORT_PARAMETERS,
  FigureExportQueryError,
  parseFigureExportQuery,
  type FigureExportQuery,
  type GivenParameters,
} from '../../export/figureExportQuery';
import { figureExportRefusal } from '../../export/figureExportRefusal';
import { corpusViewForExport } from '../../export/figureExportSource';
import {
  FIGURE_EXPORT_CONTENT_TYPES,
  FIGURE_EXPORT_FORMATS,
  figureExportChunks,
  isFigureExportFormat,
} from '../../export/figureRowFormats';
import { planFigureRows } from '../../export/figureRows';
import { requestContextOf } from '../../observability/requestContext';
import { readAccess } from './exportRoute';

export const FIGURES_EXPORT_PATH = '/export/figures.:format';

function refuse(req: IncomingMessage, res: Response, error: FigureExportQueryError): void {
  sendExportError(req, res, {
    status: 400,
    code: 'BAD_USER_INPUT',
    message: error.message,
    messageZh: error.messageZh,
    field: error.parameter,
  });
}

/** The query string as given, every occurrence of every parameter; unknown names refused. */
function givenParameters(req: Request): GivenParameters | { unknown: string } {
  const search = new URL(req.originalUrl, 'http://localhost').searchParams;
  const given: Record<string, string[]> = {};
  for (const [name, value] of search) {
    if (!(FIGURE_EXPORT_PARAMETERS as readonly string[]).includes(name)) return { unknown: name };
    (given[name] ??= []).push(value);
  }
  return given as GivenParameters;
}

/** `nianbao-figures-t3.newReceived.total-2024.csv`: what was asked for, readable in a folder. */
function filenameOf(query: FigureExportQuery, format: string): string {
  const keys = query.kind === 'values' ? [query.key] : query.keys;
  const years = [query.filter.year, ...(query.filter.years ?? [])].filter(
    (year): year is number => typeof year === 'number',
  );
  const parts = [
    query.kind === 'values' ? 'figures' : 'aggregates',
    keys.length > 3 ? `${keys.length}keys` : keys.join('+'),
    ...(query.filter.regionCode ? [query.filter.regionCode] : []),
    ...(years.length > 0 ? [[...new Set(years)].sort().join('+')] : []),
  ];
  return `nianbao-${parts.join('-')}.${format}`;
}

function figuresExportHandler(ledger: Ledger): RequestHandler {
  return async (req, res, next) => {
    const format = String(req.params.format ?? '');
    if (!isFigureExportFormat(format)) {
      sendExportError(req, res, {
        status: 400,
        code: 'BAD_USER_INPUT',
        message: `format must be one of ${FIGURE_EXPORT_FORMATS.join(', ')}, got "${format}"`,
        messageZh: `格式须为 ${FIGURE_EXPORT_FORMATS.join('、')} 之一，收到“${format}”`,
        field: 'format',
      });
      return;
    }
    const given = givenParameters(req);
    if ('unknown' in given) {
      const name = given.unknown;
      sendExportError(req, res, {
        status: 400,
        code: 'BAD_USER_INPUT',
        message: `unknown parameter ${name} (takes ${FIGURE_EXPORT_PARAMETERS.join(', ')})`,
        messageZh: `未知参数 ${name}（可用：${FIGURE_EXPORT_PARAMETERS.join('、')}）`,
        field: name,
      });
      return;
    }
    let plan: ReturnType<typeof planFigureRows>;
    let query: FigureExportQuery;
    try {
      query = parseFigureExportQuery(given);
      plan = planFigureRows(await corpusViewForExport(ledger, query.asOf), query);
    } catch (error) {
      const refusal = error instanceof FigureExportQueryError ? error : figureExportRefusal(error);
      if (refusal) {
        refuse(req, res, refusal);
        return;
      }
      next(error);
      return;
    }
    res.setHeader('content-type', FIGURE_EXPORT_CONTENT_TYPES[format]);
    res.setHeader('content-disposition', contentDisposition(filenameOf(query, format)));
    res.setHeader('x-row-count', String(plan.rowCount));
    try {
      // pipeline pauses the generator while the socket's buffer is full, and destroys it when
      // the client goes away.
      await pipeline(Readable.from(figureExportChunks(plan, format)), res);
    } catch (error) {
      // Headers are sent: all that can be done is to end the connection and say why in the log.
      if ((error as NodeJS.ErrnoException).code === 'ERR_STREAM_PREMATURE_CLOSE') return;
      requestContextOf(req)?.logger.error({ err: error }, 'figures export failed');
    }
  };
}

export function registerFiguresExportRoute(
  app: Express,
  ledger: Ledger,
  options: { requireTokenForReads: boolean },
): void {
  app.get(
    FIGURES_EXPORT_PATH,
    readAccess(ledger, options.requireTokenForReads),
    figuresExportHandler(ledger),
  );
}
