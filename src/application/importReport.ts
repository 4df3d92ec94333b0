// Import input: checks the document and hints, parses it, and names the report it is for.
import { ReportInputError } from '../../events/report/errors';
import { agencyIdFor, normaliseAgencyName, reportIdFor } from '../../events/report/ids';
import type { ParsedReport } from '../domain/importer/types';
import { UnrecognisedDocumentError } from '../domain/importer/types';
import { actorOf, assertCanEdit, type Principal } from '../auth/principal';
import { inputHash, optionalClientMutationId, requireReason } from './commandInput';
import type { ImportReportInput, PreparedCommand } from './commandTypes';
import type { DocumentParser } from './documentParser';

export const DEFAULT_MAX_DOCUMENT_LENGTH = 5_000_000;
const MIN_YEAR = 2000;

/** The latest report year accepted: next year by the server clock (a report is written after its year). */
export function maxReportYear(now: Date = new Date()): number {
  return now.getUTCFullYear() + 1;
}

function yearRangeText(): string {
  return `between ${MIN_YEAR} and ${maxReportYear()}`;
}

/** A year a report title states ("1899 年政府信息公开工作年度报告"), even outside the range the importer reads. */
const STATED_YEAR = /(\d{4})\s*年\s*度?\s*[\u4e00-\u9fff（）()]{0,40}?(?:政府信息公开|政务公开)/u;

function statedYear(document: string): number | null {
  const match = STATED_YEAR.exec(document.slice(0, 5000));
  return match ? Number(match[1]) : null;
}

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
    if (!Number.isInteger(input.year) || input.year < MIN_YEAR || input.year > maxReportYear()) {
      throw new ReportInputError(
        `year ${String(input.year)} is out of range: a report year is ${yearRangeText()}`,
        'year',
      );
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
    // Without the year hint: the parsed year is the document's own, compared below.
    parsed = parseDocument(input.document, hintAgency ? { agency: hintAgency } : {});
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
  const documentYear = parsed.year ?? statedYear(input.document);
  const givenYear = input.year ?? null;
  // A document year out of range cannot be the report's year: without a year argument that is
  // the error; with one, the argument is the only plausible year and is taken.
  const plausible =
    documentYear !== null && documentYear >= MIN_YEAR && documentYear <= maxReportYear();
  if (documentYear !== null && !plausible && givenYear === null) {
    throw new ReportInputError(
      `the document states the year ${documentYear}, which is out of range: a report year is ${yearRangeText()}; give year`,
      'year',
    );
  }
  if (plausible && givenYear !== null && givenYear !== documentYear && !input.force) {
    throw new ReportInputError(
      `the document states the year ${documentYear} but year ${givenYear} was given; give the document's year, or force: true (--force) to import it as ${givenYear}`,
      'year',
    );
  }
  const agency = hintAgency ?? (parsed.agency ? normaliseAgencyName(parsed.agency) : null);
  if (!agency)
    throw new ReportInputError('the document does not name its agency; give agency', 'agency');
  const year = givenYear ?? parsed.year;
  if (!year) throw new ReportInputError('the document does not state its year; give year', 'year');
  return { parsed, hintAgency, agency, year };
}

/**
 * The fingerprint of an import's input (what tells a replayed clientMutationId from a reused
 * one). One function for the per-report path and the batch path (importReportBatch.ts), so a
 * document first imported by one is recognised by the other.
 */
export function importInputHash(
  input: ImportReportInput,
  hintAgency: string | null,
  reason: string,
): string {
  return inputHash('importReport', {
    document: input.document,
    agency: hintAgency,
    year: input.year ?? null,
    sourceUrl: input.sourceUrl ?? null,
    reason,
  });
}

/** A document checked and named: the report it is for, and the command's prepared fields. */
export interface PreparedImport {
  prepared: PreparedCommand;
  parsed: ParsedReport;
  agency: string;
  agencyId: string;
  year: number;
}

/**
 * Checks the caller, the reason, the clientMutationId and the document, parses it and names its
 * report: what an import does before it decides, one document at a time or in a batch.
 */
export function prepareImport(
  principal: Principal,
  input: ImportReportInput,
  parseDocument: DocumentParser,
  maxDocumentLength: number = DEFAULT_MAX_DOCUMENT_LENGTH,
): PreparedImport {
  const actor = actorOf(principal);
  const reason = requireReason(input.reason);
  const clientMutationId = optionalClientMutationId(input.clientMutationId);
  const { parsed, hintAgency, agency, year } = parseImport(input, parseDocument, maxDocumentLength);
  assertCanEdit(principal, agency);
  const prepared: PreparedCommand = {
    reportId: reportIdFor(agency, year),
    actor,
    reason,
    clientMutationId,
    hash: importInputHash(input, hintAgency, reason),
  };
  return { prepared, parsed, agency, agencyId: agencyIdFor(agency), year };
}
