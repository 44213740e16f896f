/**
 * Which JSON Schema dialect a schema speaks, and an Ajv instance for it.
 *
 * MCP spec 2025-11-25: JSON Schema 2020-12 is the default dialect when `$schema` is absent;
 * servers built on zod (most of the reference servers) still declare draft-07.
 *
 * Pure core: no `vscode` import.
 */
import Ajv, { type Options } from 'ajv';
import Ajv2019 from 'ajv/dist/2019';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';

export type Dialect = '2020-12' | '2019-09' | 'draft-07';

/**
 * The dialect a schema declares with `$schema`: 2019-09 and drafts 04/06/07 are recognised,
 * anything else (absent, unknown) is 2020-12 (spec 2025-11-25). Drafts 04 and 06 are validated
 * as draft-07, their nearest neighbour that Ajv ships.
 */
export function dialectOf(schema: unknown): Dialect {
  const id = schema && typeof schema === 'object' ? (schema as { $schema?: unknown }).$schema : undefined;
  if (typeof id !== 'string') return '2020-12';
  if (/draft-0[4-7]\b/.test(id)) return 'draft-07';
  if (/2019-09/.test(id)) return '2019-09';
  return '2020-12';
}

/**
 * A fresh Ajv for a dialect: every error (`allErrors`), formats from ajv-formats (email, uri,
 * date, date-time, uuid, …), no strict mode (real schemas carry vendor keywords), and no
 * meta-schema check (a schema Ajv cannot compile is reported when compiling).
 */
export function createAjv(dialect: Dialect, options: Options = {}): Ajv {
  // `logger: false`: unknown formats are a server's business, not lines on our stdout.
  const o: Options = { strict: false, allErrors: true, validateSchema: false, logger: false, ...options };
  const ajv = dialect === 'draft-07' ? new Ajv(o) : dialect === '2019-09' ? new Ajv2019(o) : new Ajv2020(o);
  addFormats(ajv);
  return ajv;
}
