/**
 * Text from a server (its name, descriptions, errors, stderr) or a config file, made safe to
 * print on a terminal: a control character could clear the screen (`ESC [2J`), set the window
 * title (`ESC ]0;…BEL`), write the clipboard (OSC 52, `ESC ]52;c;…`), or hide a line behind a
 * carriage return. Newline and tab pass; every other C0 character (U+0000–U+001F), DEL (U+007F)
 * and every C1 character (U+0080–U+009F, which some terminals take as `ESC`-sequences: U+009B is
 * CSI) is shown as its `\u001b` escape. A Windows line end (CR LF) is a newline.
 *
 * The bidirectional embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069) are
 * shown the same way: on a terminal they reorder the text after them, so a tool name or an error
 * could read differently from what it is ("Trojan Source", CVE-2021-42574; Unicode UAX #9 §2).
 * The marks U+200E/U+200F, which right-to-left text uses, pass.
 *
 * Why `\uXXXX`: it is readable, says exactly what the server sent, and is a valid JSON string
 * escape, so the same function keeps JSON output valid (JSON.stringify leaves C1 and DEL raw).
 * Source: ECMA-48 (ISO/IEC 6429) for the C0 and C1 sets; xterm's ctlseqs for OSC 0/52.
 *
 * Pure core: no `vscode` import.
 */

/** C0 without TAB (U+0009) and LF (U+000A), DEL, C1, and the bidi embeddings, overrides and isolates. */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
const CONTROL_TEST = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

/** `\u001b` for ESC and so on, computed once. */
const ESCAPE: Record<string, string> = {};
for (const c of [...Array(0xa0).keys(), 0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069]) ESCAPE[String.fromCharCode(c)] = `\\u${c.toString(16).padStart(4, '0')}`;

/** `text` with every control character except newline and tab shown as `\uXXXX` (see the module doc). */
export function neutraliseControls(text: string): string {
  if (!CONTROL_TEST.test(text)) return text;
  return text.replace(/\r\n/g, '\n').replace(CONTROL, (c) => ESCAPE[c]);
}

/** True when `text` holds a control character {@link neutraliseControls} would replace. */
export function hasControls(text: string): boolean {
  return CONTROL_TEST.test(text);
}
