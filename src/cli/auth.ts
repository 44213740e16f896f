/**
 * `mcp-devtools auth login|logout|status [server]`: OAuth sign-in of remote (HTTP, SSE) servers
 * (spec 2025-11-25, "Authorization"), kept per server and authorization server in the user's
 * config folder (`authAgent.ts`). `login` forgets the server's tokens (not its client
 * registration), starts it and runs the flow; `logout` forgets everything stored for it;
 * `status` shows the issuer, client id, scopes and expiry (never a token).
 *
 * Exit codes: 0 done; 1 a sign-in failed, or `status` of a named server that is not signed in;
 * 2 usage error.
 */
import { clearRecord, readRecord, statusOf, writeRecord, type SignInStatus } from '../core/auth';
import { resolveLaunch, type ServerSnapshot } from '../core/connection';
import type { ServerDefinition } from '../core/config/model';
import { ADHOC_OPTIONS, serverArguments } from './adHoc';
import { cliAuthStore } from './authAgent';
import { defineCommand, UsageError, type Io } from './io';
import { CONFIG_OPTIONS, configChoice, DEFAULT_TIMEOUT_SECONDS, JSON_OPTION, timeoutMs, timeoutOption, VERBOSE_OPTION } from './options';
import { cliVariables, failures, withServers, type Session } from './session';
import { SESSION_OPTIONS, sessionFlags } from './sessionOptions';

const ACTIONS = ['login', 'logout', 'status'] as const;
type Action = (typeof ACTIONS)[number];

const isRemote = (d: ServerDefinition) => d.transport?.kind === 'http' || d.transport?.kind === 'sse';

/** `in 59 min`, `expired`. */
function expiry(at: number | undefined): string {
  if (at === undefined) return 'no expiry given';
  const min = Math.round((at - Date.now()) / 60_000);
  return min > 0 ? `expires in ${min} min` : 'expired';
}

function describeStatus(name: string, s: SignInStatus): string {
  if (!s.signedIn) return `${name}  not signed in  (${s.serverUrl})`;
  return `${name}  signed in to ${s.issuer}  client ${s.clientId ?? '?'}; scopes ${s.scopes?.join(' ') || '(none named)'}; ${expiry(s.expiresAt)}${s.hasRefreshToken ? '; refresh token kept' : ''}${s.moreAccess ? `; needs more access (${s.moreAccess.join(' ')}): run "mcp-devtools auth login ${name}"` : ''}`;
}

export const authCommand = defineCommand({
  name: 'auth',
  summary: 'sign in to remote servers that need OAuth, sign out, or show the sign-in (login|logout|status)',
  positionals: [
    { name: 'action', help: 'login (opens the consent page), logout (forgets the tokens; a dynamic client registration is kept per authorization server, for reuse) or status' },
    { name: 'server', help: 'a configured HTTP or SSE server, or a server URL (default: every one configured here)', optional: true },
  ],
  options: { ...JSON_OPTION, ...timeoutOption(DEFAULT_TIMEOUT_SECONDS), ...CONFIG_OPTIONS, 'no-browser': SESSION_OPTIONS['no-browser'], ...VERBOSE_OPTION, header: ADHOC_OPTIONS.header },
  failure: 'a sign-in failed, or (status) the named server is not signed in',
  async run(values, [action, name], io) {
    if (!ACTIONS.includes(action as Action)) throw new UsageError(`the action must be login, logout or status, not "${action}"`);
    const flags = { ...sessionFlags({ 'no-browser': values['no-browser'], verbose: values.verbose }, io), elicit: 'decline' as const };
    const store = cliAuthStore(io);
    const { names, adHoc } = serverArguments(values, name ? [name] : [], undefined, io);
    const request = { names, adHoc, timeoutMs: timeoutMs(values.timeout), choice: configChoice(values), flags, authStore: store };
    return withServers(io, request, async (session) => {
      const remote = session.servers.filter(isRemote);
      if (name && !remote.length) throw new UsageError(`server "${name}" is a ${session.servers[0].transport?.kind ?? 'transport-less'} server: only HTTP and SSE servers sign in with OAuth (a stdio server takes credentials from its env)`);
      if (!remote.length) {
        io.err(`No HTTP or SSE servers configured ${session.configs.describe()}.`);
        return name ? 1 : 0;
      }
      const urls = new Map<ServerDefinition, string>();
      for (const d of remote) urls.set(d, (await resolveLaunch(d, cliVariables(io, session.configs)).then((r) => (r.launch as { url: string }).url)));
      if (action === 'status') return status(remote, urls, io, !!values.json, !!name);
      if (action === 'logout') {
        for (const d of remote) io.out(`${d.name}  ${(await clearRecord(store, urls.get(d)!)) ? 'signed out' : 'was not signed in'}`);
        return 0;
      }
      return login(remote, urls, session, io);
    });

    async function status(servers: ServerDefinition[], urls: Map<ServerDefinition, string>, out: Io, json: boolean, named: boolean): Promise<number> {
      const all = await Promise.all(servers.map(async (d) => ({ name: d.name, ...statusOf(await readRecord(store, urls.get(d)!)) })));
      if (json) out.out(JSON.stringify(all, null, 2));
      else for (const s of all) out.out(describeStatus(s.name, s));
      return named && !all[0].signedIn ? 1 : 0;
    }

    async function login(servers: ServerDefinition[], urls: Map<ServerDefinition, string>, session: Session, out: Io): Promise<number> {
      if (!out.terminal && !(out.env.BROWSER && !values['no-browser'])) {
        out.err('mcp-devtools auth: login needs someone to answer the consent page: run it on a terminal, or set $BROWSER');
        return 1;
      }
      let failed = 0;
      for (const d of servers) {
        // A fresh sign-in: the tokens go, the client registration stays (it is reused).
        const record = await readRecord(store, urls.get(d)!);
        for (const e of Object.values(record.byIssuer)) delete e.tokens;
        await writeRecord(store, record);
        await session.registry.start(d.id);
        const snap = session.registry.get(d.id) as ServerSnapshot;
        const s = statusOf(await readRecord(store, urls.get(d)!));
        if (snap.state.kind !== 'running') {
          failed++;
          out.err(`mcp-devtools auth: signing in to "${d.name}" failed: ${failures(snap).join('\n')}`);
        } else if (!s.signedIn) {
          out.out(`${d.name}  did not ask for sign-in (it answered without a token)`);
        } else {
          out.out(describeStatus(d.name, s));
        }
        await session.registry.stop(d.id);
      }
      return failed ? 1 : 0;
    }
  },
});
