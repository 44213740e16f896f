/**
 * What the extension needs only once a server runs or a form is filled in: the connection layer
 * (`ServerRegistry`, and with it the MCP SDK, zod and ws), the call pipeline (`core/calls`: resolve
 * a target, plan its form, run it), the form planner and driver with Ajv
 * validation, the result renderers, saving a call to a collection file (`core/collections`), the config doctor's command look-up (`which`) and the bridge's resolve, and jsonc-parser's `parse` for arguments written as JSON. esbuild bundles this module as `dist/live.js`, loaded on
 * first use through {@link loadLive} in `./lazy` (never imported by value from the extension
 * side, so none of it loads at activation). The CLI bundles it like any other module.
 *
 * Pure core: no `vscode` import.
 */
export { runCall } from './calls/run';
export { callForm, completionRef, resolveTarget } from './calls/target';
export { ServerRegistry } from './connection/registry';
export { resolveBridged } from './bridge/resolve';
export { checkCommand, explainStartFailure } from './configDoctor';
export { checkServer } from './doctor';
export { FormDriver } from './forms/driver';
export { checkFormValue, chooseFormFrontEnd, formModel } from './forms/formModel';
export { planForm, validateArguments, wholeFormAsJson } from './forms/plan';
export { expandUriTemplate, promptArgumentsSchema, uriTemplateSchema } from './forms/promptForms';
export { renderPromptResult, renderResourceResult, renderToolResult } from './results/render';
export { parse as parseJsonc } from 'jsonc-parser';
export { appendCall, compareResult, readCollection, redactedArguments, normaliseResult, savedCallOf, savedServerDefinition } from './collections';
