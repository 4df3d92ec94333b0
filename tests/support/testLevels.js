// Which test files are integration tests: those that reach a real database, directly or through
// a helper under tests/. Everything else is a unit test and runs in jest's `unit` project, which
// starts no database (a unit test that reaches for one fails: NIANBAO_TEST_MONGODB_URI is unset).
// Plain CommonJS because jest.config.js loads it before any transform.
const { readdirSync, readFileSync } = require('node:fs');
const path = require('node:path');

/** What only storage-touching code mentions. */
const STORAGE_MARKERS = [
  /support\/testDatabase['"]/,
  /src\/database\//,
  /src\/application\/createLedger['"]/,
  /src\/cli\/openLedger['"]/,
  /['"]src\/main\.ts['"]/,
  /NIANBAO_TEST_MONGODB_URI/,
];

const IMPORT = /(?:from\s+|import\s*\(\s*|require\s*\(\s*)['"](\.{1,2}\/[^'"]+)['"]/g;

function resolveImport(fromFile, specifier) {
  const base = path.resolve(path.dirname(fromFile), specifier);
  for (const candidate of [
    base,
    `${base}.ts`,
    `${base}.tsx`,
    `${base}.js`,
    path.join(base, 'index.ts'),
  ]) {
    try {
      readFileSync(candidate);
      return candidate;
    } catch {
      // try the next spelling
    }
  }
  return null;
}

function listTestFiles(directory) {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) return listTestFiles(full);
    return entry.name.endsWith('.test.ts') ? [full] : [];
  });
}

/** True when `file`, or a file it imports from under `testsRoot`, touches storage. */
function touchesStorage(file, testsRoot, seen = new Map()) {
  if (seen.has(file)) return seen.get(file);
  seen.set(file, false);
  const text = readFileSync(file, 'utf8');
  let result = STORAGE_MARKERS.some((marker) => marker.test(text));
  for (const match of text.matchAll(IMPORT)) {
    if (result) break;
    const target = resolveImport(file, match[1]);
    if (target && target.startsWith(testsRoot)) result = touchesStorage(target, testsRoot, seen);
  }
  seen.set(file, result);
  return result;
}

/** Splits the test files under `testsRoot` (skipping `excluded` folders) by level. */
function testFilesByLevel(testsRoot, excluded = []) {
  const seen = new Map();
  const files = listTestFiles(testsRoot).filter(
    (file) => !excluded.some((folder) => file.startsWith(path.join(testsRoot, folder) + path.sep)),
  );
  const integration = files.filter((file) => touchesStorage(file, testsRoot, seen));
  const unit = files.filter((file) => !integration.includes(file));
  return { unit, integration };
}

module.exports = { testFilesByLevel, touchesStorage };
