// The port `cli import` imports through, and what one document's import answers: the local
// application service and a running server (--token, --url) both implement it.
import type { ImportWarningSummary } from './importWarningLines';

export interface ImportDocumentInput {
  /** The document text (HTML, Markdown or plain text), decoded. */
  document: string;
  agency?: string;
  year?: number;
  /** Import as `year` even when the document states another year. */
  force?: boolean;
  sourceUrl?: string;
  reason: string;
  clientMutationId?: string;
}

export interface ImportDocumentResult {
  reportId: string;
  agency: string;
  year: number;
  /** Report revision after the import. */
  revision: number;
  /** Figures that hold a value (not empty, not a marker). */
  figureCount: number;
  /** What the importer warned about, in its order. */
  warnings: readonly ImportWarningSummary[];
  /** Rule results with status failed (errors and warnings). */
  failedRuleCount: number;
  /** True when the import wrote nothing (a replayed clientMutationId or no differences). */
  unchanged: boolean;
}

/** The port this command imports through. */
export interface ReportImporter {
  importDocument(input: ImportDocumentInput): Promise<ImportDocumentResult>;
  /**
   * Many documents in one call (the local ledger's bulk path): one result or error per input,
   * in their order; one document's error does not stop the others. Absent: one at a time.
   */
  importDocuments?(
    inputs: readonly ImportDocumentInput[],
  ): Promise<Array<ImportDocumentResult | Error>>;
}
