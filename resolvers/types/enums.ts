import { registerEnumType } from 'type-graphql';
import { bi } from './describe';

export enum FigureTableEnum {
  T2 = 't2',
  T3 = 't3',
  T4 = 't4',
  NARRATIVE = 'n',
}
registerEnumType(FigureTableEnum, {
  name: 'FigureTable',
  description: bi(
    '数字所在的表格或正文',
    'Where a figure stands: one of the three tables, or the narrative',
  ),
  valuesConfig: {
    T2: { description: bi('表二 主动公开政府信息情况', 'Table 2: proactive disclosure') },
    T3: {
      description: bi(
        '表三 收到和处理政府信息公开申请情况',
        'Table 3: requests received and handled',
      ),
    },
    T4: {
      description: bi(
        '表四 行政复议、行政诉讼情况',
        'Table 4: administrative review and litigation',
      ),
    },
    NARRATIVE: {
      description: bi(
        '正文中出现的数字（键 n.*）',
        'A number stated in the narrative text (keys n.*)',
      ),
    },
  },
});

export enum ChangeKindEnum {
  IMPORT = 'import',
  EDIT = 'edit',
  REIMPORT = 'reimport',
  REVERT = 'revert',
  NARRATIVE = 'narrative',
  PUBLISH = 'publish',
  WITHDRAW = 'withdraw',
  REGION = 'region',
  SAMPLE = 'sample',
  REMOVE = 'remove',
  REVIEW_POLICY = 'reviewPolicy',
}
registerEnumType(ChangeKindEnum, {
  name: 'ChangeKind',
  description: bi('变更的种类', 'What kind of change an entry records'),
  valuesConfig: {
    IMPORT: { description: bi('首次导入', 'The first import of the report') },
    EDIT: { description: bi('人工修改数字', 'A person edited figures') },
    REIMPORT: { description: bi('重新导入带来的差异', 'A difference brought by a later document') },
    REVERT: { description: bi('撤销此前的修改', 'A compensating change undoing an earlier one') },
    NARRATIVE: { description: bi('人工修改正文', 'A person edited narrative text') },
    PUBLISH: { description: bi('发布', 'The report was published') },
    WITHDRAW: { description: bi('撤回', 'The report was withdrawn') },
    REGION: {
      description: bi(
        '管理员设置或更正机构的区划（from/to 为之前与之后的区划代码）',
        "An administrator set or corrected an agency's region (from/to: region code before and after)",
      ),
    },
    SAMPLE: { description: bi('机构标为示例数据', 'An agency was marked as sample data') },
    REMOVE: { description: bi('机构被移除', 'An agency was removed') },
    REVIEW_POLICY: {
      description: bi(
        '管理员设置机构的修改是否需审核（from/to 为 true 或 false）',
        "An administrator set whether edits of an agency's reports need approval (from/to: true or false)",
      ),
    },
  },
});

export enum RuleStatusEnum {
  OK = 'ok',
  FAILED = 'failed',
  NOT_ASSESSABLE = 'not_assessable',
}
registerEnumType(RuleStatusEnum, {
  name: 'RuleStatus',
  description: bi('勾稽规则的检查结果', 'Outcome of a consistency rule check'),
  valuesConfig: {
    OK: { description: bi('相符', 'The figures agree') },
    FAILED: { description: bi('不符', 'The figures disagree') },
    NOT_ASSESSABLE: {
      description: bi('无法判断（有空缺数字）', 'Cannot be judged: an operand is empty'),
    },
  },
});

/** A report's rule checks as a whole: never PASSED when no rule could be judged. */
export enum ReportRuleStatusEnum {
  PASSED = 'passed',
  FAILED = 'failed',
  NOT_ASSESSABLE = 'not_assessable',
}
registerEnumType(ReportRuleStatusEnum, {
  name: 'ReportRuleStatus',
  description: bi('报告勾稽检查的总体结果', "A report's consistency checks as a whole"),
  valuesConfig: {
    PASSED: {
      description: bi(
        '可判断的规则全部相符（至少一项）',
        'Every rule that could be judged agrees (at least one could)',
      ),
    },
    FAILED: { description: bi('至少一项不符', 'At least one rule fails') },
    NOT_ASSESSABLE: {
      description: bi(
        '不适用：没有一项规则可判断（如 2019 年模板或数字空缺）',
        'Not applicable: no rule could be judged (the 2019 template, or empty figures)',
      ),
    },
  },
});

export enum RuleSeverityEnum {
  ERROR = 'error',
  WARNING = 'warning',
}
registerEnumType(RuleSeverityEnum, {
  name: 'RuleSeverity',
  description: bi('规则的严重程度', 'How serious a rule failure is'),
  valuesConfig: {
    ERROR: { description: bi('错误：表内必须相符', 'Error: the format requires agreement') },
    WARNING: { description: bi('提示：可能有合理原因', 'Warning: there may be a good reason') },
  },
});

export enum ReportStatusEnum {
  DRAFT = 'draft',
  PUBLISHED = 'published',
  WITHDRAWN = 'withdrawn',
}
registerEnumType(ReportStatusEnum, {
  name: 'ReportStatus',
  description: bi('报告的发布状态', 'Publication status of a report'),
  valuesConfig: {
    DRAFT: { description: bi('未发布', 'Not published yet') },
    PUBLISHED: { description: bi('已发布', 'Published') },
    WITHDRAWN: { description: bi('已撤回', 'Withdrawn') },
  },
});
