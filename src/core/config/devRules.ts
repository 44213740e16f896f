import type { DevConfig } from './model';
import { child, str, type SourceNode } from './sourceTree';

/**
 * VS Code's `dev` field of one server object (see {@link DevConfig}): `watch` as a string or a
 * list of strings, `debug.type` and `debug.debugpyPath`. `undefined` when there is no `dev`
 * object. Values of the wrong type are left out here; the `dev-mode` lint rule reports them.
 */
export function devOf(server: SourceNode): DevConfig | undefined {
  const dev = server.type === 'object' ? child(server, 'dev') : undefined;
  if (dev?.type !== 'object') return undefined;
  const out: DevConfig = { watch: [] };
  if (dev.range) out.range = dev.range;
  const watch = child(dev, 'watch');
  if (watch?.type === 'string') out.watch.push({ value: watch.value, range: watch.range });
  else if (watch?.type === 'array') for (const item of watch.items) if (item.type === 'string') out.watch.push({ value: item.value, range: item.range });
  const debug = child(dev, 'debug');
  const type = str(child(debug, 'type'));
  if (type) out.debug = type;
  const debugpyPath = str(child(debug, 'debugpyPath'));
  if (debugpyPath) out.debugpyPath = debugpyPath;
  return out;
}
