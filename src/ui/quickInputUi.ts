import * as vscode from 'vscode';
import { humanPath } from '../core/forms/pointer';
import { isValueStep, type Step } from '../core/forms/step';
import type { FormUi, StepContext, UiAnswer } from './formUi';

const SKIP: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('debug-step-over'), tooltip: 'Skip (leave this optional field out)' };
const JSON_BUTTON: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('json'), tooltip: 'Edit as JSON…' };
const FORM_VIEW: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('preview'), tooltip: 'Open in Form View (the whole form on one screen, with what you entered)' };

type ChoiceItem = vscode.QuickPickItem & { value?: unknown; action?: 'skip' | 'json' };

/**
 * The form in VS Code's own inputs: a QuickPick for choice steps (boolean, enum, multi-select,
 * variants, add item / done), an InputBox for text (live validation on every keystroke), with the
 * step counter ("3/7"), the field's path and description, Back, Skip for optional fields,
 * "Open in Form View" (for calls) and "Edit as JSON…" at every step. Escape cancels.
 */
export class QuickInputUi implements FormUi {
  ask(step: Step, ctx: StepContext): Promise<UiAnswer> {
    if (step.choices?.length) return this.pick(step, ctx);
    return ctx.complete ? this.completing(step, ctx, ctx.complete) : this.input(step, ctx);
  }

  /** A text field with the server's suggestions (`completion/complete`): free text, or pick a suggestion. */
  private completing(step: Step, ctx: StepContext, complete: (text: string) => Promise<string[]>): Promise<UiAnswer> {
    const qp = vscode.window.createQuickPick<ChoiceItem>();
    this.common(qp, step, ctx);
    qp.placeholder = ctx.message ?? [step.description ?? step.title, 'type, or pick a suggestion'].join(' — ');
    qp.value = step.previous !== undefined ? step.format(step.previous) : step.initialText ?? '';
    let seq = 0;
    const refresh = async (text: string) => {
      const mine = ++seq;
      qp.busy = true;
      const values = await complete(text).catch(() => [] as string[]);
      if (mine !== seq) return;
      qp.busy = false;
      const typed: ChoiceItem[] = text ? [{ label: text, description: 'as typed', value: text }] : [];
      qp.items = [...typed, ...values.filter((v) => v !== text).map((v) => ({ label: v, description: 'suggested by the server', value: v }))];
    };
    qp.onDidChangeValue((t) => void refresh(t));
    void refresh(qp.value);
    return this.run(qp, (resolve) => {
      qp.onDidAccept(() => {
        const text = String(qp.activeItems[0]?.value ?? qp.value);
        if (text === '' && !step.required) return resolve({ kind: 'skip' });
        const message = step.validate(text);
        if (message) {
          qp.placeholder = message;
          return;
        }
        resolve({ kind: 'text', text });
      });
    });
  }

  private common(input: vscode.QuickPick<ChoiceItem> | vscode.InputBox, step: Step, ctx: StepContext): void {
    const where = humanPath(step.pointer);
    input.title = `${ctx.title} · ${where === '(arguments)' ? step.title : where}${step.required ? '' : ' (optional)'}`;
    input.step = ctx.index;
    input.totalSteps = Math.max(ctx.total, ctx.index);
    input.ignoreFocusOut = true;
    input.buttons = [...(ctx.canGoBack ? [vscode.QuickInputButtons.Back] : []), ...(!step.required && isValueStep(step) ? [SKIP] : []), ...(ctx.formView ? [FORM_VIEW] : []), JSON_BUTTON];
  }

  private pick(step: Step, ctx: StepContext): Promise<UiAnswer> {
    const qp = vscode.window.createQuickPick<ChoiceItem>();
    this.common(qp, step, ctx);
    qp.placeholder = ctx.message ?? [step.title, step.description].filter(Boolean).join(' — ');
    qp.canSelectMany = !!step.canPickMany;
    qp.matchOnDescription = true;
    const items: ChoiceItem[] = (step.choices ?? []).map((c) => ({ label: c.label, description: c.description, value: c.value }));
    if (!step.required && isValueStep(step) && !qp.canSelectMany) items.push({ label: '$(debug-step-over) Skip', description: 'leave this optional field out', action: 'skip' });
    if (!qp.canSelectMany) items.push({ label: '$(json) Edit as JSON…', description: 'all the arguments in a JSON editor', action: 'json' });
    qp.items = items;
    const prev = step.previous ?? (step.hasDefault ? step.default : undefined);
    if (qp.canSelectMany && Array.isArray(prev)) qp.selectedItems = items.filter((i) => prev.some((p) => JSON.stringify(p) === JSON.stringify(i.value)));
    else if (prev !== undefined) {
      const active = items.find((i) => i.action === undefined && JSON.stringify(i.value) === JSON.stringify(prev));
      if (active) qp.activeItems = [active];
    }
    return this.run(qp, (resolve) => {
      qp.onDidAccept(() => {
        if (qp.canSelectMany) return resolve({ kind: 'value', value: qp.selectedItems.map((i) => i.value) });
        const item = qp.activeItems[0];
        if (!item) return;
        if (item.action === 'skip') return resolve({ kind: 'skip' });
        if (item.action === 'json') return resolve({ kind: 'json' });
        resolve({ kind: 'value', value: item.value });
      });
    });
  }

  private input(step: Step, ctx: StepContext): Promise<UiAnswer> {
    const box = vscode.window.createInputBox();
    this.common(box, step, ctx);
    box.prompt = [step.description ?? step.title, step.examples.length ? `e.g. ${step.examples.slice(0, 3).map((e) => JSON.stringify(e)).join(', ')}` : ''].filter(Boolean).join(' · ');
    box.placeholder = step.placeholder;
    box.value = step.previous !== undefined ? step.format(step.previous) : step.initialText ?? '';
    box.validationMessage = ctx.message;
    box.onDidChangeValue((text) => {
      box.validationMessage = text === '' && !step.required ? undefined : step.validate(text);
    });
    return this.run(box, (resolve) => {
      box.onDidAccept(() => {
        if (box.value === '' && !step.required) return resolve({ kind: 'skip' });
        const message = step.validate(box.value);
        if (message) {
          box.validationMessage = message;
          return;
        }
        resolve({ kind: 'text', text: box.value });
      });
    });
  }

  /** Shows the input; Back, Skip, "Edit as JSON…" and hiding (Escape) end it too. */
  private run(input: vscode.QuickPick<ChoiceItem> | vscode.InputBox, wire: (resolve: (a: UiAnswer) => void) => void): Promise<UiAnswer> {
    return new Promise<UiAnswer>((resolve) => {
      let done = false;
      const finish = (a: UiAnswer) => {
        if (done) return;
        done = true;
        resolve(a);
        input.dispose();
      };
      wire(finish);
      input.onDidTriggerButton((b) => finish(b === vscode.QuickInputButtons.Back ? { kind: 'back' } : b === SKIP ? { kind: 'skip' } : b === FORM_VIEW ? { kind: 'formView' } : { kind: 'json' }));
      input.onDidHide(() => finish({ kind: 'cancel' }));
      input.show();
    });
  }
}
