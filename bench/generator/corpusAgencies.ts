// Agencies over real regions for the corpus bench: governments and bureaus of provinces,
// cities and counties, named as they name themselves (江苏省淮安市洪泽区教育局), so that every
// name resolves through src/domain/regions like a real one. Deterministic for a seed.
import { chinaDivisions } from '../../src/domain/regions/chinaDivisions';
import type { Division } from '../../src/domain/regions/regionTypes';
import type { Random } from './prng';

const PROVINCE_BODIES = [
  '人民政府',
  '发展和改革委员会',
  '教育厅',
  '财政厅',
  '自然资源厅',
  '生态环境厅',
];
const CITY_BODIES = [
  '人民政府',
  '发展和改革委员会',
  '教育局',
  '财政局',
  '自然资源和规划局',
  '市场监督管理局',
  '生态环境局',
];
const COUNTY_BODIES = [
  '人民政府',
  '发展和改革局',
  '教育局',
  '财政局',
  '审批服务管理局',
  '卫生健康委员会',
  '农业农村局',
  '住房和城乡建设局',
  '民政局',
  '交通运输局',
  '水利局',
  '人力资源和社会保障局',
  '市场监督管理局',
  '应急管理局',
  '文化和旅游局',
];

function fullName(division: Division): string {
  return chinaDivisions()
    .path(division.code)
    .map((step) => step.name)
    .join('');
}

/** `count` distinct agency names: about 2 % provincial, 10 % city, the rest county bodies. */
export function corpusAgencies(count: number, random: Random): string[] {
  const tree = chinaDivisions();
  const provinces = [...tree.children(null)];
  const cities: Division[] = [];
  const counties: Division[] = [];
  for (const province of provinces) {
    for (const child of tree.children(province.code)) {
      if (child.tier === 'city') {
        cities.push(child);
        counties.push(...tree.children(child.code));
      } else counties.push(child);
    }
  }
  const names = new Set<string>();
  const add = (region: Division, bodies: readonly string[]) => {
    for (let tries = 0; tries < bodies.length; tries++) {
      const name = `${fullName(region)}${random.pick(bodies)}`;
      if (!names.has(name)) {
        names.add(name);
        return;
      }
    }
  };
  const capacity =
    provinces.length * PROVINCE_BODIES.length +
    cities.length * CITY_BODIES.length +
    counties.length * COUNTY_BODIES.length;
  if (count > capacity) throw new RangeError(`at most ${capacity} distinct corpus agencies`);
  while (names.size < count) {
    const roll = random.next();
    if (roll < 0.02) add(random.pick(provinces), PROVINCE_BODIES);
    else if (roll < 0.12) add(random.pick(cities), CITY_BODIES);
    else add(random.pick(counties), COUNTY_BODIES);
  }
  return [...names];
}
