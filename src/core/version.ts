/** Set at build time by esbuild's `define` from package.json (scripts/build.mjs). */
declare const __MCP_DEVTOOLS_VERSION__: string;

/** The package version, e.g. `0.1.0`. */
export const VERSION: string = __MCP_DEVTOOLS_VERSION__;
