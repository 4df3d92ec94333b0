// Where the MongoDB binary for the embedded server comes from: the cache that
// mongodb-memory-server keeps (~/.cache/mongodb-binaries), or its download. Before a download is
// tried, its host is probed with short timeouts, so an offline machine (where the host does not
// even resolve) gives up at once instead of hanging on a socket.
import { lookup } from 'node:dns/promises';
import https from 'node:https';
import { DryMongoBinary } from 'mongodb-memory-server-core/lib/util/DryMongoBinary';
import { MongoBinaryDownloadUrl } from 'mongodb-memory-server-core/lib/util/MongoBinaryDownloadUrl';

/** The MongoDB release the embedded server runs (the version users get from docker-compose.yml). */
export const EMBEDDED_MONGODB_VERSION = '7.0.14';

export type MongodbBinarySource =
  | { available: true; cachedPath: string | null; downloadUrl: string | null }
  | { available: false; reason: string };

export interface LocateMongodbOptions {
  version?: string;
  /** How long the DNS lookup and the HTTPS probe may each take (default 3 s). */
  probeTimeoutMs?: number;
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function headStatus(url: string, timeoutMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = https.request(url, { method: 'HEAD', timeout: timeoutMs }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    request.on('timeout', () => request.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    request.on('error', reject);
    request.end();
  });
}

/** Finds the cached binary, or checks that its download can start; never downloads. */
export async function locateMongodbBinary(
  options: LocateMongodbOptions = {},
): Promise<MongodbBinarySource> {
  const version = options.version ?? EMBEDDED_MONGODB_VERSION;
  const timeoutMs = options.probeTimeoutMs ?? 3000;
  try {
    const binaryOptions = await DryMongoBinary.generateOptions({ version });
    const cachedPath = (await DryMongoBinary.locateBinary(binaryOptions)) ?? null;
    if (cachedPath) return { available: true, cachedPath, downloadUrl: null };
    const downloadUrl = await new MongoBinaryDownloadUrl({
      platform: binaryOptions.platform,
      arch: binaryOptions.arch,
      version,
      os: binaryOptions.os,
    }).getDownloadUrl();
    const host = new URL(downloadUrl).hostname;
    try {
      await withTimeout(lookup(host), timeoutMs, `resolving ${host}`);
    } catch (error) {
      return {
        available: false,
        reason: `the download host ${host} does not resolve (${message(error)})`,
      };
    }
    try {
      const status = await headStatus(downloadUrl, timeoutMs);
      if (status >= 400) {
        return { available: false, reason: `the download ${downloadUrl} answered HTTP ${status}` };
      }
    } catch (error) {
      return {
        available: false,
        reason: `the download ${downloadUrl} cannot be reached (${message(error)})`,
      };
    }
    return { available: true, cachedPath: null, downloadUrl };
  } catch (error) {
    return {
      available: false,
      reason: `no MongoDB ${version} build for this machine (${message(error)})`,
    };
  }
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
