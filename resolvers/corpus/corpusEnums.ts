// Enums of the corpus queries: agency levels and kinds, region status, orderings and group
// dimensions. Values are the domain's own strings, so resolvers pass them through unchanged.
import { registerEnumType } from 'type-graphql';
import { bi } from '../types/describe';

export enum AgencyLevelEnum {
  PROVINCE = 'province',
  CITY = 'city',
  COUNTY = 'county',
  TOWNSHIP = 'township',
}
registerEnumType(AgencyLevelEnum, {
  name: 'AgencyLevel',
  description: bi('行政层级', 'Administrative level'),
  valuesConfig: {
    PROVINCE: { description: bi('省级', 'Province level') },
    CITY: { description: bi('市级', 'City (prefecture) level') },
    COUNTY: { description: bi('县级', 'County level') },
    TOWNSHIP: { description: bi('乡级', 'Township level') },
  },
});

export enum AgencyKindEnum {
  GOVERNMENT = 'government',
  DEPARTMENT = 'department',
  OTHER = 'other',
}
registerEnumType(AgencyKindEnum, {
  name: 'AgencyKind',
  description: bi('机构类别', 'Kind of agency'),
  valuesConfig: {
    GOVERNMENT: { description: bi('人民政府', "People's government") },
    DEPARTMENT: { description: bi('政府部门', 'Government department') },
    OTHER: { description: bi('其他', 'Other body') },
  },
});

export enum RegionStatusEnum {
  RESOLVED = 'resolved',
  SET = 'set',
  AMBIGUOUS = 'ambiguous',
  UNRESOLVED = 'unresolved',
}
registerEnumType(RegionStatusEnum, {
  name: 'RegionStatus',
  description: bi('机构区划的来源', "Where an agency's region comes from"),
  valuesConfig: {
    RESOLVED: { description: bi('由机构名称确定', 'Resolved from the agency name') },
    SET: { description: bi('由管理员设置', 'Set by an administrator') },
    AMBIGUOUS: {
      description: bi('名称可指多个区划，待管理员设置', 'The name fits several regions; to be set'),
    },
    UNRESOLVED: {
      description: bi('名称不含可识别的区划，待管理员设置', 'No region in the name; to be set'),
    },
  },
});

export enum ValueOrderByEnum {
  VALUE = 'VALUE',
  AGENCY_NAME = 'AGENCY_NAME',
  YEAR = 'YEAR',
}
registerEnumType(ValueOrderByEnum, {
  name: 'ValueOrderBy',
  description: bi('排序依据', 'What to order by'),
  valuesConfig: {
    VALUE: { description: bi('按数值（空白总在最后）', 'By value (blanks always last)') },
    AGENCY_NAME: { description: bi('按机构名称（拼音）', 'By agency name (pinyin order)') },
    YEAR: { description: bi('按年度', 'By year') },
  },
});

export enum SortDirectionEnum {
  ASC = 'ASC',
  DESC = 'DESC',
}
registerEnumType(SortDirectionEnum, {
  name: 'SortDirection',
  description: bi('排序方向', 'Sort direction'),
  valuesConfig: {
    ASC: { description: bi('升序', 'Ascending') },
    DESC: { description: bi('降序', 'Descending') },
  },
});

export enum GroupDimensionEnum {
  YEAR = 'YEAR',
  PROVINCE = 'PROVINCE',
  CITY = 'CITY',
  COUNTY = 'COUNTY',
  LEVEL = 'LEVEL',
  AGENCY = 'AGENCY',
}
registerEnumType(GroupDimensionEnum, {
  name: 'GroupDimension',
  description: bi('汇总的分组维度', 'A dimension to group aggregates by'),
  valuesConfig: {
    YEAR: { description: bi('年度', 'Year') },
    PROVINCE: { description: bi('省级区划', 'Province') },
    CITY: { description: bi('市级区划', 'City') },
    COUNTY: { description: bi('县级区划', 'County') },
    LEVEL: { description: bi('机构层级', 'Agency level') },
    AGENCY: { description: bi('机构', 'Agency') },
  },
});
