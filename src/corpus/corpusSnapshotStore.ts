// Corpus snapshots as `_id`-addressed documents, the one read that is fast on FerretDB and on
// MongoDB alike: a manifest per snapshot (a small collection, listed at start) naming its
// chunks, and chunks of at most CHUNK_REPORTS reports (their columns as binary typed arrays),
// agencies and change entries. The manifest is inserted last, so a manifest only ever names
// chunks that exist; a writer that dies half-way leaves orphan chunks, which the next writer
// removes. Concurrent writers write different generations; a reader takes the newest whole one.
import { randomUUID } from 'node:crypto';
import { Binary, type Collection, type Db } from 'mongodb';
import type { CellChange, LogEntry, StatusChange } from './corpusIndex';
import {
  CORPUS_SNAPSHOT_FORMAT,
  type CorpusSnapshot,
  type SnapshotAgency,
  type SnapshotColumn,
} from './corpusSnapshot';
import type { DecimalString } from '../domain/importer/types';
import { asInt32, fromInt32, Packer, Unpacker } from './packedArrays';

const MANIFESTS = 'corpusSnapshots';
const CHUNKS = 'corpusSnapshotChunks';
/** 1000 reports x 200 keys x 9 bytes = 1.8 MB of binary per chunk, well under 16 MB. */
const CHUNK_REPORTS = 1000;
const CHUNK_ENTRIES = 20_000;
/** Manifests kept; older generations are removed by the writer. */
const KEEP_GENERATIONS = 2;

interface ManifestDocument {
  _id: string;
  format: number;
  checkpoint: number;
  reportCount: number;
  chunkIds: string[];
  createdAt: Date;
}

// Every chunk is a handful of BSON elements: typed arrays packed into one binary, everything
// else one JSON string (FerretDB's cost grows with the number of elements, not their size).
type ChunkDocument =
  | {
      _id: string;
      kind: 'reports';
      count: number;
      /** Report ids joined by ','. */
      reportIds: string;
      /** agency i32, year i16, status u8, importedAt f64, importedPosition f64, revision i32. */
      meta: Binary;
      /** Figure keys joined by ','. */
      keys: string;
      /** Per key: 'i' (values as int32) or 'f' (float64), then markers as u8. */
      encodings: string;
      data: Binary;
      /** JSON: { key: exact decimal texts } for decimal keys. */
      decimals: string;
    }
  | { _id: string; kind: 'agencies' | 'cellChanges' | 'statusChanges' | 'log'; json: string };

function binaryOf(buffer: Buffer): Binary {
  return new Binary(buffer);
}

function bytesOf(binary: Binary): Uint8Array {
  return binary.buffer;
}

function slices<T>(items: readonly T[], size: number): T[][] {
  const parts: T[][] = [];
  for (let start = 0; start < items.length; start += size)
    parts.push(items.slice(start, start + size));
  return parts;
}

function reportsChunk(
  id: string,
  snapshot: CorpusSnapshot,
  from: number,
  to: number,
): ChunkDocument {
  const meta = new Packer()
    .add(snapshot.agencyOfReport.subarray(from, to))
    .add(snapshot.yearOfReport.subarray(from, to))
    .add(snapshot.statusOfReport.subarray(from, to))
    .add(snapshot.importedAt.subarray(from, to))
    .add(snapshot.importedPosition.subarray(from, to))
    .add(snapshot.revisionOfReport.subarray(from, to));
  const data = new Packer();
  let encodings = '';
  const decimals: Record<string, Array<string | null>> = {};
  for (const column of snapshot.columns) {
    const values = column.values.subarray(from, to);
    const packed = asInt32(values);
    encodings += packed ? 'i' : 'f';
    data.add(packed ?? values).add(column.markers.subarray(from, to));
    if (column.decimals) decimals[column.key] = column.decimals.slice(from, to);
  }
  return {
    _id: id,
    kind: 'reports',
    count: to - from,
    reportIds: snapshot.reportIds.slice(from, to).join(','),
    meta: binaryOf(meta.buffer),
    keys: snapshot.columns.map((column) => column.key).join(','),
    encodings,
    data: binaryOf(data.buffer),
    decimals: JSON.stringify(decimals),
  };
}

function chunksOf(generation: string, snapshot: CorpusSnapshot): ChunkDocument[] {
  const chunks: ChunkDocument[] = [];
  let part = 0;
  const id = () => `${generation}:${String(part++).padStart(6, '0')}`;
  for (let from = 0; from < snapshot.reportIds.length; from += CHUNK_REPORTS) {
    chunks.push(
      reportsChunk(id(), snapshot, from, Math.min(from + CHUNK_REPORTS, snapshot.reportIds.length)),
    );
  }
  for (const agencies of slices(snapshot.agencies, CHUNK_ENTRIES))
    chunks.push({ _id: id(), kind: 'agencies', json: JSON.stringify(agencies) });
  for (const { key, changes } of snapshot.cellChanges) {
    for (const part of slices(changes, CHUNK_ENTRIES))
      chunks.push({ _id: id(), kind: 'cellChanges', json: JSON.stringify({ key, changes: part }) });
  }
  for (const changes of slices(snapshot.statusChanges, CHUNK_ENTRIES))
    chunks.push({ _id: id(), kind: 'statusChanges', json: JSON.stringify(changes) });
  for (const entries of slices(snapshot.log, CHUNK_ENTRIES))
    chunks.push({ _id: id(), kind: 'log', json: JSON.stringify(entries) });
  return chunks;
}

export class CorpusSnapshotStore {
  private readonly manifests: Collection<ManifestDocument>;
  private readonly chunks: Collection<ChunkDocument>;

  constructor(db: Db) {
    this.manifests = db.collection<ManifestDocument>(MANIFESTS);
    this.chunks = db.collection<ChunkDocument>(CHUNKS);
  }

  /** Writes the snapshot; returns its generation id. */
  async save(snapshot: CorpusSnapshot): Promise<string> {
    const generation = `${String(snapshot.checkpoint).padStart(15, '0')}-${randomUUID().slice(0, 8)}`;
    const chunks = chunksOf(generation, snapshot);
    for (const chunk of chunks) await this.chunks.insertOne(chunk);
    await this.manifests.insertOne({
      _id: generation,
      format: CORPUS_SNAPSHOT_FORMAT,
      checkpoint: snapshot.checkpoint,
      reportCount: snapshot.reportIds.length,
      chunkIds: chunks.map((chunk) => chunk._id),
      createdAt: new Date(),
    });
    await this.prune();
    return generation;
  }

  /** The newest whole snapshot of the current format, or null. */
  async loadLatest(): Promise<CorpusSnapshot | null> {
    const manifests = await this.manifests
      .find({})
      .sort({ _id: -1 })
      .limit(KEEP_GENERATIONS + 1)
      .toArray();
    for (const manifest of manifests) {
      if (manifest.format !== CORPUS_SNAPSHOT_FORMAT) continue;
      const snapshot = await this.read(manifest);
      if (snapshot) return snapshot;
    }
    return null;
  }

  private async read(manifest: ManifestDocument): Promise<CorpusSnapshot | null> {
    const count = manifest.reportCount;
    const snapshot: CorpusSnapshot = {
      format: manifest.format,
      checkpoint: manifest.checkpoint,
      reportIds: [],
      agencyOfReport: new Int32Array(count),
      yearOfReport: new Int16Array(count),
      statusOfReport: new Uint8Array(count),
      importedAt: new Float64Array(count),
      importedPosition: new Float64Array(count),
      revisionOfReport: new Int32Array(count),
      columns: [],
      cellChanges: [],
      statusChanges: [],
      agencies: [],
      log: [],
    };
    const columns = new Map<string, SnapshotColumn>();
    const cellChanges = new Map<string, CellChange[]>();
    for (const chunkId of manifest.chunkIds) {
      const chunk = await this.chunks.findOne({ _id: chunkId });
      if (!chunk) return null; // pruned under us: try an older generation or the log
      switch (chunk.kind) {
        case 'reports': {
          const from = snapshot.reportIds.length;
          const length = chunk.count;
          for (const reportId of chunk.reportIds.split(',')) snapshot.reportIds.push(reportId);
          const meta = new Unpacker(bytesOf(chunk.meta));
          snapshot.agencyOfReport.set(meta.i32(length), from);
          snapshot.yearOfReport.set(meta.i16(length), from);
          snapshot.statusOfReport.set(meta.u8(length), from);
          snapshot.importedAt.set(meta.f64(length), from);
          snapshot.importedPosition.set(meta.f64(length), from);
          snapshot.revisionOfReport.set(meta.i32(length), from);
          const data = new Unpacker(bytesOf(chunk.data));
          const decimals = JSON.parse(chunk.decimals) as Record<string, Array<string | null>>;
          chunk.keys.split(',').forEach((key, i) => {
            let column = columns.get(key);
            if (!column) {
              column = {
                key,
                values: new Float64Array(count),
                markers: new Uint8Array(count),
                decimals: decimals[key] ? [] : null,
              };
              columns.set(key, column);
            }
            const values =
              chunk.encodings[i] === 'i' ? fromInt32(data.i32(length)) : data.f64(length);
            column.values.set(values, from);
            column.markers.set(data.u8(length), from);
            if (column.decimals) {
              for (const value of decimals[key] ?? [])
                column.decimals.push(value as DecimalString | null);
            }
          });
          break;
        }
        case 'agencies':
          for (const agency of JSON.parse(chunk.json) as SnapshotAgency[])
            snapshot.agencies.push(agency);
          break;
        case 'cellChanges': {
          const part = JSON.parse(chunk.json) as { key: string; changes: CellChange[] };
          const changes = cellChanges.get(part.key) ?? [];
          for (const change of part.changes) changes.push(change);
          cellChanges.set(part.key, changes);
          break;
        }
        case 'statusChanges':
          for (const change of JSON.parse(chunk.json) as StatusChange[])
            snapshot.statusChanges.push(change);
          break;
        case 'log':
          for (const entry of JSON.parse(chunk.json) as LogEntry[]) snapshot.log.push(entry);
          break;
      }
    }
    if (snapshot.reportIds.length !== count) return null;
    snapshot.columns = [...columns.values()];
    snapshot.cellChanges = [...cellChanges].map(([key, changes]) => ({ key, changes }));
    return snapshot;
  }

  /** Removes all but the newest generations, and chunks no manifest names (a dead writer's). */
  private async prune(): Promise<void> {
    const manifests = await this.manifests
      .find({}, { projection: { _id: 1 } })
      .sort({ _id: -1 })
      .toArray();
    const keep = manifests.slice(0, KEEP_GENERATIONS).map((manifest) => manifest._id);
    const oldest = keep[keep.length - 1];
    if (!oldest) return;
    for (const manifest of manifests.slice(KEEP_GENERATIONS)) {
      await this.manifests.deleteOne({ _id: manifest._id });
    }
    // Chunk ids start with their generation; anything older than the oldest kept generation
    // (including orphans of a writer that died) goes.
    await this.chunks.deleteMany({ _id: { $lt: oldest } });
  }
}
