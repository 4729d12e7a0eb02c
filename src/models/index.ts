/**
 * The canonical vocabulary of support work: zod schemas with same-named inferred types, and parse helpers that
 * throw supportkit's `ValidationError`.
 *
 * @packageDocumentation
 */
export { Agent, type AgentInput } from './agent.js';
export { Article, type ArticleInput } from './article.js';
export {
  CardState,
  Customer,
  CustomerIdentity,
  type CustomerInput,
  CustomerNote,
  deriveCardState,
} from './customer.js';
export {
  CardFigures,
  CardNote,
  CardNoteRevision,
  CardTicket,
  CardTimelineEntry,
  CustomerCard,
  type CustomerCardInput,
} from './customer-card.js';
export { Dataset, type DatasetInput, type DatasetRecord, datasetRecords } from './dataset.js';
export { Group, type GroupInput } from './group.js';
export {
  parseAgent,
  parseArticle,
  parseCesResponse,
  parseCsatResponse,
  parseCustomer,
  parseDataset,
  parseGroup,
  parseMessage,
  parseNpsResponse,
  parseOrganization,
  parseSchedule,
  parseSlaPolicy,
  parseSopDocument,
  parseTicket,
  parseTicketEvent,
} from './helpers.js';
export {
  AttachmentUpload,
  CustomerCreate,
  CustomerNoteCreate,
  type CustomerNoteCreateInput,
  CustomerPatch,
  MessageCreate,
  RequesterByEmail,
  TicketCreate,
  type TicketCreateInput,
  TicketPatch,
} from './inputs.js';
export { modelJsonSchema } from './json-schema.js';
export { Attachment, AuthorRole, Message, type MessageInput } from './message.js';
export { DistributionSummarySchema, DurationSummary, MetricsReport } from './metrics-report.js';
export { Organization, type OrganizationInput } from './organization.js';
export { parse, type SafeParseResult, safeParse } from './parse.js';
export {
  CustomFields,
  IanaTimeZone,
  Id,
  isIanaTimeZone,
  LanguageTag,
  LocalDate,
  openEnum,
  Source,
  Timestamp,
} from './primitives.js';
export { type ModelName, models } from './registry.js';
export {
  Holiday,
  MINUTES_PER_WEEK,
  Schedule,
  type ScheduleInput,
  ScheduleInterval,
} from './schedule.js';
export {
  SlaCondition,
  SlaConditionField,
  SlaConditionOperator,
  SlaMetric,
  SlaPolicy,
  type SlaPolicyInput,
  SlaTarget,
  SlaUnmappedCondition,
} from './sla-policy.js';
export { SopDocument, type SopDocumentInput, SopNode, SopTerm } from './sop.js';
export {
  CesResponse,
  type CesResponseInput,
  CsatResponse,
  type CsatResponseInput,
  NpsResponse,
  type NpsResponseInput,
} from './survey.js';
export {
  CHANNELS,
  Channel,
  isDeletedTicket,
  TICKET_PRIORITIES,
  TICKET_STATUSES,
  Ticket,
  type TicketInput,
  TicketPriority,
  TicketStatus,
} from './ticket.js';
export { TicketEvent, type TicketEventInput, type TicketEventType } from './ticket-event.js';
