// GET /export/:agency/:year/:format (csv | json | markdown): a report as a download, read
// from its read model caught up with its stream. Behind the same read rule as GraphQL: with
// REQUIRE_TOKEN_FOR_READS an anonymous caller gets 401.
import type { Express, RequestHandler } from 'express';
import { reportIdFor } from '../../../events/report/ids';
import type { Ledger } from '../../application/createLedger';
import { AuthError } from '../../auth/principal';
import { authenticate } from '../../auth/tokens';
import type { ExportableReport } from '../../export/exportableReport';
import { exportHandler } from '../../export/exportHandler';
import { exportableFromReportState } from '../../export/fromReportState';
import { projectReport } from '../../projections/projectReport';
import { figureValuesOf, rulesOf } from '../../projections/reportRules';

/** The current state of a report as an export input (CLI and HTTP), or null when none. */
export function reportExportLoader(
  ledger: Pick<Ledger, 'projection'>,
): (agency: string, year: number) => Promise<ExportableReport | null> {
  return async (agency, year) => {
    const document = await projectReport(ledger.projection, reportIdFor(agency, year));
    if (!document) return null;
    // Cross-year rules need last year's figures, as the API's Report.rules does.
    const previous = await projectReport(ledger.projection, reportIdFor(agency, year - 1));
    return exportableFromReportState(
      document,
      rulesOf(document, previous ? figureValuesOf(previous) : undefined),
    );
  };
}

function readAccess(ledger: Ledger, requireTokenForReads: boolean): RequestHandler {
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
      res.status(401).json({
        errors: [
          {
            message: 'this server needs an Authorization: Bearer <token> header for every request',
            extensions: { code: 'UNAUTHENTICATED' },
          },
        ],
      });
    } catch (error) {
      if (error instanceof AuthError) {
        res
          .status(401)
          .json({ errors: [{ message: error.message, extensions: { code: error.code } }] });
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
