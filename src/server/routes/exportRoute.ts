// GET /export/:agency/:year/:format (csv | json | markdown) [?atRevision=N] [&asOf=ISO]: a
// report as a download, the current version or as it was. Behind the same read rule as
// GraphQL: with REQUIRE_TOKEN_FOR_READS an anonymous caller gets 401. Every error carries the
// request id, like GraphQL errors.
import type { Express, RequestHandler } from 'express';
import { reportIdFor } from '../../../events/report/ids';
import type { Ledger } from '../../application/createLedger';
import { AuthError } from '../../auth/principal';
import { authenticate } from '../../auth/tokens';
import type { ExportableReport } from '../../export/exportableReport';
import { sendExportError } from '../../export/exportErrorResponse';
import { exportHandler } from '../../export/exportHandler';
import type { ExportTimePoint } from '../../export/exportTimePoint';
import { exportableFromReportState } from '../../export/fromReportState';
import { projectReport } from '../../projections/projectReport';
import { figureValuesOf, rulesOf } from '../../projections/reportRules';
import { reportStateAt } from '../../projections/timeTravel';
import { chineseMessageOf } from '../errorMessagesZh';

/**
 * A report as an export input (CLI and HTTP): the read model caught up with its stream, or,
 * for a revision or instant before it, the report folded from its log up to there (the
 * time travel GraphQL's `report(atRevision:, asOf:)` uses). Null when there is no report
 * then. Rules are derived as Report.rules derives them, cross-year rules against last year's
 * current report.
 */
export function reportExportLoader(
  ledger: Pick<Ledger, 'projection'>,
): (agency: string, year: number, at: ExportTimePoint) => Promise<ExportableReport | null> {
  return async (agency, year, at) => {
    const current = await projectReport(ledger.projection, reportIdFor(agency, year));
    if (!current) return null;
    const wantsPast =
      (at.atRevision !== undefined && at.atRevision < current.revision) ||
      (at.asOf !== undefined && at.asOf.getTime() < current.updatedAt.getTime());
    const state = wantsPast
      ? await reportStateAt(ledger.projection, current.reportId, at)
      : current;
    if (!state) return null;
    const previous = await projectReport(ledger.projection, reportIdFor(agency, year - 1));
    const sameAgency = previous !== null && previous.agencyId === state.agencyId;
    return exportableFromReportState(
      state,
      rulesOf(state, sameAgency ? figureValuesOf(previous) : undefined),
    );
  };
}

/** Reads need a token when the server requires one for reads (as for GraphQL). */
export function readAccess(ledger: Ledger, requireTokenForReads: boolean): RequestHandler {
  return async (req, res, next) => {
    if (!requireTokenForReads) {
      next();
      return;
    }
    try {
      const principal = await authenticate(ledger.models.tokens, req.headers.authorization);
      if (principal.kind !== 'anonymous') {
        next();
        return;
      }
      sendExportError(req, res, {
        status: 401,
        code: 'UNAUTHENTICATED',
        message: 'this server needs an Authorization: Bearer <token> header for every request',
        messageZh: '此服务器要求每个请求都带 Authorization: Bearer <令牌>',
      });
    } catch (error) {
      if (error instanceof AuthError) {
        sendExportError(req, res, {
          status: 401,
          code: error.code,
          message: error.message,
          messageZh: chineseMessageOf(error.code),
        });
        return;
      }
      next(error);
    }
  };
}

export function registerExportRoute(
  app: Express,
  ledger: Ledger,
  options: { requireTokenForReads: boolean },
): void {
  app.get(
    '/export/:agency/:year/:format',
    readAccess(ledger, options.requireTokenForReads),
    exportHandler(reportExportLoader(ledger)),
  );
}
