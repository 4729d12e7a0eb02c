/**
 * Zendesk field conventions shared by the adapter's mapping and the Zendesk webhook parser. They live with the
 * adapter, which owns Zendesk's wire vocabulary; the webhook parser reads event payloads with the same rules, so
 * a ticket's channel or a missing id means the same thing whichever way it arrived.
 */

/**
 * A Zendesk id as a canonical id; 0, null and empty mean "none" (Zendesk writes an unset id as any of them).
 *
 * @example
 * ```ts
 * idOrNull(0); // null
 * idOrNull(35436); // '35436'
 * ```
 */
export const idOrNull = (value: unknown): string | null =>
  value === null || value === undefined || value === '' || value === 0 || value === '0'
    ? null
    : String(value);

/**
 * Zendesk `via.channel` → canonical channel; unknown channels become `other`.
 *
 * @example
 * ```ts
 * channelFromVia('voice'); // 'phone'
 * ```
 */
export function channelFromVia(channel: unknown): string {
  return CHANNELS.get(String(channel ?? '').toLowerCase()) ?? 'other';
}

const CHANNELS = new Map<string, string>([
  ...['web', 'web_form', 'web_widget', 'help_center', 'mobile', 'mobile_sdk'].map((n) => [n, 'web'] as const),
  ...['email', 'mail'].map((n) => [n, 'email'] as const),
  // `web_service` is how event webhooks (and the via types list) name the API channel.
  ...['api', 'web_service', 'rule', 'sample_ticket'].map((n) => [n, 'api'] as const),
  ...['chat', 'native_messaging', 'messaging', 'sunshine_conversations'].map((n) => [n, 'chat'] as const),
  ...['voice', 'phone', 'phone_call_inbound', 'phone_call_outbound', 'sms'].map((n) => [n, 'phone'] as const),
  ...['twitter', 'facebook', 'instagram_dm', 'whatsapp', 'line', 'wechat'].map((n) => [n, 'social'] as const),
]);
