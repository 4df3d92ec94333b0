// The projections' checkpoint: every event at or below it is in the read models.
import type { ProjectionContext } from './projectionContext';

export const PROJECTIONS_CHECKPOINT = 'projections';
/**
 * Every event at or below it has its report's stored full document rewritten at or past it
 * (see compactReadModels.ts); a start rewrites the reports of the events after it.
 */
export const BASES_CHECKPOINT = 'projections.fullDocuments';

export async function readCheckpoint(
  context: ProjectionContext,
  name = PROJECTIONS_CHECKPOINT,
): Promise<number> {
  const document = await context.models.checkpoints.findById(name).lean().exec();
  return document?.position ?? 0;
}

/** Only moves forwards, so several processes can share it. */
export async function saveCheckpoint(
  context: ProjectionContext,
  position: number,
  name = PROJECTIONS_CHECKPOINT,
): Promise<void> {
  await context.models.checkpoints.collection
    .updateOne(
      { _id: name } as never,
      { $max: { position }, $set: { updatedAt: new Date() } },
      { upsert: true },
    )
    .catch(async (error: { code?: number }) => {
      if (error.code !== 11000) throw error;
      await context.models.checkpoints.collection.updateOne({ _id: name } as never, {
        $max: { position },
        $set: { updatedAt: new Date() },
      });
    });
}
