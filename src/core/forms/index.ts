/**
 * Schema-driven input: a JSON Schema → a plan of steps → a driver any UI can run →
 * arguments validated with Ajv. Import from here.
 * The VS Code side imports only types from here: values come from their own modules or through
 * `../lazy` (this barrel loads the MCP SDK and Ajv; see ARCHITECTURE.md, Activation).
 *
 * Pure core: no `vscode` import.
 */
export { planForm, validateArguments, wholeFormAsJson, type FormPlan } from './plan';
export { FormDriver, type DriverOptions, type AnswerResult, type FinishIssue } from './driver';
export { isValueStep, type Step, type StepKind, type ValueStepKind, type ControlStepKind } from './step';
export type { Answer } from './walk';
export type { Choice, Field, FieldKind, Property } from './fields';
export { formModel, chooseFormFrontEnd, checkFormValue, formSize, FORM_VIEW_THRESHOLD, type FormModel } from './formModel';
export { variantIndexFor, type FormNode } from './formNode';
export { kindFits, TYPED_VALUE_LABELS } from './fields';
export { describePlan, type FieldDescription } from './describe';
export { SchemaValidator, issuesOf, type ValidationIssue, type ValidationResult } from './validator';
export { dialectOf, createAjv, type Dialect } from './dialect';
export { promptArgumentsSchema, uriTemplateSchema, uriTemplateVariables, expandUriTemplate, type PromptArgumentLike } from './promptForms';
export { humanPath, getAt, join as joinPointer, parsePointer } from './pointer';
export type { JsonSchema } from './schemaIndex';
