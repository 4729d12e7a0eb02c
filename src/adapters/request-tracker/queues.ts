/**
 * Queues, RT's teams, as canonical groups.
 */
import type { HelpdeskAdapter } from '../contract.js';
import { path } from '../kit/index.js';
import type { RtAdapterContext } from './context.js';
import { groupFromRt } from './map.js';
import { RtQueue } from './wire.js';

/**
 * The groups resource: every queue, or one by id or name.
 * @example `for await (const group of createQueues(context).list()) …`
 */
export function createQueues(context: RtAdapterContext): HelpdeskAdapter['groups'] {
  return {
    async *list(options) {
      for await (const q of context.collection({
        method: 'GET',
        path: '/queues/all',
        query: { fields: 'Name,Description,Disabled' },
        options,
      }))
        yield groupFromRt(context.fromWire(RtQueue, q));
    },
    get: async (id, options) =>
      groupFromRt(context.fromWire(RtQueue, await context.request('GET', path`/queue/${id}`, {}, options))),
  };
}
