// The preamble the browser suites share: where the seed report and screenshots live, and a
// `describe` that runs only when what the suite needs is here. Missing, the suite skips with a
// printed notice; under CI=true it fails instead, so CI can never go green by skipping (the
// same rule as tests/support/sharedCorpus.ts).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { SHARED_CORPUS_DIR } from '../../support/sharedCorpus';
import { chromiumAvailable, CHROMIUM_PATH } from './browser';

const REPO_ROOT = path.resolve(__dirname, '../../..');

export const SEED_PATH = path.join(SHARED_CORPUS_DIR, '2024_pingluo-xian-shenpiju_seed.md');
export const SEED_AGENCY = '平罗县审批服务管理局';
export const SCREENSHOT_DIR = path.join(REPO_ROOT, 'docs', 'screenshots');
export const UPDATE_SCREENSHOTS = process.env.UPDATE_SCREENSHOTS === '1';

/** One thing a suite needs; `what` names it in the notice or failure when it is absent. */
export interface SuiteNeed {
  readonly what: string;
  readonly present: boolean;
}

export function seedReportNeed(): SuiteNeed {
  return { what: `seed report ${SEED_PATH}`, present: existsSync(SEED_PATH) };
}

export function chromiumNeed(): SuiteNeed {
  return {
    what: `chromium at ${CHROMIUM_PATH} (apt-get install chromium)`,
    present: chromiumAvailable(),
  };
}

/** `describe` when every need is present, else `describe.skip` (or, under CI=true, a throw). */
export function describeWhenPresent(suite: string, needs: readonly SuiteNeed[]): jest.Describe {
  const missing = needs.filter((need) => !need.present).map((need) => need.what);
  if (missing.length === 0) return describe;
  if (process.env.CI === 'true') {
    throw new Error(`${suite}: missing ${missing.join(' and ')}, and CI=true requires them`);
  }
  process.stdout.write(`\n${suite} skipped: missing ${missing.join(' and ')}\n`);
  return describe.skip;
}
