// A tiny local ESLint rule that holds the layer order of src/ (VS Code's `code-layering` rule is
// the model): every file belongs to one layer, and may import only from its own layer and the
// layers listed for it below. Relative imports are resolved against the importing file, so the
// check does not depend on how many `../` a path has or on folder names repeated inside core.
import path from 'node:path';

/**
 * The layers, lowest first, and what each may import (besides itself). `*` imports anything.
 * core < cli; core < context, ui < servers < resources < calls < history; servers < configEditor;
 * extension.ts and the command table wire everything together.
 */
export const LAYERS = {
  core: [],
  cli: ['core'],
  commandIds: [],
  context: ['core'],
  ui: ['core'],
  servers: ['core', 'context', 'commandIds', 'ui'],
  resources: ['core', 'context', 'commandIds', 'ui', 'servers'],
  calls: ['core', 'context', 'commandIds', 'ui', 'servers', 'resources'],
  history: ['core', 'context', 'commandIds', 'ui', 'servers', 'resources', 'calls'],
  configEditor: ['core', 'context', 'commandIds', 'ui', 'servers'],
  // the webview page scripts (form view, Protocol view), run in a browser (a browser): plain-data modules of the core only
  webview: ['core'],
  main: ['*'],
};

/** Files directly in src/ and their layer. */
const ROOT_FILES = {
  'extension.ts': 'main',
  'commands.ts': 'main',
  'context.ts': 'context',
  'settings.ts': 'context',
  'commandIds.ts': 'commandIds',
};

/** The layer of a file under `src` (path relative to src/, `/`-separated), or undefined. */
function layerOf(rel) {
  const [first, ...rest] = rel.split('/');
  if (rest.length === 0) return ROOT_FILES[first.replace(/\.(ts|js)$/, '') + '.ts'];
  return Object.hasOwn(LAYERS, first) && !Object.hasOwn(ROOT_FILES, first) ? first : undefined;
}

const rule = {
  meta: {
    type: 'problem',
    docs: { description: 'An import in src/ never runs up a layer (see eslint/layers.mjs)' },
    messages: {
      upward: "src/{{from}} may not import '{{spec}}' (src/{{to}}): layer '{{fromLayer}}' may import only {{allowed}}. Move the shared part down a layer or pass it in through the context.",
      unknown: "src/{{from}} is in no layer: add its folder to LAYERS in eslint/layers.mjs.",
    },
    schema: [],
  },
  create(context) {
    const src = path.join(context.cwd, 'src');
    const file = context.filename;
    const rel = path.relative(src, file).split(path.sep).join('/');
    if (rel.startsWith('..')) return {};
    const fromLayer = layerOf(rel);
    const check = (node, spec) => {
      if (typeof spec !== 'string' || !spec.startsWith('.')) return;
      const target = path.relative(src, path.resolve(path.dirname(file), spec)).split(path.sep).join('/');
      if (target.startsWith('..')) return;
      const toLayer = layerOf(target) ?? layerOf(target + '.ts');
      const allowed = LAYERS[fromLayer];
      if (!toLayer || toLayer === fromLayer || allowed.includes('*') || allowed.includes(toLayer)) return;
      context.report({ node, messageId: 'upward', data: { from: rel, spec, to: target, fromLayer, allowed: allowed.length ? allowed.join(', ') : 'nothing of ours' } });
    };
    return {
      Program(node) {
        if (!fromLayer) context.report({ node, messageId: 'unknown', data: { from: rel } });
      },
      ImportDeclaration: (node) => fromLayer && check(node.source, node.source.value),
      ExportNamedDeclaration: (node) => fromLayer && node.source && check(node.source, node.source.value),
      ExportAllDeclaration: (node) => fromLayer && check(node.source, node.source.value),
      ImportExpression: (node) => fromLayer && node.source.type === 'Literal' && check(node.source, node.source.value),
    };
  },
};

export default { rules: { 'layers': rule } };
