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

type ChunkDocument =
  | {
      _id: string;
      kind: 'reports';
      reportIds: string[];
      agency: Binary;
      year: Binary;
      status: Binary;
      importedAt: Binary;
      importedPosition: Binary;
      revision: Binary;
      columns: Array<{
        key: string;
        values: Binary;
        markers: Binary;
        decimals: Array<string | null> | null;
      }>;
    }
  | { _id: string; kind: 'agencies'; agencies: SnapshotAgency[] }
  | { _id: string; kind: 'cellChanges'; key: string; changes: CellChange[] }
  | { _id: string; kind: 'statusChanges'; changes: StatusChange[] }
  | { _id: string; kind: 'log'; entries: LogEntry[] };

function binaryOf(array: ArrayBufferView): Binary {
  return new Binary(Buffer.from(array.buffer, array.byteOffset, array.byteLength));
}

/** Copies into a fresh, aligned buffer: a BSON buffer's offset need not fit a Float64Array. */
function bytesOf(binary: Binary): Uint8Array {
  const source = binary.buffer;
  const copy = new Uint8Array(source.byteLength);
  copy.set(source);
  return copy;
}

function float64Of(binary: Binary): Float64Array {
  return new Float64Array(bytesOf(binary).buffer);
}

function int32Of(binary: Binary): Int32Array {
  return new Int32Array(bytesOf(binary).buffer);
}

function int16Of(binary: Binary): Int16Array {
  return new Int16Array(bytesOf(binary).buffer);
}

function slices<T>(items: readonly T[], size: number): T[][] {
  const parts: T[][] = [];
  for (let start = 0; start < items.length; start += size)
    parts.push(items.slice(start, start + size));
  return parts;
}

function chunksOf(generation: string, snapshot: CorpusSnapshot): ChunkDocument[] {
  const chunks: ChunkDocument[] = [];
  let part = 0;
  const id = () => `${generation}:${String(part++).padStart(6, '0')}`;
  for (let from = 0; from < snapshot.reportIds.length; from += CHUNK_REPORTS) {
    const to = Math.min(from + CHUNK_REPORTS, snapshot.reportIds.length);
    chunks.push({
      _id: id(),
      kind: 'reports',
      reportIds: snapshot.reportIds.slice(from, to),
      agency: binaryOf(snapshot.agencyOfReport.subarray(from, to)),
      year: binaryOf(snapshot.yearOfReport.subarray(from, to)),
      status: binaryOf(snapshot.statusOfReport.subarray(from, to)),
      importedAt: binaryOf(snapshot.importedAt.subarray(from, to)),
      importedPosition: binaryOf(snapshot.importedPosition.subarray(from, to)),
      revision: binaryOf(snapshot.revisionOfReport.subarray(from, to)),
      columns: snapshot.columns.map((column) => ({
        key: column.key,
        values: binaryOf(column.values.subarray(from, to)),
        markers: binaryOf(column.markers.subarray(from, to)),
        decimals: column.decimals ? column.decimals.slice(from, to) : null,
      })),
    });
  }
  for (const agencies of slices(snapshot.agencies, CHUNK_ENTRIES))
    chunks.push({ _id: id(), kind: 'agencies', agencies });
  for (const { key, changes } of snapshot.cellChanges) {
    for (const part of slices(changes, CHUNK_ENTRIES))
      chunks.push({ _id: id(), kind: 'cellChanges', key, changes: part });
  }
  for (const changes of slices(snapshot.statusChanges, CHUNK_ENTRIES))
    chunks.push({ _id: id(), kind: 'statusChanges', changes });
  for (const entries of slices(snapshot.log, CHUNK_ENTRIES))
    chunks.push({ _id: id(), kind: 'log', entries });
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
          for (const reportId of chunk.reportIds) snapshot.reportIds.push(reportId);
          snapshot.agencyOfReport.set(int32Of(chunk.agency), from);
          snapshot.yearOfReport.set(int16Of(chunk.year), from);
          snapshot.statusOfReport.set(bytesOf(chunk.status), from);
          snapshot.importedAt.set(float64Of(chunk.importedAt), from);
          snapshot.importedPosition.set(float64Of(chunk.importedPosition), from);
          snapshot.revisionOfReport.set(int32Of(chunk.revision), from);
          for (const saved of chunk.columns) {
            let column = columns.get(saved.key);
            if (!column) {
              column = {
                key: saved.key,
                values: new Float64Array(count),
                markers: new Uint8Array(count),
                decimals: saved.decimals ? [] : null,
              };
              columns.set(saved.key, column);
            }
            column.values.set(float64Of(saved.values), from);
            column.markers.set(bytesOf(saved.markers), from);
            if (column.decimals && saved.decimals) {
              for (const value of saved.decimals)
                column.decimals.push(value as DecimalString | null);
            }
          }
          break;
        }
        case 'agencies':
          for (const agency of chunk.agencies) snapshot.agencies.push(agency);
          break;
        case 'cellChanges': {
          const changes = cellChanges.get(chunk.key) ?? [];
          for (const change of chunk.changes) changes.push(change);
          cellChanges.set(chunk.key, changes);
          break;
        }
        case 'statusChanges':
          for (const change of chunk.changes) snapshot.statusChanges.push(change);
          break;
        case 'log':
          for (const entry of chunk.entries) snapshot.log.push(entry);
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
