import * as fs from 'node:fs';

/** Every descendant process of `pid` (Linux /proc), with its command line. No child process is spawned to find them. */
export function descendants(pid = process.pid): { pid: number; cmd: string }[] {
  const parent = new Map<number, number>();
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parent.set(Number(name), ppid);
    } catch {
      // exited meanwhile
    }
  }
  const out: { pid: number; cmd: string }[] = [];
  const walk = (p: number) => {
    for (const [child, pp] of parent) {
      if (pp !== p) continue;
      let cmd = '';
      try {
        cmd = fs.readFileSync(`/proc/${child}/cmdline`, 'utf8').replace(/\0/g, ' ').trim();
      } catch {
        // exited meanwhile
      }
      out.push({ pid: child, cmd });
      walk(child);
    }
  };
  walk(pid);
  return out;
}

/** Descendant processes that are MCP servers of the tests (their command lines name a server package or fixture). */
export function mcpServerProcesses(): { pid: number; cmd: string }[] {
  return descendants().filter((p) => /modelcontextprotocol|server-everything|server-memory|test\/fixtures\/servers/.test(p.cmd));
}

/** Whether a process exists. */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
