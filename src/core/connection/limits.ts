/**
 * The size limit on one stdio message, named once for the connection layer, the VS Code setting
 * (`mcpDevtools.servers.maxMessageMiB`) and the CLI (`--max-message-mib`). A module of its own,
 * without imports, so the settings can read the default without loading the SDK.
 *
 * Pure core: no `vscode` import.
 */

/** One mebibyte, bytes. */
export const MIB = 2 ** 20;

/**
 * The largest stdio message the client reads by default, bytes: the MCP SDK's own default
 * (`STDIO_DEFAULT_MAX_BUFFER_SIZE` in `@modelcontextprotocol/sdk/shared/stdio`, 10 MiB; a unit
 * test holds the two equal). A larger message ends the session.
 */
export const DEFAULT_MAX_MESSAGE_BYTES = 10 * MIB;
