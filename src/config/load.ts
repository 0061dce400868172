import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { packageRoot } from '../paths.js';
import { type Config, configSchema } from './schema.js';

/** A config that could not be read or does not fit the schema. The message names file and key. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

export interface LoadedConfig {
  config: Config;
  /** Folder the config file is in: relative paths in the config are resolved against it. */
  dir: string;
  file: string | null;
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const key = issue.path.length > 0 ? issue.path.join('.') : '(top level)';
  if (issue.code === 'unrecognized_keys') {
    const where = issue.path.length > 0 ? `in "${key}"` : 'at the top level';
    return `unknown key ${issue.keys.map((k) => `"${k}"`).join(', ')} ${where}`;
  }
  return `"${key}": ${issue.message}`;
}

/** Validates a parsed config object; throws ConfigError naming each bad key and what it expects. */
export function parseConfig(raw: unknown, file: string): Config {
  const result = configSchema.safeParse(raw ?? {});
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  - ${describeIssue(issue)}`);
    throw new ConfigError(`Invalid config ${file}:\n${lines.join('\n')}`);
  }
  return result.data;
}

/**
 * Reads the config file. A missing default file means "all defaults"; a missing file the user named
 * is an error.
 */
export function loadConfig(file: string | null, opts: { explicit: boolean }): LoadedConfig {
  if (file === null || (!existsSync(file) && !opts.explicit)) {
    return { config: parseConfig({}, '(defaults)'), dir: process.cwd(), file: null };
  }
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ConfigError(`Cannot read config ${file}: ${(error as Error).message}`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new ConfigError(`Config ${file} is not valid JSON: ${(error as Error).message}`);
  }
  return { config: parseConfig(raw, file), dir: path.dirname(path.resolve(file)), file: path.resolve(file) };
}

/**
 * Resolves a path named in the config: absolute as is; relative against the config's folder when
 * the file exists there, else against the package root (bundled `data/` files).
 */
export function resolveConfigPath(configDir: string, p: string): string {
  if (path.isAbsolute(p)) return p;
  const local = path.resolve(configDir, p);
  if (existsSync(local)) return local;
  const bundled = path.resolve(packageRoot, p);
  if (existsSync(bundled)) return bundled;
  return local;
}
