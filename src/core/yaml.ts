/**
 * The part of the `yaml` package this project uses. The package is about a seventh of what the
 * extension would otherwise load at activation, and only Continue's YAML files need it, so
 * esbuild bundles this module as `dist/yaml.js`, loaded through {@link loadYaml} in `./lazy`
 * when the first YAML file is read or linted.
 *
 * Pure core: no `vscode` import.
 */
export { isAlias, isMap, isPair, isScalar, isSeq, parse, parseDocument } from 'yaml';
