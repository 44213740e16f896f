/**
 * A shortest string for simple regular expressions (test helper for the auto-answerer): literals,
 * escapes (\d \w \s \.), classes ([A-Z0-9_]), groups with alternatives ((a|bc)), quantifiers
 * (? * + {n} {n,m}), anchors. Returns undefined for anything else (lookarounds, backreferences).
 */
export function samplePattern(pattern: string): string | undefined {
  let i = 0;
  const src = pattern;
  function atom(): string | undefined {
    const c = src[i];
    if (c === '\\') {
      const e = src[i + 1];
      i += 2;
      if (e === 'd') return '0';
      if (e === 'w') return 'a';
      if (e === 's') return ' ';
      if (e === undefined || /[A-Za-z0-9]/.test(e)) return undefined;
      return e;
    }
    if (c === '[') {
      const end = src.indexOf(']', i + 2);
      if (end < 0) return undefined;
      const body = src.slice(i + 1, end);
      i = end + 1;
      if (body.startsWith('^')) return ['a', '0', 'z', '-', '_'].find((x) => new RegExp(`[${body}]`, 'u').test(x));
      const m = /^\\?(.)/.exec(body);
      if (!m) return undefined;
      return body.startsWith('\\d') ? '0' : body.startsWith('\\w') ? 'a' : m[1];
    }
    if (c === '(') {
      i++;
      if (src[i] === '?') {
        if (src[i + 1] !== ':') return undefined;
        i += 2;
      }
      const alts: (string | undefined)[] = [seq(')|')];
      while (src[i] === '|') {
        i++;
        alts.push(seq(')|'));
      }
      if (src[i] !== ')') return undefined;
      i++;
      const ok = alts.filter((a): a is string => a !== undefined);
      return ok.length ? ok.reduce((a, b) => (b.length < a.length ? b : a)) : undefined;
    }
    if (c === '.') {
      i++;
      return 'a';
    }
    if (c === undefined || '*+?{|)'.includes(c)) return undefined;
    i++;
    return c;
  }
  function seq(stop: string): string | undefined {
    let out = '';
    while (i < src.length && !stop.includes(src[i])) {
      if (src[i] === '^' || src[i] === '$') {
        i++;
        continue;
      }
      const a = atom();
      if (a === undefined) return undefined;
      let n = 1;
      const q = src[i];
      if (q === '?' || q === '*') {
        n = 0;
        i++;
      } else if (q === '+') i++;
      else if (q === '{') {
        const m = /^\{(\d+)(,\d*)?\}/.exec(src.slice(i));
        if (!m) return undefined;
        n = Number(m[1]);
        i += m[0].length;
      }
      out += a.repeat(n);
    }
    return out;
  }
  try {
    const s = seq('');
    return s !== undefined && new RegExp(pattern, 'u').test(s) ? s : undefined;
  } catch {
    return undefined;
  }
}
