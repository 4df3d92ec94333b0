import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { DecimalScalar } from '../scalars';
import { bi } from './describe';
import { RuleSeverityEnum, RuleStatusEnum } from './enums';

/** Why a rule could not be judged (the domain's NotAssessableReason, in GraphQL's spelling). */
export enum RuleNotAssessableReasonEnum {
  EMPTY_CELLS = 'empty_cells',
  NO_PREVIOUS_YEAR_REPORT = 'no_previous_year_report',
}

registerEnumType(RuleNotAssessableReasonEnum, {
  name: 'RuleNotAssessableReason',
  description: bi('规则无法判断的原因', 'Why a rule could not be judged'),
  valuesConfig: {
    EMPTY_CELLS: {
      description: bi(
        '参与检查的单元格有空白（跨年度规则也包括上一年度的单元格）',
        "A cell the rule reads is blank (for a cross-year rule, also last year's)",
      ),
    },
    NO_PREVIOUS_YEAR_REPORT: {
      description: bi(
        '跨年度规则：账本中没有该机关上一年度的报告',
        "A cross-year rule, and the ledger has no report of the agency's previous year",
      ),
    },
  },
});

@ObjectType({ description: bi('一条勾稽规则的检查结果', 'Result of one consistency rule check') })
export class RuleResult {
  @Field(() => String, { description: bi('规则 ID（如 T3_BALANCE）', 'Rule id, e.g. T3_BALANCE') })
  id!: string;

  @Field(() => String, {
    description: bi('检查范围（列、行、组或键）', 'What was checked: a column, row, group or key'),
  })
  scope!: string;

  @Field(() => RuleStatusEnum, { description: bi('结果', 'Outcome') })
  status!: RuleStatusEnum;

  @Field(() => RuleSeverityEnum, { description: bi('严重程度', 'Severity') })
  severity!: RuleSeverityEnum;

  @Field(() => [String], { description: bi('参与检查的数字键', 'Every figure key the check read') })
  keys!: string[];

  @Field(() => DecimalScalar, {
    nullable: true,
    description: bi('等式左边', 'Left side of the equation'),
  })
  left!: string | null;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: bi('等式右边', 'Right side of the equation'),
  })
  right!: string | null;

  @Field(() => String, {
    description: bi('说明（英文，同 messageEn）', 'Explanation in English (same as messageEn)'),
  })
  message!: string;

  /** The domain result's Chinese text; read through `chineseMessage` (GraphQL `messageZh`). */
  messageZh?: string;

  @Field(() => String, {
    name: 'messageZh',
    description: bi('说明（中文）', 'Explanation in Chinese'),
  })
  chineseMessage(): string {
    // Every rule writes one; a result built without it still answers, in English.
    return this.messageZh ?? this.message;
  }

  @Field(() => String, {
    name: 'messageEn',
    description: bi('说明（英文）', 'Explanation in English'),
  })
  englishMessage(): string {
    return this.message;
  }

  @Field(() => RuleNotAssessableReasonEnum, {
    nullable: true,
    description: bi(
      '无法判断的原因（仅当结果为 NOT_ASSESSABLE）',
      'Why it could not be judged (only when the status is NOT_ASSESSABLE)',
    ),
  })
  notAssessableReason?: RuleNotAssessableReasonEnum | null;
}

@ObjectType({ description: bi('导入时的提示', 'A warning the importer raised') })
export class ImportWarning {
  @Field(() => String, { description: bi('稳定的提示代码', 'Stable warning code') })
  code!: string;

  @Field(() => [String], { description: bi('涉及的数字键', 'Figure keys concerned') })
  keys!: string[];

  @Field(() => String, { description: bi('说明', 'Explanation') })
  message!: string;
}
