// Source patches applied to FerretDB v1.24.2 before it is built for the embedded database.
//
// 1. The SQLite backend creates the unique `_id` index on the expression
// `_ferretdb_sjson->"_id"` but filters (find, update, delete by `_id`) with
// `_ferretdb_sjson->'$._id'`. Both select the same JSON value, yet SQLite uses an expression
// index only for the identical expression, so every `_id` lookup scanned and decoded the whole
// collection (`explain` shows `SCAN`) and its cost grew with the collection. The patch makes the
// filter spell the index's expression (`SEARCH … USING INDEX …__id_`). Results are unchanged:
// `->'_id'` and `->'$._id'` are the same JSON path; only the plan differs. The stored data and
// the indexes are untouched, so a database written by an unpatched build works with this one.
//
// 2. The backend narrows a query by `_id` only when the filter is exactly `{_id: <value>}`, so a
// conditional write (`{_id, revision}`: the projections' compare-and-set) or a batch
// (`{_id: {$in: [...]}}`: DataLoader) read and decoded every document of the collection. The
// patch narrows by a top-level `_id` equality or `$in` of strings whatever else the filter
// holds. The handler still applies the whole filter to the rows returned (find, count, update,
// delete and findAndModify all re-filter), so only rows that cannot match are skipped.

export interface SourcePatch {
  /** Path inside the module source. */
  file: string;
  /** The exact upstream text that is replaced (null: a new file); the build fails if it is not there. */
  from: string | null;
  to: string;
}

/** Narrows a query by a top-level `_id` condition (patch 2); used by Query and Explain. */
const ID_WHERE_GO = `package sqlite

import (
	"fmt"
	"strings"

	"github.com/FerretDB/FerretDB/internal/backends/sqlite/metadata"
	"github.com/FerretDB/FerretDB/internal/handler/sjson"
	"github.com/FerretDB/FerretDB/internal/types"
	"github.com/FerretDB/FerretDB/internal/util/must"
)

// idWhereClause narrows a query to the rows a top-level _id condition allows: _id equal to a
// string or ObjectID, or _id $in a list of strings, whatever else the filter holds. The handler
// applies the whole filter to the rows returned, so this only skips rows that cannot match.
// (Patched in by Nianbao Ledger; upstream pushes down only a filter that is exactly {_id: v}.)
func idWhereClause(filter *types.Document) (string, []any) {
	v, _ := filter.Get("_id")
	switch v := v.(type) {
	case string, types.ObjectID:
		return fmt.Sprintf(\` WHERE %s = ?\`, metadata.IDColumn), []any{string(must.NotFail(sjson.MarshalSingleValue(v)))}
	case *types.Document:
		if v.Len() != 1 {
			return "", nil
		}
		in, err := v.Get("$in")
		if err != nil {
			return "", nil
		}
		arr, ok := in.(*types.Array)
		if !ok || arr.Len() == 0 || arr.Len() > 500 {
			return "", nil
		}
		placeholders := make([]string, arr.Len())
		args := make([]any, arr.Len())
		for i := 0; i < arr.Len(); i++ {
			s, ok := must.NotFail(arr.Get(i)).(string)
			if !ok {
				return "", nil
			}
			placeholders[i] = "?"
			args[i] = string(must.NotFail(sjson.MarshalSingleValue(s)))
		}
		return fmt.Sprintf(\` WHERE %s IN (%s)\`, metadata.IDColumn, strings.Join(placeholders, ", ")), args
	}
	return "", nil
}
`;

/**
 * The upstream `_id` pushdown block of collection.go (it appears in Query and in Explain, the
 * latter with extra lines), replaced by a call to idWhereClause.
 */
function idBlockPatch(upstreamExtra: string[], patchedExtra: string[] = []): SourcePatch {
  return {
    file: 'internal/backends/sqlite/collection.go',
    from: [
      '\tif params.Filter.Len() == 1 {',
      '\t\tv, _ := params.Filter.Get("_id")',
      '\t\tswitch v.(type) {',
      '\t\tcase string, types.ObjectID:',
      ...upstreamExtra,
      '\t\t\twhereClause = fmt.Sprintf(` WHERE %s = ?`, metadata.IDColumn)',
      '\t\t\targs = []any{string(must.NotFail(sjson.MarshalSingleValue(v)))}',
      '\t\t}',
      '\t}',
    ].join('\n'),
    to: [
      '\tif params.Filter.Len() >= 1 {',
      '\t\twhereClause, args = idWhereClause(params.Filter)',
      ...patchedExtra,
      '\t}',
    ].join('\n'),
  };
}

export const FERRETDB_SOURCE_PATCHES: readonly SourcePatch[] = [
  {
    file: 'internal/backends/sqlite/metadata/metadata.go',
    from: `IDColumn = DefaultColumn + "->'$._id'"`,
    to: 'IDColumn = DefaultColumn + `->"_id"`',
  },
  { file: 'internal/backends/sqlite/id_where.go', from: null, to: ID_WHERE_GO },
  // Query, then Explain (which also reports whether the filter was pushed down).
  idBlockPatch([]),
  idBlockPatch(['\t\t\tfilterPushdown = true'], ['\t\tfilterPushdown = whereClause != ""']),
];

/**
 * Names the patched build, so a cache holding an unpatched (or differently patched) binary is
 * not mistaken for this one.
 */
export const FERRETDB_PATCH_LEVEL = 'idindex2';

/**
 * `text` (the file's current content, null when it does not exist) with the patch applied;
 * throws when the upstream text is not found exactly once, or a new file already exists.
 */
export function applySourcePatch(text: string | null, patch: SourcePatch): string {
  if (patch.from === null) {
    if (text !== null) throw new Error(`cannot patch ${patch.file}: the file already exists`);
    return patch.to;
  }
  if (text === null) throw new Error(`cannot patch ${patch.file}: the file does not exist`);
  const at = text.indexOf(patch.from);
  if (at < 0 || text.indexOf(patch.from, at + 1) >= 0) {
    throw new Error(
      `cannot patch ${patch.file}: expected exactly one occurrence of ${JSON.stringify(patch.from)}`,
    );
  }
  return text.slice(0, at) + patch.to + text.slice(at + patch.from.length);
}
