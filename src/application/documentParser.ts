// The importer as the write side sees it: document text (+ hints) in, ParsedReport out.
import type { ImportHints, ParsedReport } from '../domain/importer/types';

export type DocumentParser = (document: string, hints: ImportHints) => ParsedReport;
