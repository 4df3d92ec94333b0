import { detectMetadata, qualifyAgency } from '../../src/domain/importer/metadata';

describe('agency name', () => {
  it('prefers the parent-qualified name the body itself states', () => {
    const lines = [
      '                示范区人民政府',
      '      2023 年政府信息公开工作年度报告',
      '本报告由某某市示范区人民政府办公室编制。',
    ];
    expect(detectMetadata(lines)).toEqual({ agency: '某某市示范区人民政府', year: 2023 });
  });

  it('keeps the title name when the body never qualifies it', () => {
    expect(qualifyAgency('示范县审批服务管理局', '示范县审批服务管理局坚持……')).toBe(
      '示范县审批服务管理局',
    );
  });

  it('expands common short forms so one agency keeps one name across years', () => {
    expect(qualifyAgency('某某市科委', '某某市科委 2024 年')).toBe('某某市科学技术委员会');
    expect(qualifyAgency('某县发改局', '')).toBe('某县发展和改革局');
  });
});
