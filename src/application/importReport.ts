// Import input: checks the document and hints, parses it, and names the report it is for.
import { ReportInputError } from '../../events/report/errors';
import { normaliseAgencyName } from '../../events/report/ids';
import type { ParsedReport } from '../domain/importer/types';
import { UnrecognisedDocumentError } from '../domain/importer/types';
import type { ImportReportInput } from './commandTypes';
import type { DocumentParser } from './documentParser';

export const DEFAULT_MAX_DOCUMENT_LENGTH = 5_000_000;
const MIN_YEAR = 2000;
const MAX_YEAR = 2100;

export interface ParsedImport {
  parsed: ParsedReport;
  /** The agency as given (normalised), null when the document named it. */
  hintAgency: string | null;
  agency: string;
  year: number;
}

function checkHints(input: ImportReportInput, maxDocumentLength: number): string | null {
  if (typeof input.document !== 'string' || input.document.trim() === '') {
    throw new ReportInputError('document is empty', 'document');
  }
  if (input.document.length > maxDocumentLength) {
    throw new ReportInputError(
      `a document has at most ${maxDocumentLength} characters`,
      'document',
    );
  }
  const hintAgency = input.agency?.trim() ? normaliseAgencyName(input.agency) : null;
  if (input.agency !== undefined && input.agency !== null && !hintAgency) {
    throw new ReportInputError('agency is empty', 'agency');
  }
  if (hintAgency && hintAgency.length > 200)
    throw new ReportInputError('agency name is too long', 'agency');
  if (input.year !== undefined && input.year !== null) {
    if (!Number.isInteger(input.year) || input.year < MIN_YEAR || input.year > MAX_YEAR) {
      throw new ReportInputError(`year must be between ${MIN_YEAR} and ${MAX_YEAR}`, 'year');
    }
  }
  if (
    input.sourceUrl !== undefined &&
    input.sourceUrl !== null &&
    !/^https?:\/\/\S{1,2000}$/.test(input.sourceUrl)
  ) {
    throw new ReportInputError('sourceUrl must be an http(s) URL', 'sourceUrl');
  }
  return hintAgency;
}

export function parseImport(
  input: ImportReportInput,
  parseDocument: DocumentParser,
  maxDocumentLength: number,
): ParsedImport {
  const hintAgency = checkHints(input, maxDocumentLength);
  let parsed: ParsedReport;
  try {
    parsed = parseDocument(input.document, {
      ...(hintAgency ? { agency: hintAgency } : {}),
      ...(input.year ? { year: input.year } : {}),
    });
  } catch (error) {
    if (
      error instanceof UnrecognisedDocumentError ||
      (error as Error).name === 'UnrecognisedDocumentError'
    ) {
      throw new ReportInputError(
        `the document cannot be read as a report: ${(error as Error).message}`,
        'document',
      );
    }
    throw error;
  }
  const agency = hintAgency ?? (parsed.agency ? normaliseAgencyName(parsed.agency) : null);
  if (!agency)
    throw new ReportInputError('the document does not name its agency; give agency', 'agency');
  const year = input.year ?? parsed.year;
  if (!year) throw new ReportInputError('the document does not state its year; give year', 'year');
  return { parsed, hintAgency, agency, year };
}
