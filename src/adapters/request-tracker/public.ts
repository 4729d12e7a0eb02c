/**
 * `supportkit/request-tracker`: the Request Tracker 5 (REST2) adapter and the pure wire ⇄ canonical mapping.
 *
 * @packageDocumentation
 */
export { createRequestTrackerAdapter, type RequestTrackerAdapterOptions } from './index.js';
export {
  agentFromRt,
  customerFromRt,
  eventsFromRt,
  groupFromRt,
  messageFromRt,
  priorityFromRt,
  priorityToRt,
  type RtContext,
  statusFromRt,
  statusToRt,
  tagsOfRt,
  ticketCreateToRt,
  ticketFromRt,
  ticketPatchToRt,
} from './map.js';
