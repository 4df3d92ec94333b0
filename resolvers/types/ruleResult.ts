import { Field, ObjectType } from 'type-graphql';
import { DecimalScalar } from '../scalars';
import { bi } from './describe';
import { RuleSeverityEnum, RuleStatusEnum } from './enums';

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

  @Field(() => String, { description: bi('说明', 'Explanation') })
  message!: string;
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
