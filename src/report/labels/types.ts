/**
 * The shape of a report's words in one language. Templates hold `{name}` placeholders that {@link fill} replaces;
 * counted nouns have a `one` and an `other` form, chosen by the language's plural rules (`Intl.PluralRules`).
 */
import type { SlaMetric } from '../../models/sla-policy.js';

/**
 * A noun phrase counted by a number: `{n}` is replaced by the formatted count.
 * @example `const tickets: Counted = { one: '{n} ticket', other: '{n} tickets' };`
 */
export interface Counted {
  one: string;
  other: string;
}

/**
 * The dimensions a report breaks tickets down by.
 * @example `const by: BreakdownBy = 'agent';`
 */
export type BreakdownBy = 'channel' | 'agent' | 'group' | 'organization' | 'priority';

/**
 * Every word a report shows, in one language: titles, table headers, row names, notes, chart labels and the
 * planning sections.
 * @example `reportLabels('it').sections.speed // 'Velocità'`
 */
export interface ReportLabels {
  title: string;
  scope: {
    /** `{from}` and `{to}`: the first and the last day of tickets created. */
    window: string;
    since: string;
    until: string;
    every: { day: string; week: string; month: string };
    /** `{time}` in `{zone}`. */
    asOf: string;
  };
  headline: {
    tickets: Counted;
    unresolved: Counted;
    unanswered: Counted;
    reopened: Counted;
    noReplyData: string;
  };
  sections: {
    volume: { day: string; week: string; month: string };
    speed: string;
    firstReply: string;
    resolution: string;
    sla: string;
    satisfaction: string;
    surveys: string;
    csatOverTime: string;
    npsOverTime: string;
    rising: string;
    arrivals: string;
    by: Record<BreakdownBy, string>;
  };
  columns: {
    period: string;
    created: string;
    solved: string;
    backlog: string;
    median: string;
    p90: string;
    businessMedian: string;
    businessP90: string;
    n: string;
    time: string;
    calendar: string;
    business: string;
    target: string;
    attainment: string;
    achieved: string;
    breached: string;
    running: string;
    score: string;
    detail: string;
    csat95: string;
    nps95: string;
    tag: string;
    before: string;
    recent: string;
    growth: string;
    p: string;
    tickets: string;
    firstReplyMedian: string;
    day: string;
    dimension: Record<BreakdownBy, string>;
  };
  rows: {
    firstReply: string;
    everyReply: string;
    firstResolution: string;
    fullResolution: string;
  };
  /** SLA targets in words. */
  sla: Record<SlaMetric, string>;
  /** Channel names; a channel the model keeps but does not know is shown as it is. */
  channels: Record<'email' | 'web' | 'phone' | 'chat' | 'social' | 'api' | 'other', string>;
  priorities: Record<'low' | 'normal' | 'high' | 'urgent', string>;
  /** The breakdown rows of tickets without an agent, group, organization or priority. */
  placeholders: {
    unassigned: string;
    noGroup: string;
    noOrganization: string;
    noPriority: string;
    unknownTicket: string;
  };
  satisfaction: {
    /** `{good}`, `{bad}`, `{unanswered}`. */
    csatDetail: string;
    /** `{low}`, `{high}`. */
    npsDetail: string;
    /** `{mean}`. */
    cesScore: string;
    /** `{share}`. */
    cesDetail: string;
  };
  units: { minutes: string; hours: string; days: string };
  legends: {
    calendarHours: string;
    businessHours: string;
    created: string;
    backlog: string;
    actual: string;
    /** The forecast with its 80% interval. */
    forecast: string;
  };
  charts: {
    volume: string;
    firstReply: string;
    resolution: string;
    sla: string;
    csat: string;
    nps: string;
    arrivals: string;
    /** `{dimension}`. */
    by: string;
    rising: string;
    /** `{share}`: a rising tag's share before the recent periods. */
    before: string;
  };
  notes: {
    noData: string;
    nothingRising: string;
    noBusinessHours: string;
    noReplyData: string;
    notInData: string;
    dataTable: string;
    footer: string;
    /** A tag seen only in the recent periods. */
    newTag: string;
    /** `{date}`: the last period is cut at the report's moment. */
    partial: string;
    /** `{achieved}`, `{breached}`. */
    slaTooltip: string;
    slaAttainment: string;
  };
  planning: {
    forecast: {
      title: string;
      /** `{method}`, `{weeks}`. */
      note: string;
      /** `{weeks}`. */
      notEnough: string;
      week: string;
      forecast: string;
      interval80: string;
      interval95: string;
      chart: string;
    };
    staffing: {
      title: string;
      /** `{aht}`, `{target}`, `{shrinkage}`. */
      assumptions: string;
      /** `{time}`, `{agents}` (the counted phrase {@link agents}). */
      peak: string;
      agents: Counted;
      notEnough: string;
      day: string;
      agentHours: string;
      peakHour: string;
      peakAgents: string;
      peakRequests: string;
      staffedHours: string;
      chart: string;
    };
    cards: {
      title: string;
      note: string;
      state: string;
      customers: string;
      share: string;
      red: string;
      yellow: string;
      green: string;
      /** The states' names alone, for the chart. */
      short: { red: string; yellow: string; green: string };
      chart: string;
    };
    sops: {
      title: string;
      /** `{n}`: SOP documents in the data. */
      noRuns: string;
      sop: string;
      runs: string;
      completed: string;
      inProgress: string;
      abandoned: string;
      slowestStep: string;
      version: string;
      review: string;
      steps: string;
    };
    kb: {
      title: string;
      /** `{n}` recent tickets, `{share}` with a suggestion, `{articles}` articles. */
      note: string;
      tag: string;
      tickets: string;
      covered: string;
      article: string;
      none: string;
    };
  };
}
