/**
 * The form view's script (runs in the webview, bundled by esbuild into dist/formView.js with
 * @vscode-elements/elements): renders a {@link FormModel} as one whole form — every field with its
 * title, description and hint; nested objects; arrays and maps with Add and Remove; a picker for
 * variants; defaults, examples, nullable — and talks to the extension with messages (see
 * `src/calls/formView.ts` for the other side). Values are checked here only as far as text must
 * parse (a number, JSON); everything else is Ajv's, on the extension side, sent back as issues by
 * field pointer while the user types.
 *
 * Keyboard: Tab moves through the fields in order; Enter in a one-line field or Ctrl/Cmd+Enter
 * anywhere sends; Escape cancels.
 */
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-checkbox/index.js';
import '@vscode-elements/elements/dist/vscode-form-helper/index.js';
import '@vscode-elements/elements/dist/vscode-label/index.js';
import '@vscode-elements/elements/dist/vscode-multi-select/index.js';
import '@vscode-elements/elements/dist/vscode-option/index.js';
import '@vscode-elements/elements/dist/vscode-single-select/index.js';
import '@vscode-elements/elements/dist/vscode-textarea/index.js';
import '@vscode-elements/elements/dist/vscode-textfield/index.js';
import type { FormModel } from '../core/forms/formModel';
import { variantIndexFor, type FormNode } from '../core/forms/formNode';
import type { FormViewToHost, FormViewToWebview } from '../core/forms/formViewMessages';

declare function acquireVsCodeApi(): { postMessage(m: FormViewToHost): void };
const vscode = acquireVsCodeApi();

/** What a field holds now: nothing (an optional field left empty: left out), a value, or text that does not parse. */
type Read = { present: false } | { present: true; value: unknown } | { present: true; error: string };

/** One rendered field. Containers compute their value from their children. */
interface Comp {
  el: HTMLElement;
  read(): Read;
  /** The children and the pointer token of each (a property name, an item index, a map key). */
  children(): [string, Comp][];
  /** Shows (or clears) a message under the field. */
  setIssue(message: string | undefined): void;
  focus(): void;
  /** Test API (and the same as the user's typing or clicking): set text, add an item or entry, pick a variant. */
  setText?(text: string): void;
  add?(): void;
  pick?(index: number): void;
}

let model: FormModel | undefined;
let root: Comp | undefined;
let seq = 0;

const h = <K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...kids: (Node | string)[]): HTMLElementTagNameMap[K] => {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  e.append(...kids);
  return e;
};
const el = (tag: string, attrs: Record<string, string> = {}, ...kids: (Node | string)[]): HTMLElement => {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  e.append(...kids);
  return e;
};
const show = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));
const join = (p: string, t: string) => `${p}/${t.replace(/~/g, '~0').replace(/\//g, '~1')}`;
const nextId = () => `f${++seq}`;

/**
 * The label, description and hint, the input, and the issue line, as VS Code's Settings editor
 * lays them out (the description above the input). `bare` (the items of an array of values): the
 * input and its issue only, its title as the input's accessible name.
 */
function frame(node: FormNode, name: string | undefined, required: boolean, id: string, input: HTMLElement | undefined, extra: HTMLElement[] = [], bare = false): { el: HTMLElement; issue: HTMLElement } {
  const issue = h('div', { class: 'issue', role: 'alert' });
  const title = name !== undefined && name !== node.title ? `${node.title} (${name})` : node.title;
  if (bare) {
    input?.setAttribute('aria-label', title);
    return { el: h('div', { class: `field bare kind-${node.kind}` }, ...(input ? [input] : []), ...extra, issue), issue };
  }
  const label = el('vscode-label', { for: id, ...(required ? { required: '' } : {}) }, title);
  const help: HTMLElement[] = [];
  const hints = [node.description, node.hint, node.hasDefault ? `default ${show(node.default)}` : '', node.examples.length ? `e.g. ${node.examples.slice(0, 3).map(show).join(', ')}` : ''].filter(Boolean) as string[];
  if (hints.length) help.push(el('vscode-form-helper', {}, h('p', {}, hints.join(' · '))));
  const box = h('div', { class: `field kind-${node.kind}` }, label, ...help, ...(input ? [input] : []), ...extra, issue);
  return { el: box, issue };
}

function setIssueOn(issue: HTMLElement, input: HTMLElement | undefined, message: string | undefined): void {
  issue.textContent = message ?? '';
  if (input && 'invalid' in input) (input as unknown as { invalid: boolean }).invalid = !!message;
}

/** The null toggle of a nullable field: checked, the field's value is `null`. */
function nullToggle(node: FormNode, initial: unknown, onChange: () => void): { el: HTMLElement; on(): boolean } | undefined {
  if (!node.nullable) return undefined;
  const box = el('vscode-checkbox', { label: 'null', ...(initial === null ? { checked: '' } : {}) }) as HTMLElement & { checked: boolean };
  box.addEventListener('change', onChange);
  return { el: box, on: () => box.checked };
}

/**
 * A field of any kind at `pointer`, started from `initial` (undefined: empty; a required field
 * with a default starts from it).
 */
function field(node: FormNode, name: string | undefined, required: boolean, initial: unknown, bare = false): Comp {
  if (initial === undefined && required && node.hasDefault) initial = node.default;
  switch (node.kind) {
    case 'object': return objectField(node, name, required, initial);
    case 'array': return arrayField(node, name, required, initial);
    case 'map': return mapField(node, name, required, initial);
    case 'variant': return variantField(node, name, required, initial);
    case 'const': return constField(node);
    case 'boolean': case 'enum': return choiceField(node, name, required, initial, bare);
    case 'multiSelect': return multiField(node, name, required, initial, bare);
    default: return textField(node, name, required, initial, bare);
  }
}

function constField(node: FormNode): Comp {
  const e = h('div', { class: 'field const' });
  return { el: e, read: () => ({ present: true, value: node.value }), children: () => [], setIssue: () => undefined, focus: () => undefined };
}

/** string, number, integer, json: a text field (a text area for JSON). */
function textField(node: FormNode, name: string | undefined, required: boolean, initial: unknown, bare: boolean): Comp {
  const id = nextId();
  const json = node.kind === 'json';
  const input = el(json ? 'vscode-textarea' : 'vscode-textfield', { id, ...(json ? { rows: '4', monospace: '' } : {}) }) as HTMLElement & { value: string; placeholder: string };
  const start = initial === undefined || initial === null ? (json && required ? JSON.stringify(node.skeleton ?? {}, null, 2) : '') : json ? JSON.stringify(initial, null, 2) : String(initial);
  input.value = start;
  input.placeholder = [node.hint, !json && node.examples.length ? `e.g. ${show(node.examples[0])}` : '', json ? node.reason : ''].filter(Boolean).join(' — ');
  const nul = nullToggle(node, initial, () => {
    (input as unknown as { disabled: boolean }).disabled = nul!.on();
    changed();
  });
  if (nul?.on()) (input as unknown as { disabled: boolean }).disabled = true;
  const { el: box, issue } = frame(node, name, required, id, input, nul ? [nul.el] : [], bare);
  const parse = (): Read => {
    if (nul?.on()) return { present: true, value: null };
    const t = input.value;
    // an empty field is not filled in: left out (a required one is then Ajv's "must have required property")
    if (t === '') return { present: false };
    if (node.kind === 'string') return { present: true, value: t };
    if (json) {
      try {
        return { present: true, value: JSON.parse(t) as unknown };
      } catch (e) {
        return { present: true, error: `Not valid JSON: ${(e as Error).message}` };
      }
    }
    const n = t.trim() === '' ? NaN : Number(t.trim());
    if (!Number.isFinite(n)) return { present: true, error: node.kind === 'integer' ? 'Enter a whole number' : 'Enter a number' };
    if (node.kind === 'integer' && !Number.isInteger(n)) return { present: true, error: 'Enter a whole number (no fraction)' };
    return { present: true, value: n };
  };
  input.addEventListener('input', changed);
  if (!json) input.addEventListener('keydown', (e: KeyboardEvent) => {
    if (e.key === 'Enter' && !e.ctrlKey && !e.metaKey) {
      e.preventDefault();
      submit();
    }
  });
  return {
    el: box,
    read: parse,
    children: () => [],
    setIssue: (m) => setIssueOn(issue, input, m),
    focus: () => input.focus(),
    setText: (text) => {
      input.value = text;
      changed();
    },
  };
}

/** boolean and enum: a drop-down (plus "not set" when optional, `null` when nullable). */
function choiceField(node: FormNode, name: string | undefined, required: boolean, initial: unknown, bare: boolean): Comp {
  const id = nextId();
  const choices: { label: string; value: unknown }[] = node.kind === 'boolean' ? [{ label: 'true', value: true }, { label: 'false', value: false }] : [...(node.choices ?? [])];
  if (node.nullable) choices.push({ label: 'null', value: null });
  const options = [...(required ? [] : [{ label: '(not set)', value: undefined }]), ...choices];
  let at = options.findIndex((o) => o.value !== undefined && JSON.stringify(o.value) === JSON.stringify(initial));
  if (at < 0) at = 0;
  const select = el('vscode-single-select', { id }, ...options.map((o, i) => el('vscode-option', { value: String(i), ...(i === at ? { selected: '' } : {}) }, o.label))) as HTMLElement & { value: string };
  select.addEventListener('change', changed);
  const { el: box, issue } = frame(node, name, required, id, select, [], bare);
  const current = () => options[Number(select.value || at)];
  return {
    el: box,
    read: () => {
      const o = current();
      return o && o.value !== undefined ? { present: true, value: o.value } : { present: false };
    },
    children: () => [],
    setIssue: (m) => setIssueOn(issue, select, m),
    focus: () => select.focus(),
    setText: (text) => {
      const i = options.findIndex((o) => o.label === text);
      if (i >= 0) select.value = String(i);
      changed();
    },
  };
}

function multiField(node: FormNode, name: string | undefined, required: boolean, initial: unknown, bare: boolean): Comp {
  const id = nextId();
  const choices = node.choices ?? [];
  const chosen = Array.isArray(initial) ? initial : [];
  const select = el('vscode-multi-select', { id }, ...choices.map((c, i) => el('vscode-option', { value: String(i), ...(chosen.some((x) => JSON.stringify(x) === JSON.stringify(c.value)) ? { selected: '' } : {}) }, c.label))) as HTMLElement & { value: string[] };
  select.addEventListener('change', changed);
  const { el: box, issue } = frame(node, name, required, id, select, [], bare);
  return {
    el: box,
    read: () => {
      const values = (select.value ?? []).map((i) => choices[Number(i)]?.value);
      return !values.length && !required ? { present: false } : { present: true, value: values };
    },
    children: () => [],
    setIssue: (m) => setIssueOn(issue, select, m),
    focus: () => select.focus(),
  };
}

/**
 * An optional (or nullable) container: a checkbox that includes it (or sets it to `null`); the
 * container itself is built only while included.
 */
function optionalBox(node: FormNode, name: string | undefined, required: boolean, initial: unknown, inner: (initial: unknown) => Comp): Comp {
  if (required && !node.nullable) return inner(initial);
  const id = nextId();
  const title = name !== undefined && name !== node.title ? `${node.title} (${name})` : node.title;
  const toggle = el('vscode-checkbox', { id, label: required ? `${title}: fill in (else null)` : `${title} (optional): fill in`, ...(initial !== undefined && initial !== null ? { checked: '' } : {}) }) as HTMLElement & { checked: boolean };
  const holder = h('div', { class: 'optional-body' });
  const issue = h('div', { class: 'issue', role: 'alert' });
  const box = h('div', { class: 'field optional' }, toggle, holder, issue);
  let child: Comp | undefined;
  const sync = (start: unknown) => {
    holder.replaceChildren();
    child = toggle.checked ? inner(start) : undefined;
    if (child) holder.append(child.el);
  };
  sync(initial);
  toggle.addEventListener('change', () => {
    sync(undefined);
    changed();
  });
  return {
    el: box,
    read: () => (child ? child.read() : required ? { present: true, value: null } : { present: false }),
    children: () => (child ? [['', child]] : []),
    setIssue: (m) => setIssueOn(issue, undefined, m),
    focus: () => toggle.focus(),
    add: () => {
      if (!toggle.checked) {
        toggle.checked = true;
        sync(undefined);
        changed();
      }
    },
  };
}

function objectField(node: FormNode, name: string | undefined, required: boolean, initial: unknown): Comp {
  const inner = (start: unknown): Comp => {
    const given = typeof start === 'object' && start !== null ? (start as Record<string, unknown>) : {};
    const props = (node.properties ?? []).map((p) => [p.name, field(p.field, p.name, p.required, given[p.name])] as [string, Comp]);
    const issue = h('div', { class: 'issue', role: 'alert' });
    const isRoot = node === model?.root;
    const legend = isRoot ? [] : [h('legend', {}, node.title + (name !== undefined && name !== node.title ? ` (${name})` : ''))];
    const help = !isRoot && node.description ? [el('vscode-form-helper', {}, h('p', {}, node.description))] : [];
    const box = isRoot ? h('div', { class: 'object root' }, ...props.map(([, c]) => c.el), issue) : h('fieldset', { class: 'object' }, ...legend, ...help, ...props.map(([, c]) => c.el), issue);
    return {
      el: box,
      read: () => {
        const out: Record<string, unknown> = {};
        for (const [k, c] of props) {
          const r = c.read();
          if (r.present && 'value' in r) out[k] = r.value;
        }
        return { present: true, value: out };
      },
      children: () => props,
      setIssue: (m) => setIssueOn(issue, undefined, m),
      focus: () => props[0]?.[1].focus(),
    };
  };
  // a nested object the user may leave out (or set to null): a checkbox includes it
  if (node === model?.root) return inner(initial);
  return optionalBox(node, name, required, initial, inner);
}

function arrayField(node: FormNode, name: string | undefined, required: boolean, initial: unknown): Comp {
  const inner = (start: unknown): Comp => {
    const items: Comp[] = [];
    const list = h('ol', { class: 'items' });
    const issue = h('div', { class: 'issue', role: 'alert' });
    const addButton = el('vscode-button', { secondary: '' }, `Add item to ${node.title}`);
    const item = node.items as FormNode;
    const render = () => {
      list.replaceChildren(...items.map((c, i) => {
        const remove = el('vscode-button', { secondary: '', title: `Remove item ${i + 1}` }, 'Remove');
        remove.addEventListener('click', () => {
          items.splice(i, 1);
          render();
          changed();
        });
        return h('li', {}, c.el, remove);
      }));
      const full = node.maxItems !== undefined && items.length >= node.maxItems;
      (addButton as unknown as { disabled: boolean }).disabled = full;
    };
    // items that are single values show their input only (the list numbers them)
    const bare = !['object', 'array', 'map', 'variant'].includes(item.kind);
    const add = (v?: unknown) => {
      items.push(field(item, undefined, true, v, bare));
    };
    for (const v of Array.isArray(start) ? start : []) add(v);
    while (items.length < (node.minItems ?? 0)) add();
    addButton.addEventListener('click', () => {
      add();
      render();
      changed();
      items[items.length - 1].focus();
    });
    render();
    const box = h('div', { class: 'array' }, list, addButton, issue);
    return {
      el: box,
      read: () => {
        const out: unknown[] = [];
        for (const c of items) {
          const r = c.read();
          if (r.present && 'value' in r) out.push(r.value);
        }
        return { present: true, value: out };
      },
      children: () => items.map((c, i) => [String(i), c]),
      setIssue: (m) => setIssueOn(issue, undefined, m),
      focus: () => (items[0] ?? { focus: () => addButton.focus() }).focus(),
      add: () => addButton.click(),
    };
  };
  return titled(node, name, required, initial, inner);
}

/** Arrays and maps: a title and description above; optional ones behind a checkbox. */
function titled(node: FormNode, name: string | undefined, required: boolean, initial: unknown, inner: (start: unknown) => Comp): Comp {
  const wrap = (start: unknown): Comp => {
    const c = inner(start);
    const { el: box } = frame({ ...node, hint: undefined }, name, required, '', undefined, [c.el]);
    return { ...c, el: box };
  };
  return optionalBox(node, name, required, initial, wrap);
}

function mapField(node: FormNode, name: string | undefined, required: boolean, initial: unknown): Comp {
  const inner = (start: unknown): Comp => {
    const rows: { key: HTMLElement & { value: string }; value: Comp }[] = [];
    const list = h('div', { class: 'entries' });
    const issue = h('div', { class: 'issue', role: 'alert' });
    const addButton = el('vscode-button', { secondary: '' }, `Add entry to ${node.title}`);
    const render = () => {
      list.replaceChildren(...rows.map((r, i) => {
        const remove = el('vscode-button', { secondary: '', title: `Remove entry ${i + 1}` }, 'Remove');
        remove.addEventListener('click', () => {
          rows.splice(i, 1);
          render();
          changed();
        });
        return h('div', { class: 'entry' }, r.key, r.value.el, remove);
      }));
    };
    const add = (k = '', v?: unknown) => {
      const key = el('vscode-textfield', { placeholder: node.key?.pattern ? `key matching ${node.key.pattern}` : 'key', 'aria-label': `key of ${node.title}` }) as HTMLElement & { value: string };
      key.value = k;
      key.addEventListener('input', changed);
      rows.push({ key, value: field(node.values as FormNode, undefined, true, v) });
    };
    if (typeof start === 'object' && start !== null) for (const [k, v] of Object.entries(start)) add(k, v);
    addButton.addEventListener('click', () => {
      add();
      render();
      changed();
      rows[rows.length - 1].key.focus();
    });
    render();
    const box = h('div', { class: 'map' }, list, addButton, issue);
    return {
      el: box,
      read: () => {
        const out: Record<string, unknown> = {};
        for (const r of rows) {
          const v = r.value.read();
          if (r.key.value === '') return { present: true, error: 'Enter a key for every entry' };
          if (v.present && 'value' in v) out[r.key.value] = v.value;
        }
        return { present: true, value: out };
      },
      children: () => rows.map((r) => [r.key.value, r.value]),
      setIssue: (m) => setIssueOn(issue, undefined, m),
      focus: () => (rows[0]?.key ?? addButton).focus(),
      add: () => addButton.click(),
      setText: (text) => {
        const r = rows[rows.length - 1];
        if (r) r.key.value = text;
        changed();
      },
    };
  };
  return titled(node, name, required, initial, inner);
}

function variantField(node: FormNode, name: string | undefined, required: boolean, initial: unknown): Comp {
  const id = nextId();
  const variants = node.variants ?? [];
  const options = [...(required ? [] : [{ label: '(not set)' }]), ...variants.map((v) => ({ label: v.label })), ...(node.nullable ? [{ label: 'null' }] : [])];
  const offset = required ? 0 : 1;
  let at = initial === undefined ? 0 : initial === null && node.nullable ? options.length - 1 : variantIndexFor(node, initial) + offset;
  const select = el('vscode-single-select', { id, 'aria-label': `${node.title}: which variant` }, ...options.map((o, i) => el('vscode-option', { value: String(i), ...(i === at ? { selected: '' } : {}) }, o.label))) as HTMLElement & { value: string };
  const holder = h('div', { class: 'variant-body' });
  let child: Comp | undefined;
  const sync = (start: unknown) => {
    holder.replaceChildren();
    const v = variants[at - offset];
    child = v ? field(v.field, undefined, true, start) : undefined;
    if (child) holder.append(child.el);
  };
  sync(initial);
  select.addEventListener('change', () => {
    const prev = child?.read();
    at = Number(select.value);
    sync(prev && 'value' in prev ? prev.value : undefined);
    changed();
  });
  const { el: box, issue } = frame({ ...node, hint: undefined }, name, required, id, select, [holder]);
  return {
    el: box,
    read: () => (at - offset >= variants.length ? { present: true, value: null } : child ? child.read() : { present: false }),
    children: () => (child ? [['', child]] : []),
    setIssue: (m) => setIssueOn(issue, select, m),
    focus: () => select.focus(),
    pick: (i) => {
      select.value = String(i + offset);
      select.dispatchEvent(new Event('change'));
    },
  };
}

/** Every component with its pointer, parents first (a variant's or optional box's child shares its pointer). */
function walk(c: Comp, pointer: string, out: [string, Comp][] = []): [string, Comp][] {
  out.push([pointer, c]);
  for (const [t, k] of c.children()) walk(k, t === '' ? pointer : join(pointer, t), out);
  return out;
}

/** The deepest field at `pointer` (that can do `what`, if given: a variant's picker rather than its child). */
function find(pointer: string, what?: 'setText' | 'add' | 'pick'): Comp | undefined {
  if (!root) return undefined;
  const all = walk(root, '').filter(([p, c]) => p === pointer && (!what || c[what]));
  return all[all.length - 1]?.[1];
}

/** Local errors (text that does not parse), by pointer. */
function localErrors(): [string, string][] {
  if (!root) return [];
  return walk(root, '').flatMap(([p, c]) => {
    if (c.children().length) return [];
    const r = c.read();
    return 'error' in r ? [[p, r.error] as [string, string]] : [];
  });
}

function value(): unknown {
  const r = root?.read();
  return r && 'value' in r ? r.value : {};
}

let issues: { pointer: string; message: string }[] = [];

/** Shows each issue on the deepest field at its pointer (an issue with no field goes to the summary). */
function showIssues(): void {
  if (!root) return;
  const all = walk(root, '');
  const local = localErrors();
  const byPointer = new Map<string, string>([...issues.map((i) => [i.pointer, i.message] as [string, string]), ...local]);
  const shown = new Set<string>();
  for (let i = all.length - 1; i >= 0; i--) {
    const [p, c] = all[i];
    const m = shown.has(p) ? undefined : byPointer.get(p);
    if (m) shown.add(p);
    c.setIssue(m);
  }
  const rest = [...byPointer].filter(([p]) => !shown.has(p));
  const summary = document.getElementById('summary') as HTMLElement;
  summary.textContent = rest.map(([p, m]) => `${p || 'arguments'}: ${m}`).join('\n');
}

let timer: ReturnType<typeof setTimeout> | undefined;
/** Something changed: local errors now, Ajv's issues from the extension shortly after. */
function changed(): void {
  showIssues();
  if (timer) clearTimeout(timer);
  timer = setTimeout(() => vscode.postMessage({ type: 'change', value: value(), localErrors: localErrors().length }), 120);
}

function submit(): void {
  const local = localErrors();
  if (local.length) {
    showIssues();
    find(local[0][0])?.focus();
    return;
  }
  vscode.postMessage({ type: 'submit', value: value() });
}

function init(m: FormModel, initial: unknown): void {
  model = m;
  const form = document.getElementById('form') as HTMLElement;
  root = field(model.root, undefined, true, initial ?? {});
  form.replaceChildren(root.el);
  issues = [];
  showIssues();
  root.focus();
  vscode.postMessage({ type: 'change', value: value(), localErrors: localErrors().length });
}

function postState(): void {
  vscode.postMessage({ type: 'state', value: value(), localErrors: localErrors() });
}

window.addEventListener('message', (e: MessageEvent<FormViewToWebview>) => {
  const m = e.data;
  switch (m.type) {
    case 'init':
      init(m.model, m.initial);
      break;
    case 'issues':
      issues = m.issues;
      showIssues();
      if (m.focus && issues.length) find(issues[0].pointer)?.focus();
      break;
    // the test API: the same actions as typing, clicking Add and picking a variant
    case 'test.input':
      find(m.pointer, 'setText')?.setText?.(m.text);
      break;
    case 'test.add':
      find(m.pointer, 'add')?.add?.();
      break;
    case 'test.pick':
      find(m.pointer, 'pick')?.pick?.(m.index);
      break;
    // these two may end the form (and close the view): the state goes first
    case 'test.submit':
      postState();
      submit();
      return;
    case 'test.inputBoxes':
      postState();
      useInputBoxes();
      return;
  }
  if (m.type.startsWith('test.')) postState();
});

document.addEventListener('keydown', (e) => {
  if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
    e.preventDefault();
    submit();
  } else if (e.key === 'Escape') {
    e.preventDefault();
    vscode.postMessage({ type: 'cancel' });
  }
});
document.getElementById('send')?.addEventListener('click', submit);
/** "Use Input Boxes": the values so far, even half-typed ones (text that does not parse is left out). */
function useInputBoxes(): void {
  vscode.postMessage({ type: 'inputBoxes', value: value() });
}
document.getElementById('boxes')?.addEventListener('click', useInputBoxes);
document.getElementById('cancel')?.addEventListener('click', () => vscode.postMessage({ type: 'cancel' }));
vscode.postMessage({ type: 'ready' });
