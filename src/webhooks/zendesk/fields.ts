/**
 * Zendesk field conventions shared by the webhook parser and the Zendesk adapter's map.ts (the adapter may import
 * webhooks; webhooks never import adapters).
 */

/** A Zendesk id as a canonical id; 0, null and empty mean "none". @example `idOrNull(0) // null` */
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
  const name = String(channel ?? '').toLowerCase();
  if (['web', 'web_form', 'web_widget', 'help_center', 'mobile', 'mobile_sdk'].includes(name)) return 'web';
  if (['email', 'mail'].includes(name)) return 'email';
  if (['api', 'rule', 'sample_ticket'].includes(name)) return 'api';
  if (['chat', 'native_messaging', 'messaging', 'sunshine_conversations'].includes(name)) return 'chat';
  if (['voice', 'phone', 'phone_call_inbound', 'phone_call_outbound', 'sms'].includes(name)) return 'phone';
  if (['twitter', 'facebook', 'instagram_dm', 'whatsapp', 'line', 'wechat'].includes(name)) return 'social';
  return 'other';
}
