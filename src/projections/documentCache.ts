// The latest read model documents this process has seen, by report id (least recently used
// dropped first). Only a starting point: projectReport always reads the stream after the
// cached revision and writes conditionally on it, so a stale entry costs a retry, never a
// wrong result. Saves reading a ~100 KB document before every edit.
import type { ReportReadDocument } from '../../models/reportReadModel';

export class ReportDocumentCache {
  private readonly entries = new Map<string, ReportReadDocument>();

  constructor(private readonly capacity = 100) {}

  get(reportId: string): ReportReadDocument | undefined {
    const document = this.entries.get(reportId);
    if (document) {
      this.entries.delete(reportId);
      this.entries.set(reportId, document);
    }
    return document;
  }

  set(document: ReportReadDocument): void {
    const current = this.entries.get(document._id);
    if (current && current.revision > document.revision) return;
    this.entries.delete(document._id);
    this.entries.set(document._id, document);
    while (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
  }

  clear(): void {
    this.entries.clear();
  }
}
