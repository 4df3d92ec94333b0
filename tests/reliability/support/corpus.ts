// The shared corpus of real reports, read at run time (never copied into the repository).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { sharedFilePresent } from '../../support/sharedCorpus';

export const CORPUS_DIR = path.resolve(__dirname, '../../../../shared/corpus');

export interface CorpusDocument {
  file: string;
  text: string;
}

/** The corpus documents, or null (with a printed notice) when the corpus is absent. */
export function loadCorpus(): CorpusDocument[] | null {
  if (!sharedFilePresent('corpus-based reliability cases', CORPUS_DIR)) return null;
  return readdirSync(CORPUS_DIR)
    .filter((file) => /\.(txt|md|html)$/.test(file))
    .sort()
    .map((file) => ({ file, text: readFileSync(path.join(CORPUS_DIR, file), 'utf8') }));
}
