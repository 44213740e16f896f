import type { ResourcesContext } from '../resources/resourcesContext';
import type { CallServices } from './callContext';

/** What the call commands use: servers, resources (a template read opens one) and the call services. */
export interface CallsContext extends ResourcesContext {
  /** Tool calls, prompts and their results. */
  calls: CallServices;
}
