/**
 * Zendesk's wire shapes, lenient on purpose: Zendesk adds fields and enum values without notice, and a record
 * must not be refused for what supportkit does not read. Unknown keys are ignored, enums are open strings, and
 * nullable fields accept null; the canonical models after the mapping are the strict ones. Field names follow the Zendesk Support OpenAPI description
 * (../shared/specs/zendesk/zendesk-support-oas.yaml: TicketObject, TicketCommentObject, UserObject,
 * UserIdentityObject, OrganizationObject, GroupObject, SatisfactionRatingObject).
 */
import { z } from 'zod';

const id = z.union([z.number(), z.string()]);
const nullableId = id.nullable().optional();
const timestamp = z.string();

export const ZendeskVia = z.object({ channel: z.union([z.string(), z.number()]).optional() });

export const ZendeskTicket = z.object({
  id,
  url: z.string().optional(),
  subject: z.string().nullable().optional(),
  raw_subject: z.string().nullable().optional(),
  description: z.string().nullable().optional(),
  status: z.string().nullable().optional(),
  custom_status_id: nullableId,
  priority: z.string().nullable().optional(),
  type: z.string().nullable().optional(),
  via: ZendeskVia.nullable().optional(),
  requester_id: nullableId,
  submitter_id: nullableId,
  assignee_id: nullableId,
  group_id: nullableId,
  organization_id: nullableId,
  tags: z.array(z.string()).nullable().optional(),
  custom_fields: z
    .array(z.looseObject({ id, value: z.unknown() }))
    .nullable()
    .optional(),
  created_at: timestamp,
  updated_at: timestamp.nullable().optional(),
  due_at: timestamp.nullable().optional(),
});
export type ZendeskTicket = z.output<typeof ZendeskTicket>;

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isId = (v: unknown) => typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v));
const maybe = (v: unknown) => v === undefined || v === null;
const maybeString = (v: unknown) => maybe(v) || typeof v === 'string';
const maybeId = (v: unknown) => maybe(v) || isId(v);

/**
 * The export's fast path: true only for a ticket {@link ZendeskTicket} accepts as it is (no defaults, no
 * transforms), checked with plain `typeof` tests instead of building a copy. Whatever it does not vouch for
 * goes through the schema, which names the failing path. It must never accept what the schema rejects: a
 * property test holds the two together.
 */
export function isPlainZendeskTicket(v: unknown): v is ZendeskTicket {
  if (!isObject(v) || !isId(v.id) || typeof v.created_at !== 'string') return false;
  if (v.url !== undefined && typeof v.url !== 'string') return false;
  // Each field by name, not through a list of keys: one property lookup the engine can cache per field.
  if (
    !maybeString(v.subject) ||
    !maybeString(v.raw_subject) ||
    !maybeString(v.description) ||
    !maybeString(v.status) ||
    !maybeString(v.priority) ||
    !maybeString(v.type) ||
    !maybeString(v.updated_at) ||
    !maybeString(v.due_at)
  )
    return false;
  if (
    !maybeId(v.custom_status_id) ||
    !maybeId(v.requester_id) ||
    !maybeId(v.submitter_id) ||
    !maybeId(v.assignee_id) ||
    !maybeId(v.group_id) ||
    !maybeId(v.organization_id)
  )
    return false;
  const via = v.via;
  if (!maybe(via)) {
    if (!isObject(via)) return false;
    const channel = via.channel;
    if (
      channel !== undefined &&
      typeof channel !== 'string' &&
      !(typeof channel === 'number' && Number.isFinite(channel))
    )
      return false;
  }
  return plainTags(v.tags) && plainCustomFields(v.custom_fields);
}

/** Absent, or an array of strings. */
function plainTags(tags: unknown): boolean {
  if (maybe(tags)) return true;
  if (!Array.isArray(tags)) return false;
  for (const tag of tags) if (typeof tag !== 'string') return false;
  return true;
}

/** Absent, or an array of objects with an id. */
function plainCustomFields(fields: unknown): boolean {
  if (maybe(fields)) return true;
  if (!Array.isArray(fields)) return false;
  for (const field of fields) if (!isObject(field) || !isId(field.id)) return false;
  return true;
}

export const ZendeskAttachment = z.looseObject({
  id,
  file_name: z.string(),
  content_type: z.string(),
  content_url: z.string().optional(),
  size: z.number(),
});

export const ZendeskComment = z.looseObject({
  id,
  author_id: id,
  body: z.string().nullable().optional(),
  html_body: z.string().nullable().optional(),
  /** Redacted comments come back with `plain_body` only. */
  plain_body: z.string().nullable().optional(),
  public: z.boolean(),
  /** Missing on comments inside audits (the audit has the time) and on those a redaction returns. */
  created_at: timestamp.nullable().optional(),
  via: ZendeskVia.nullable().optional(),
  /** Zendesk puts the comment's channel here (metadata.via), not at the top level. */
  metadata: z.looseObject({ via: ZendeskVia.nullable().optional() }).nullable().optional(),
  attachments: z.array(ZendeskAttachment).nullable().optional(),
});
export type ZendeskComment = z.output<typeof ZendeskComment>;

/** A ticket audit: one update with its events (comments among them, without a time of their own). */
export const ZendeskAudit = z.looseObject({
  id,
  ticket_id: id,
  author_id: z.unknown().optional(),
  created_at: timestamp,
  via: ZendeskVia.nullable().optional(),
  events: z.array(z.looseObject({})).nullable().optional(),
});
export type ZendeskAudit = z.output<typeof ZendeskAudit>;

export const ZendeskUser = z.looseObject({
  id,
  name: z.string().nullable().optional(),
  email: z.string().nullable().optional(),
  phone: z.string().nullable().optional(),
  role: z.string().optional(),
  organization_id: nullableId,
  default_group_id: nullableId,
  locale: z.string().nullable().optional(),
  time_zone: z.string().nullable().optional(),
  iana_time_zone: z.string().nullable().optional(),
  tags: z.array(z.string()).nullable().optional(),
  notes: z.string().nullable().optional(),
  /** The user's id in the account's own systems (SSO, CRM): not a Zendesk id. */
  external_id: z.union([z.string(), z.number()]).nullable().optional(),
  /** False once the user is deleted (a merged user is deleted too); kept in the user export. */
  active: z.boolean().optional(),
  suspended: z.boolean().nullable().optional(),
  created_at: timestamp,
  updated_at: timestamp.nullable().optional(),
});
export type ZendeskUser = z.output<typeof ZendeskUser>;

/**
 * One of a user's identities (UserIdentityObject): an e-mail address, phone number, social or channel handle.
 * The user export side-loads them (`include=identities`) beside the users, each naming its user.
 * @example `ZendeskUserIdentity.parse({ user_id: 135, type: 'twitter', value: 'didgeridooboy' })`
 */
export const ZendeskUserIdentity = z.looseObject({
  id: id.optional(),
  user_id: id,
  /** email, phone_number, twitter, facebook, google, any_channel, foreign, sdk, messaging… (open). */
  type: z.string(),
  value: z.union([z.string(), z.number()]).nullable().optional(),
  primary: z.boolean().nullable().optional(),
});
export type ZendeskUserIdentity = z.output<typeof ZendeskUserIdentity>;

export const ZendeskOrganization = z.looseObject({
  id,
  name: z.string(),
  domain_names: z.array(z.string()).nullable().optional(),
  tags: z.array(z.string()).nullable().optional(),
  organization_fields: z.record(z.string(), z.unknown()).nullable().optional(),
  created_at: timestamp.nullable().optional(),
  updated_at: timestamp.nullable().optional(),
});
export type ZendeskOrganization = z.output<typeof ZendeskOrganization>;

export const ZendeskGroup = z.looseObject({
  id,
  name: z.string(),
  description: z.string().nullable().optional(),
  deleted: z.boolean().nullable().optional(),
  updated_at: timestamp.nullable().optional(),
});
export type ZendeskGroup = z.output<typeof ZendeskGroup>;

export const ZendeskSatisfactionRating = z.looseObject({
  id,
  ticket_id: nullableId,
  requester_id: nullableId,
  assignee_id: nullableId,
  score: z.string(),
  comment: z.string().nullable().optional(),
  created_at: timestamp,
  updated_at: timestamp.nullable().optional(),
});
export type ZendeskSatisfactionRating = z.output<typeof ZendeskSatisfactionRating>;

/** One entry of the incremental ticket-event export: a ticket update and its child events. */
export const ZendeskTicketEvent = z.looseObject({
  id,
  ticket_id: id,
  /** Unix seconds: the export's clock. */
  timestamp: z.number(),
  created_at: timestamp.nullable().optional(),
  updater_id: z.unknown().optional(),
  child_events: z.array(z.looseObject({})).nullable().optional(),
});
export type ZendeskTicketEvent = z.output<typeof ZendeskTicketEvent>;

/** A page of the time-based incremental ticket-event export. */
export const ZendeskTicketEventsPage = z.looseObject({
  ticket_events: z.array(ZendeskTicketEvent).nullable().optional(),
  end_time: z.number().nullable().optional(),
  end_of_stream: z.boolean().nullable().optional(),
});

/**
 * An organization as the time-based export sends it: its `updated_at` is the export's clock, so one without a
 * readable time is refused (naming the path) rather than placed at an arbitrary second.
 * @example `ZendeskExportedOrganization.parse({ id: 4112492, name: 'Groablet', updated_at: '2018-11-14T00:54:22Z' })`
 */
export const ZendeskExportedOrganization = ZendeskOrganization.extend({
  updated_at: timestamp.refine((value) => !Number.isNaN(Date.parse(value)), {
    message: 'expected a date-time',
  }),
});
export type ZendeskExportedOrganization = z.output<typeof ZendeskExportedOrganization>;

/**
 * A page of the time-based incremental organization export (ExportIncrementalOrganizationsResponse).
 * @example `ZendeskOrganizationsPage.parse(body).end_time`
 */
export const ZendeskOrganizationsPage = z.looseObject({
  organizations: z.array(z.unknown()).nullable().optional(),
  end_time: z.number().nullable().optional(),
  end_of_stream: z.boolean().nullable().optional(),
});

/** A background job (bulk create and friends): JobStatusObject. */
export const ZendeskJobStatus = z.looseObject({
  id: z.string(),
  status: z.string(),
  total: z.number().nullable().optional(),
  progress: z.number().nullable().optional(),
  results: z
    .union([z.array(z.looseObject({})), z.looseObject({})])
    .nullable()
    .optional(),
});
export type ZendeskJobStatus = z.output<typeof ZendeskJobStatus>;

const metricTime = z
  .looseObject({ calendar: z.number().nullable().optional(), business: z.number().nullable().optional() })
  .nullable()
  .optional();

/**
 * Zendesk's own measurements of one ticket: TicketMetricObject, which Zendesk calls a ticket's metric set
 * (`include=metric_sets`). Named apart from the canonical {@link ZendeskTicketMetrics} it maps to.
 * @example `ZendeskTicketMetricSet.parse(body.ticket_metric).reply_time_in_minutes?.business`
 */
export const ZendeskTicketMetricSet = z.looseObject({
  id,
  ticket_id: id,
  replies: z.number().nullable().optional(),
  reopens: z.number().nullable().optional(),
  assignee_stations: z.number().nullable().optional(),
  group_stations: z.number().nullable().optional(),
  reply_time_in_minutes: metricTime,
  first_resolution_time_in_minutes: metricTime,
  full_resolution_time_in_minutes: metricTime,
  agent_wait_time_in_minutes: metricTime,
  requester_wait_time_in_minutes: metricTime,
  on_hold_time_in_minutes: metricTime,
  assigned_at: timestamp.nullable().optional(),
  initially_assigned_at: timestamp.nullable().optional(),
  solved_at: timestamp.nullable().optional(),
  latest_comment_added_at: timestamp.nullable().optional(),
  created_at: timestamp.nullable().optional(),
  updated_at: timestamp.nullable().optional(),
});
export type ZendeskTicketMetricSet = z.output<typeof ZendeskTicketMetricSet>;

/**
 * A metric set side-loaded with tickets (`include=metric_sets`), as far as the mapping reads it: its
 * `solved_at` is the ticket's `solvedAt`, which the ticket itself does not carry.
 * @example `ZendeskSideLoadedMetricSet.safeParse(body.metric_sets[0])`
 */
export const ZendeskSideLoadedMetricSet = z.looseObject({
  ticket_id: nullableId,
  solved_at: timestamp.nullable().optional(),
});
export type ZendeskSideLoadedMetricSet = z.output<typeof ZendeskSideLoadedMetricSet>;

/**
 * One condition of an SLA policy's filter (SLAPolicyFilterConditionObject): a field, an operator, a value.
 * @example `ZendeskSlaCondition.parse({ field: 'type', operator: 'is', value: 'incident' })`
 */
export const ZendeskSlaCondition = z.looseObject({
  field: z.string(),
  operator: z.string(),
  /** A string, a number, a list of them — or whatever a newer condition type sends: read, never refused. */
  value: z.unknown(),
});
export type ZendeskSlaCondition = z.output<typeof ZendeskSlaCondition>;

/**
 * An SLA policy (SLAPolicyObject): `filter.all` / `filter.any` conditions, targets per priority and metric.
 * @example `ZendeskSlaPolicy.parse(body.sla_policies[0]).filter?.all`
 */
export const ZendeskSlaPolicy = z.looseObject({
  id,
  title: z.string(),
  description: z.string().nullable().optional(),
  position: z.number().int().nullable().optional(),
  filter: z
    .looseObject({
      all: z.array(ZendeskSlaCondition).nullable().optional(),
      any: z.array(ZendeskSlaCondition).nullable().optional(),
    })
    .nullable()
    .optional(),
  policy_metrics: z
    .array(
      z.looseObject({
        priority: z.string(),
        metric: z.string(),
        target: z.number(),
        business_hours: z.boolean().optional(),
      }),
    )
    .nullable()
    .optional(),
  url: z.string().optional(),
});
export type ZendeskSlaPolicy = z.output<typeof ZendeskSlaPolicy>;

/**
 * A Help Center article (developer.zendesk.com/api-reference/help_center/help-center-api/articles/): not in the
 * Support OpenAPI description; the fields follow the Help Center reference's JSON format.
 * @example `ZendeskArticle.parse(body.article).label_names`
 */
export const ZendeskArticle = z.looseObject({
  id,
  url: z.string().nullable().optional(),
  html_url: z.string().nullable().optional(),
  title: z.string(),
  body: z.string().nullable().optional(),
  locale: z.string(),
  source_locale: z.string().nullable().optional(),
  author_id: nullableId,
  section_id: nullableId,
  label_names: z.array(z.string()).nullable().optional(),
  draft: z.boolean().nullable().optional(),
  outdated: z.boolean().nullable().optional(),
  outdated_locales: z.array(z.string()).nullable().optional(),
  created_at: timestamp,
  updated_at: timestamp.nullable().optional(),
  edited_at: timestamp.nullable().optional(),
});
export type ZendeskArticle = z.output<typeof ZendeskArticle>;

/**
 * A Help Center section (only what articles need from it: its name).
 * @example `ZendeskSection.parse(body.section).name`
 */
export const ZendeskSection = z.looseObject({ id, name: z.string(), locale: z.string().optional() });
export type ZendeskSection = z.output<typeof ZendeskSection>;

/**
 * The Help Center's enabled locales (`GET /api/v2/help_center/locales`).
 * @example `ZendeskLocales.parse({ locales: ['en-us', 'de'], default_locale: 'en-us' }).locales`
 */
export const ZendeskLocales = z.looseObject({
  locales: z.array(z.string()),
  default_locale: z.string().optional(),
});
export type ZendeskLocales = z.output<typeof ZendeskLocales>;

/**
 * A user as far as a role check reads it: side-loaded comment authors (`include=users`) and the staff roster.
 * @example `ZendeskUserRole.safeParse(body.users[0]).data?.role // 'agent'`
 */
export const ZendeskUserRole = z.looseObject({ id, role: z.string().nullable().optional() });
export type ZendeskUserRole = z.output<typeof ZendeskUserRole>;

/**
 * The answer to a ticket update that adds a comment: the new comment comes back as the audit's Comment event.
 * @example `ZendeskCommentAudit.parse(body).audit?.events`
 */
export const ZendeskCommentAudit = z.looseObject({
  audit: z
    .looseObject({
      created_at: timestamp.nullable().optional(),
      author_id: z.unknown().optional(),
      events: z.array(z.looseObject({})).nullable().optional(),
    })
    .nullable()
    .optional(),
});
export type ZendeskCommentAudit = z.output<typeof ZendeskCommentAudit>;

/**
 * The answer to a file upload (`POST /api/v2/uploads`): the token that groups a comment's files.
 * @example `ZendeskUpload.parse(body).upload?.token`
 */
export const ZendeskUpload = z.looseObject({
  upload: z.looseObject({ token: z.string().nullable().optional() }).nullable().optional(),
});
export type ZendeskUpload = z.output<typeof ZendeskUpload>;

/**
 * A business-hours schedule (ScheduleObject) as Zendesk sends it.
 * @example `ZendeskSchedule.parse(body.schedules[0])`
 */
export const ZendeskSchedule = z.looseObject({
  id,
  name: z.string(),
  time_zone: z.string(),
  intervals: z
    .array(z.looseObject({ start_time: z.number(), end_time: z.number() }))
    .nullable()
    .optional(),
});
export type ZendeskSchedule = z.output<typeof ZendeskSchedule>;

/**
 * One holiday of a schedule (HolidayObject): whole local days, both dates inclusive.
 * @example `ZendeskHoliday.parse({ name: 'Ferragosto', start_date: '2026-08-15', end_date: '2026-08-15' })`
 */
export const ZendeskHoliday = z.looseObject({
  name: z.string(),
  start_date: z.string(),
  end_date: z.string(),
});
export type ZendeskHoliday = z.output<typeof ZendeskHoliday>;

/**
 * A schedule's holidays (HolidayObject[]).
 * @example `ZendeskHolidays.parse(body.holidays)`
 */
export const ZendeskHolidays = z.array(ZendeskHoliday);
export type ZendeskHolidays = z.output<typeof ZendeskHolidays>;
