// A report in the 2019 template (before 国办公开办函〔2021〕30号): the importer recognises it and
// reads no 2021 table keys from it, so it imports with no table figures and no rule can be judged.
export const TEMPLATE_2019_AGENCY = '某局';

export const TEMPLATE_2019_REPORT = [
  `${TEMPLATE_2019_AGENCY}2019年政府信息公开工作年度报告`,
  '二、主动公开政府信息情况',
  '第二十条第（一）项',
  '信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量',
  '规章\t0\t0\t0',
  '第二十条第（五）项',
  '信息内容\t上一年项目数量\t本年增/减\t处理决定数量',
  '行政许可\t3\t0\t120',
  '三、收到和处理政府信息公开申请情况',
  '一、本年新收政府信息公开申请数量\t\t4\t0\t0\t0\t0\t0\t4',
].join('\n');
