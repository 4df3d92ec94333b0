// A corpus refusal (src/corpus/corpusInputError.ts) as a bulk export states it: the query
// parameter at fault, in the spelling of the caller, and the reason in Chinese. The corpus
// names GraphQL argument paths (`filter.regionCode`, `keys[2]`); an export has flat parameters.
import { CorpusInputError, type CorpusInputReason } from '../corpus/corpusInputError';
import {
  FIGURE_EXPORT_PARAMETERS,
  FigureExportQueryError,
  type FigureExportParameter,
} from './figureExportQuery';

const REASON_ZH: Readonly<Record<CorpusInputReason, string>> = {
  UNKNOWN_KEY: '不是已知的数字键或指标键',
  UNKNOWN_REGION: '不是已知的省、市、县区划代码',
  UNKNOWN_AGENCY: '不是已知的机构',
  TOO_MANY_KEYS: '键过多',
  TOO_MANY_DIMENSIONS: '分组维度过多：不按区划、机构或年度筛选时最多两个',
  TOO_MANY_GROUPS: '分组过多：请缩小筛选范围或减少分组',
  BAD_YEAR: '年度超出范围',
  BAD_CURSOR: '游标无效',
};

function parameterOfField(field: string): FigureExportParameter | null {
  const name = field.replace(/^filter\./, '').replace(/\[\d+\]$/, '');
  return (FIGURE_EXPORT_PARAMETERS as readonly string[]).includes(name)
    ? (name as FigureExportParameter)
    : null;
}

/** The refusal as a FigureExportQueryError, or null when `error` is not a corpus refusal. */
export function figureExportRefusal(
  error: unknown,
  spell: (parameter: FigureExportParameter) => string = (parameter) => parameter,
): FigureExportQueryError | null {
  if (!(error instanceof CorpusInputError)) return null;
  const parameter = parameterOfField(error.field) ?? 'key';
  const name = spell(parameter);
  return new FigureExportQueryError(
    parameter,
    `${name}: ${error.message}`,
    `参数 ${name} ${REASON_ZH[error.reason]}`,
  );
}
