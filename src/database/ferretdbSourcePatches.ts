// Source patches applied to FerretDB v1.24.2 before it is built for the embedded database.
//
// There is one. The SQLite backend creates the unique `_id` index on the expression
// `_ferretdb_sjson->"_id"` but filters (find, update, delete by `_id`) with
// `_ferretdb_sjson->'$._id'`. Both select the same JSON value, yet SQLite uses an expression
// index only for the identical expression, so every `_id` lookup scanned and decoded the whole
// collection (`explain` shows `SCAN`) and its cost grew with the collection. The patch makes the
// filter spell the index's expression (`SEARCH … USING INDEX …__id_`). Results are unchanged:
// `->'_id'` and `->'$._id'` are the same JSON path; only the plan differs. The stored data and
// the indexes are untouched, so a database written by an unpatched build works with this one.

export interface SourcePatch {
  /** Path inside the module source. */
  file: string;
  /** The exact upstream text that is replaced; the build fails if it is not there. */
  from: string;
  to: string;
}

export const FERRETDB_SOURCE_PATCHES: readonly SourcePatch[] = [
  {
    file: 'internal/backends/sqlite/metadata/metadata.go',
    from: `IDColumn = DefaultColumn + "->'$._id'"`,
    to: 'IDColumn = DefaultColumn + `->"_id"`',
  },
];

/**
 * Names the patched build, so a cache holding an unpatched (or differently patched) binary is
 * not mistaken for this one.
 */
export const FERRETDB_PATCH_LEVEL = 'idindex1';

/** `text` with the patch applied; throws when the upstream text is not found exactly once. */
export function applySourcePatch(text: string, patch: SourcePatch): string {
  const at = text.indexOf(patch.from);
  if (at < 0 || text.indexOf(patch.from, at + 1) >= 0) {
    throw new Error(
      `cannot patch ${patch.file}: expected exactly one occurrence of ${JSON.stringify(patch.from)}`,
    );
  }
  return text.slice(0, at) + patch.to + text.slice(at + patch.from.length);
}
