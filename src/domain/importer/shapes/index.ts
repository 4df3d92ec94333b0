// Every table-shape reader the importer knows, best fit first on ties.
import { flattenedTextReader } from './flattenedText';
import { htmlTableReader } from './htmlTable';
import { pdftotextLayoutReader } from './pdftotextLayout';
import { pdftotextRawReader } from './pdftotextRaw';
import type { TableShapeReader } from './shapeReader';
import { textRowsReader } from './textRows';

export const SHAPE_READERS: readonly TableShapeReader[] = [
  htmlTableReader,
  textRowsReader,
  flattenedTextReader,
  pdftotextLayoutReader,
  pdftotextRawReader,
];
