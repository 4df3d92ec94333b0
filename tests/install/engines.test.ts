// The `engines` claim in package.json is a promise to users: every installed package must run on
// the oldest Node it names, or `npm ci` warns (EBADENGINE) and the claim is false.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import semver from 'semver';

const root = path.resolve(__dirname, '../..');

interface LockedPackage {
  engines?: { node?: string } | string[];
  dev?: boolean;
}

function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(path.join(root, file), 'utf8')) as T;
}

describe('package engines (unit)', () => {
  const manifest = readJson<{ engines: { node: string } }>('package.json');
  const lock = readJson<{ packages: Record<string, LockedPackage> }>('package-lock.json');
  const oldestNode = semver.minVersion(manifest.engines.node);

  it('given the engines claim, when the lock file is read, then it names a concrete oldest Node', () => {
    expect(oldestNode).not.toBeNull();
  });

  it('given every locked package, when its engines.node is compared with the oldest supported Node, then each accepts it', () => {
    const refusing = Object.entries(lock.packages)
      .filter(([name]) => name !== '')
      .flatMap(([name, locked]) => {
        const wanted = Array.isArray(locked.engines) ? undefined : locked.engines?.node;
        if (!wanted || !oldestNode) return [];
        return semver.satisfies(oldestNode, wanted, { includePrerelease: true })
          ? []
          : [`${name.replace(/^.*node_modules\//, '')} wants node ${wanted}`];
      });
    expect(refusing).toEqual([]);
  });

  it('given the Node running the tests, when compared with the engines claim, then it is supported', () => {
    expect(semver.satisfies(process.version, manifest.engines.node)).toBe(true);
  });
});
