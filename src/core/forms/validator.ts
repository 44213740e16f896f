/**
 * Ajv over a tool's whole `inputSchema`: the final check before sending (the arguments are
 * validated against the whole schema, not only step by step), and the exact check of one step's answer
 * against the root locations its field stands for.
 *
 * Pure core: no `vscode` import.
 */
import type Ajv from 'ajv';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { createAjv, dialectOf, type Dialect } from './dialect';
import { humanPath, join, pointerToFragment } from './pointer';
import { isObject } from './schemaIndex';

/** One problem with the arguments: `pointer` names the field (RFC 6901), `message` says what is wrong. */
export interface ValidationIssue {
  pointer: string;
  message: string;
}

/** The verdict on a whole set of arguments. `schemaError` set: Ajv could not compile the schema, nothing was checked. */
export interface ValidationResult {
  valid: boolean;
  issues: ValidationIssue[];
  schemaError?: string;
}

const ROOT_ID = 'mcp-devtools:input-schema';
const MAX_ISSUES = 20;

export class SchemaValidator {
  readonly dialect: Dialect;
  private readonly ajv: Ajv;
  private readonly cache = new Map<string, ValidateFunction | string>();
  private readonly rootError: string | undefined;

  /** @param root the tool's `inputSchema`; its `$schema` picks the dialect (2020-12 when absent). */
  constructor(root: unknown) {
    this.dialect = dialectOf(root);
    this.ajv = createAjv(this.dialect);
    const copy: Record<string, unknown> = isObject(root) ? { ...root } : typeof root === 'boolean' ? (root ? {} : { not: {} }) : {};
    delete copy.$schema;
    copy.$id = ROOT_ID;
    try {
      this.ajv.addSchema(copy);
      this.ajv.getSchema(ROOT_ID);
    } catch (e) {
      this.rootError = (e as Error).message;
    }
  }

  /** The whole arguments object against the whole schema. Never throws. */
  validate(value: unknown): ValidationResult {
    const v = this.compile(['']);
    if (typeof v === 'string') return { valid: true, issues: [], schemaError: v };
    const ok = run(v, value);
    if (typeof ok === 'string') return { valid: true, issues: [], schemaError: ok };
    if (ok) return { valid: true, issues: [] };
    return { valid: false, issues: issuesOf(v.errors ?? []) };
  }

  /**
   * One value against the conjunction of root locations (pointers into the schema). Returns the
   * first problem as a sentence, or `undefined` when it passes or cannot be checked (no sources,
   * or a schema Ajv cannot compile: the final {@link validate} reports that).
   */
  check(sources: readonly string[], value: unknown): string | undefined {
    if (!sources.length) return undefined;
    const v = this.compile(sources);
    if (typeof v === 'string' || run(v, value) !== false) return undefined;
    const issues = issuesOf(v.errors ?? []);
    const first = issues[0];
    if (!first) return 'is not valid';
    return first.pointer ? `${humanPath(first.pointer)}: ${first.message}` : first.message;
  }

  private compile(sources: readonly string[]): ValidateFunction | string {
    if (this.rootError) return `the schema cannot be compiled: ${this.rootError}`;
    const key = sources.join('\n');
    let v = this.cache.get(key);
    if (!v) {
      try {
        const refs = sources.map((p) => ({ $ref: `${ROOT_ID}#${pointerToFragment(p)}` }));
        v = this.ajv.compile(refs.length === 1 ? refs[0] : { allOf: refs });
      } catch (e) {
        v = `the schema cannot be compiled: ${(e as Error).message}`;
      }
      this.cache.set(key, v);
    }
    return v;
  }
}

/** Runs a validator; a schema that refers to itself without end (`{ "$ref": "#" }`) overflows the stack: that comes back as a message. */
function run(v: ValidateFunction, value: unknown): boolean | string {
  try {
    return v(value) as boolean;
  } catch (e) {
    return `the schema cannot be evaluated: ${(e as Error).message}`;
  }
}

/**
 * Ajv errors → issues naming the field: `required` and `additionalProperties` point at the
 * property itself. Branch noise from `anyOf`/`oneOf` is kept short: one message per pointer.
 */
export function issuesOf(errors: readonly ErrorObject[]): ValidationIssue[] {
  const out: ValidationIssue[] = [];
  const seen = new Set<string>();
  // Deepest first: the most specific complaint is the useful one.
  const sorted = [...errors].sort((a, b) => b.instancePath.split('/').length - a.instancePath.split('/').length);
  for (const e of sorted) {
    let pointer = e.instancePath;
    let message = e.message ?? 'is not valid';
    const p = e.params as Record<string, unknown>;
    if ((e.keyword === 'required' || e.keyword === 'dependentRequired' || e.keyword === 'dependencies') && typeof p.missingProperty === 'string') {
      pointer = join(pointer, p.missingProperty);
      message = typeof p.property === 'string' ? `is required when ${p.property} is set` : 'is required';
    } else if (e.keyword === 'additionalProperties' && typeof p.additionalProperty === 'string') {
      pointer = join(pointer, p.additionalProperty);
      message = 'is not an allowed property';
    } else if (e.keyword === 'enum' && Array.isArray(p.allowedValues)) {
      message = `must be one of ${p.allowedValues.map((x) => JSON.stringify(x)).join(', ')}`;
    } else if (e.keyword === 'format') {
      message = `must be a valid ${String(p.format)}`;
    }
    if (seen.has(pointer)) continue;
    seen.add(pointer);
    out.push({ pointer, message });
    if (out.length >= MAX_ISSUES) break;
  }
  return out;
}
