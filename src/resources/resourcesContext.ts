import type { ServersContext } from '../servers/serversContext';
import type { ResourceDocuments } from './resourceDocuments';

/** What the resource commands use: the servers, and the read-only documents of MCP resources. */
export interface ResourcesContext extends ServersContext {
  resources: ResourceDocuments;
}
