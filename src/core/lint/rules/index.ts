import type { Rule } from '../types';
import { commandLineRule } from './commandLine';
import { commandNotFoundRule } from './commandNotFound';
import { devModeRule } from './devMode';
import { duplicateKeyRule } from './duplicateKey';
import { envNameRule } from './envName';
import { inputOptionsRule } from './inputOptions';
import { inputUndefinedRule } from './inputUndefined';
import { inputUnusedRule } from './inputUnused';
import { npxYesRule } from './npxYes';
import { oauthSettingsRule } from './oauthSettings';
import { schemaRule } from './schema';
import { secretRule } from './secret';
import { serverNameRule } from './serverName';
import { strictJsonRule } from './strictJson';
import { syntaxRule } from './syntax';
import { timeoutUnitRule } from './timeoutUnit';
import { topLevelKeyRule } from './topLevelKey';
import { transportRule } from './transport';
import { typeValueRule } from './typeValue';
import { unknownFieldRule } from './unknownField';
import { urlRule } from './url';
import { valueTypeRule } from './valueType';
import { variableSyntaxRule } from './variableSyntax';

/** Every rule, in report order (file-level first, then per-server). */
export const RULES: readonly Rule[] = [
  syntaxRule,
  strictJsonRule,
  duplicateKeyRule,
  topLevelKeyRule,
  schemaRule,
  unknownFieldRule,
  typeValueRule,
  transportRule,
  urlRule,
  oauthSettingsRule,
  valueTypeRule,
  inputUndefinedRule,
  inputUnusedRule,
  inputOptionsRule,
  variableSyntaxRule,
  envNameRule,
  secretRule,
  commandLineRule,
  commandNotFoundRule,
  npxYesRule,
  timeoutUnitRule,
  devModeRule,
  serverNameRule,
];
