// ReportState <-> per-report read model documents (full document and list summary).
import { normaliseAgencyName } from '../../events/report/ids';
import type { ReportState } from '../../events/report/reportState';
import type { ReportReadDocument } from '../../models/reportReadModel';
import type { ReportSummaryDocument } from '../../models/reportSummaryModel';
import { crossYearFiguresOf, isCrossYearRule } from '../domain/rules/crossYearRules';
import { tallyRules } from '../domain/rules/ruleTally';
import { figureValuesOf, rulesOf } from './reportRules';

export function readDocumentOf(state: ReportState): ReportReadDocument {
  return { ...state, _id: state.reportId, agencyKey: normaliseAgencyName(state.agency) };
}

export function summaryOf(state: ReportState): ReportSummaryDocument {
  const { figures: _figures, narrative: _narrative, warnings: _warnings, ...rest } = state;
  const rules = rulesOf(state);
  const failedRules = rules
    .filter((rule) => rule.status === 'failed')
    .map((rule) => ({ id: rule.id, scope: rule.scope, severity: rule.severity }));
  return {
    ...rest,
    _id: state.reportId,
    agencyKey: normaliseAgencyName(state.agency),
    failedRuleCount: failedRules.length,
    failedRules,
    // What a list needs for the rule status (resolvers/reportRuleTally.ts) without this
    // report's figures: the rules of this report alone are counted here, once per revision.
    ownRuleTally: tallyRules(rules.filter((rule) => !isCrossYearRule(rule.id))),
    crossYearFigures: crossYearFiguresOf(figureValuesOf(state)),
  };
}

export function stateOf(document: ReportReadDocument): ReportState {
  const { _id, agencyKey, ...state } = document;
  void _id;
  void agencyKey;
  return state;
}
