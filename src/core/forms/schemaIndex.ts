/**
 * A root schema, indexed: where every sub-schema sits (a JSON pointer into the root), local
 * `$ref`s resolved with cycle protection, and `allOf` merged — while remembering, for every
 * derived schema, which original locations it stands for, so a step's answer can be validated
 * with Ajv against exactly those locations (no approximation from the merge).
 *
 * Pure core: no `vscode` import.
 */
import { getAt, localRefPointer } from './pointer';

/** A JSON Schema object (boolean schemas are turned into objects: `true` → `{}`, `false` → `{ not: {} }`). */
export type JsonSchema = Record<string, unknown>;

/** The outcome of {@link SchemaIndex.resolve}. `problem` says why the form cannot plan it (a JSON step follows). */
export interface Resolved {
  schema: JsonSchema;
  /** The `$ref` targets (pointers) followed from the top of the form to here. */
  chain: readonly string[];
  problem?: string;
}

const ANNOTATIONS = new Set(['title', 'description', 'default', 'examples', 'enumNames', 'x-enumNames']);
const MAX = new Set(['minimum', 'exclusiveMinimum', 'minLength', 'minItems', 'minProperties']);
const MIN = new Set(['maximum', 'exclusiveMaximum', 'maxLength', 'maxItems', 'maxProperties']);

export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export class SchemaIndex {
  readonly root: JsonSchema;
  /** Fields classified so far: a budget against schemas whose shared `$ref`s multiply (a diamond per level). */
  classified = 0;
  /** Fields being classified, one inside the other, now: a bound on nesting (see `MAX_DEPTH` in classify.ts). */
  depth = 0;
  private readonly locations = new WeakMap<object, string>();
  private readonly derived = new WeakMap<object, string[]>();

  /** @param root the tool's `inputSchema` (any JSON; a non-object is treated as `{}`) */
  constructor(root: unknown) {
    this.root = this.toSchema(root);
    this.index(this.root, '');
  }

  /** The root locations a schema stands for (empty for schemas made up by the planner). */
  sources(schema: JsonSchema): string[] {
    const d = this.derived.get(schema);
    if (d) return d;
    const l = this.locations.get(schema);
    return l === undefined ? [] : [l];
  }

  /** Records that `derived` stands for the same locations as `from`; returns `derived`. */
  derive(derived: JsonSchema, from: JsonSchema): JsonSchema {
    this.derived.set(derived, this.sources(from));
    return derived;
  }

  /** `true` → `{}`, `false` → `{ not: {} }`, objects as they are, anything else `{}`. */
  toSchema(v: unknown): JsonSchema {
    if (isObject(v)) return v;
    if (v === false) return { not: {} };
    return {};
  }

  /**
   * Follows local `$ref`s (into `$defs`, `definitions` or any pointer of the root; siblings are
   * kept, as 2020-12 allows) and merges `allOf`, repeatedly. A `$ref` already on `chain` is a
   * cycle: it comes back with a `problem` and is not followed.
   */
  resolve(input: unknown, chain: readonly string[]): Resolved {
    let s = this.toSchema(input);
    for (let guard = 0; guard < 64; guard++) {
      if (typeof s.$dynamicRef === 'string' || typeof s.$recursiveRef === 'string') return { schema: s, chain, problem: 'uses $dynamicRef/$recursiveRef' };
      if (typeof s.$ref === 'string') {
        const p = localRefPointer(s.$ref);
        if (p === undefined) return { schema: s, chain, problem: `$ref "${s.$ref}" points outside this schema` };
        if (chain.includes(p)) return { schema: s, chain, problem: `$ref "${s.$ref}" is recursive` };
        const target = getAt(this.root, p);
        if (target === undefined) return { schema: s, chain, problem: `$ref "${s.$ref}" points at nothing` };
        const rest = { ...s };
        delete rest.$ref;
        this.derived.set(rest, this.sources(s));
        s = this.merge(this.toSchema(target), rest);
        chain = [...chain, p];
        continue;
      }
      if (Array.isArray(s.allOf)) {
        const base = { ...s };
        delete base.allOf;
        this.derived.set(base, this.sources(s));
        let merged: JsonSchema = {};
        for (const m of s.allOf) {
          const r = this.resolve(m, chain);
          if (r.problem) return { schema: s, chain, problem: r.problem };
          merged = this.merge(merged, r.schema);
        }
        s = this.merge(merged, base);
        continue;
      }
      return { schema: s, chain };
    }
    return { schema: s, chain, problem: '$ref/allOf nest too deeply' };
  }

  /**
   * The conjunction of two schemas, as far as a form needs it: properties and required united,
   * bounds tightened, types and enums intersected, annotations from `b`. Sub-schemas that both
   * constrain become `{ allOf: [a, b] }` (resolved later). Exact validation does not rely on this:
   * the result remembers both sources.
   */
  merge(a: JsonSchema, b: JsonSchema): JsonSchema {
    if (!Object.keys(b).length) return a;
    if (!Object.keys(a).length) return b;
    const out: JsonSchema = { ...a };
    for (const [k, bv] of Object.entries(b)) {
      const av = a[k];
      if (av === undefined || ANNOTATIONS.has(k)) out[k] = bv;
      else if (k === 'properties' && isObject(av) && isObject(bv)) {
        const props: Record<string, unknown> = { ...av };
        for (const [p, ps] of Object.entries(bv)) props[p] = p in av ? this.both(av[p], ps) : ps;
        out[k] = props;
      } else if (k === 'required' && Array.isArray(av) && Array.isArray(bv)) out[k] = [...new Set([...av, ...bv])];
      else if (k === 'type') out[k] = intersectTypes(av, bv);
      else if (k === 'enum' && Array.isArray(av) && Array.isArray(bv)) out[k] = av.filter((x) => bv.some((y) => JSON.stringify(x) === JSON.stringify(y)));
      else if (MAX.has(k) && typeof av === 'number' && typeof bv === 'number') out[k] = Math.max(av, bv);
      else if (MIN.has(k) && typeof av === 'number' && typeof bv === 'number') out[k] = Math.min(av, bv);
      else if ((k === 'items' || k === 'additionalProperties') && av !== bv && (isObject(av) || isObject(bv))) out[k] = this.both(av, bv);
    }
    this.derived.set(out, [...new Set([...this.sources(a), ...this.sources(b)])]);
    return out;
  }

  private both(a: unknown, b: unknown): unknown {
    if (a === b || b === true) return a;
    if (a === true) return b;
    const s = { allOf: [a, b] };
    this.derived.set(s, [...new Set([...this.sources(this.toSchema(a)), ...this.sources(this.toSchema(b))])]);
    return s;
  }

  private index(v: unknown, at: string): void {
    if (typeof v !== 'object' || v === null || this.locations.has(v)) return;
    this.locations.set(v, at);
    const entries = Array.isArray(v) ? v.map((x, i) => [String(i), x] as const) : Object.entries(v);
    for (const [k, x] of entries) this.index(x, `${at}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`);
  }
}

function intersectTypes(a: unknown, b: unknown): unknown {
  const as = Array.isArray(a) ? a : [a];
  const bs = Array.isArray(b) ? b : [b];
  // `integer` is a `number`; keep the narrower.
  const both = as.flatMap((t) => (bs.includes(t) ? [t] : t === 'number' && bs.includes('integer') ? ['integer'] : t === 'integer' && bs.includes('number') ? ['integer'] : []));
  if (!both.length) return a;
  return both.length === 1 ? both[0] : both;
}
