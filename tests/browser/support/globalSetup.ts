// Browser tests: the shared test database (tests/support/globalSetup.ts) plus a fresh build of
// the viewer when web/dist is missing or older than any source file under web/ (the same check
// `npm start` makes).
import { buildViewer, viewerBuildState, WEB_DIST } from '../../../src/viewer/viewerBuild';
import databaseSetup from '../../support/globalSetup';

export function viewerBuildIsStale(): boolean {
  return viewerBuildState(WEB_DIST) !== 'fresh';
}

export default async function globalSetup(): Promise<void> {
  if (viewerBuildIsStale()) {
    process.stdout.write('\nbuilding the web viewer…\n');
    await buildViewer(WEB_DIST, (line) => process.stdout.write(line + '\n'));
  }
  await databaseSetup();
}
