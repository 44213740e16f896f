/**
 * Picks the {@link ConfigFormat} of a file for the linter: an explicit format or format id, else
 * the registry's {@link formatForPath}.
 */
import { ALL_FORMATS, formatForPath, type ConfigFormat } from '../config/formats';
import type { DiscoveryEnv } from '../config/env';

/** Every format the linter can name (the registry's). */
export function knownFormats(): readonly ConfigFormat[] {
  return ALL_FORMATS;
}

/** The format for an explicit id, or for a path; `undefined` when the file is not a known MCP config. */
export function resolveFormat(path: string, format?: ConfigFormat | string, env?: DiscoveryEnv): ConfigFormat | undefined {
  if (typeof format === 'object') return format;
  if (typeof format === 'string') return ALL_FORMATS.find((k) => k.id === format);
  return formatForPath(path, env);
}
