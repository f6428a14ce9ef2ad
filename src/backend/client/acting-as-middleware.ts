import type { Middleware } from 'openapi-fetch';
import type { CallContext } from './call-context.js';
import { ON_BEHALF_OF_HEADER } from './headers.js';

/**
 * For an agent acting for a customer, sets `On-Behalf-Of: <customerId>`. For anyone else the header is
 * removed, so a customer can never claim to act for someone.
 */
export function actingAsMiddleware(call: CallContext): Middleware {
  return {
    onRequest({ request }) {
      const actor = call.actor;
      if (actor?.kind === 'agent' && actor.onBehalfOf)
        request.headers.set(ON_BEHALF_OF_HEADER, actor.onBehalfOf);
      else request.headers.delete(ON_BEHALF_OF_HEADER);
      return request;
    },
  };
}
