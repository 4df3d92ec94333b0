// Public surface of the narrative extractor.
export { extractNarrative, type ExtractedNarrative } from './extractNarrative';
