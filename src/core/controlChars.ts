/**
 * Text from a server (its name, descriptions, errors, stderr) or a config file, made safe to
 * print on a terminal: a control character could clear the screen (`ESC [2J`), set the window
 * title (`ESC ]0;…BEL`), write the clipboard (OSC 52, `ESC ]52;c;…`), or hide a line behind a
 * carriage return. Newline and tab pass; every other C0 character (U+0000–U+001F), DEL (U+007F)
 * and every C1 character (U+0080–U+009F, which some terminals take as `ESC`-sequences: U+009B is
 * CSI) is shown as its `\u001b` escape. A Windows line end (CR LF) is a newline.
 *
 * Why `\uXXXX`: it is readable, says exactly what the server sent, and is a valid JSON string
 * escape, so the same function keeps JSON output valid (JSON.stringify leaves C1 and DEL raw).
 * Source: ECMA-48 (ISO/IEC 6429) for the C0 and C1 sets; xterm's ctlseqs for OSC 0/52.
 *
 * Pure core: no `vscode` import.
 */

/** C0 without TAB (U+0009) and LF (U+000A), DEL, and C1. */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
const CONTROL_TEST = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

/** `\u001b` for ESC and so on, computed once. */
const ESCAPE: Record<string, string> = {};
for (let c = 0; c <= 0x9f; c++) ESCAPE[String.fromCharCode(c)] = `\\u${c.toString(16).padStart(4, '0')}`;

/** `text` with every control character except newline and tab shown as `\uXXXX` (see the module doc). */
export function neutraliseControls(text: string): string {
  if (!CONTROL_TEST.test(text)) return text;
  return text.replace(/\r\n/g, '\n').replace(CONTROL, (c) => ESCAPE[c]);
}

/** True when `text` holds a control character {@link neutraliseControls} would replace. */
export function hasControls(text: string): boolean {
  return CONTROL_TEST.test(text);
}
