/**
 * The Protocol view's pure half: the bounded log of one server's JSON-RPC messages (pairing,
 * durations, sizes), masking, the filter, and "Copy as CLI command". No SDK import: the extension
 * side may import values from here without loading the connection layer.
 *
 * Pure core: no `vscode` import.
 */
export { MessageLog, DEFAULT_PROTOCOL_CAPACITY, DEFAULT_MAX_TEXT_CHARS, DEFAULT_MAX_TOTAL_CHARS, type Direction, type MessageKind, type MessageLogChange, type MessageLogOptions, type MessageRecord } from './messageLog';
export { maskJson, maskJsonText, maskMessage } from './mask';
export { matches, filterNewestFirst, NO_FILTER, type ProtocolFilter } from './filter';
export { CLI_PREFIX, hasCliCommand, recordCliCommand, requestCliCommand } from './cliCommand';
export { detailOf, toRow, type HostMessage, type ProtocolRow, type ViewMessage } from './viewModel';
