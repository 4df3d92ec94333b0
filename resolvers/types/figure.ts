import { Field, Int, ObjectType } from 'type-graphql';
import type { FigureState } from '../../events/report/reportState';
import { figureDefinition } from '../../src/domain/format/figureCatalog';
import { reportAtRevisionId, toGlobalId } from '../globalId';
import { DecimalScalar } from '../scalars';
import { bi } from './describe';
import { FigureTableEnum } from './enums';
import { FigureChange, figureChangeOfRef } from './figureChange';
import { Node } from './node';
import { SourceLocation } from './sourceLocation';

@ObjectType({
  implements: Node,
  description: bi(
    '报告中的一个数字：表格单元格或正文中的数字，附来源与最后修改',
    'One figure of a report: a table cell or a number in the narrative, with provenance and last change',
  ),
})
export class Figure extends Node {
  @Field(() => String, {
    description: bi(
      '稳定的数字键，如 t3.newReceived.total',
      'Stable key, e.g. t3.newReceived.total',
    ),
  })
  key!: string;

  @Field(() => String, { description: bi('中文标签（行 — 列）', 'Chinese label (row — column)') })
  label!: string;

  @Field(() => FigureTableEnum, { description: bi('所在表格', 'Table it belongs to') })
  table!: FigureTableEnum;

  @Field(() => String, {
    description: bi('行标签（正文数字为段落号）', 'Row label (section id for narrative figures)'),
  })
  row!: string;

  @Field(() => String, { nullable: true, description: bi('列标签', 'Column label') })
  column!: string | null;

  @Field(() => String, {
    description: bi(
      '单位：pieces 件、10k_yuan 万元、applications 件申请、cases 件案件，或正文单位',
      'Unit: pieces, 10k_yuan, applications, cases, or the narrative unit',
    ),
  })
  unit!: string;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: bi('当前值；空白或标记时为空', 'Current value; null when empty or a marker'),
  })
  value!: string | null;

  @Field(() => String, { nullable: true, description: bi('单元格原文', 'Raw text of the cell') })
  raw!: string | null;

  @Field(() => Boolean, {
    description: bi('是否为空（空与 0 不同）', 'Whether the cell holds no number (empty is not 0)'),
  })
  empty!: boolean;

  @Field(() => String, {
    nullable: true,
    description: bi(
      '代替数字的标记，如 "/"、"—"、"无"',
      'Marker standing in the cell: "/", "-", "—", "无"',
    ),
  })
  marker!: string | null;

  @Field(() => Boolean, {
    description: bi(
      '导入程序无法确定此读数',
      'The importer could not determine this reading for sure',
    ),
  })
  uncertain!: boolean;

  @Field(() => SourceLocation, {
    nullable: true,
    description: bi('来源位置（出处）', 'Provenance: where it was read'),
  })
  source!: SourceLocation | null;

  @Field(() => String, {
    nullable: true,
    description: bi('正文数字所在的句子', 'For narrative figures: the sentence around the number'),
  })
  sentence!: string | null;

  @Field(() => Int, {
    description: bi('最后修改此数字的修订号', 'Revision that last changed this figure'),
  })
  revision!: number;

  @Field(() => FigureChange, { description: bi('最后一次修改', 'The last change of this figure') })
  lastChange!: FigureChange;

  readonly __typename = 'Figure';
  /** Not fields. */
  reportId!: string;
  /** Revision of the report view this figure belongs to (history stops there). */
  viewRevision!: number;
}

const UNIT_FALLBACK = 'pieces';

/** `historical`: the figure of a past revision, with an id of its own (`<report>@<revision>:<key>`). */
export function figureOf(
  state: FigureState,
  reportId: string,
  viewRevision: number,
  historical = false,
): Figure {
  const definition = figureDefinition(state.key);
  const narrative = state.narrative;
  const lastChange = figureChangeOfRef(state.lastChange, reportId, {
    key: state.key,
    from: state.previousValue ?? null,
    to: state.value,
  });
  return Object.assign(new Figure(), {
    id: toGlobalId(
      'Figure',
      `${historical ? reportAtRevisionId(reportId, viewRevision) : reportId}:${state.key}`,
    ),
    key: state.key,
    label: definition
      ? `${definition.rowLabel} — ${definition.columnLabel}`
      : (narrative?.sentence ?? state.key),
    table: definition ? (definition.table as FigureTableEnum) : FigureTableEnum.NARRATIVE,
    row: definition ? definition.rowLabel : (narrative?.sectionId ?? ''),
    column: definition ? definition.columnLabel : null,
    unit: definition ? definition.unit : (narrative?.unit ?? UNIT_FALLBACK),
    value: state.value,
    raw: state.raw,
    empty: state.value === null,
    marker: state.marker,
    uncertain: state.uncertain,
    source: state.source,
    sentence: narrative?.sentence ?? null,
    revision: state.revision,
    lastChange,
    reportId,
    viewRevision,
  });
}
