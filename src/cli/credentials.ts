import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { CommandError } from './errors.js';

/** A setting of an adapter: its key in a --config file and the environment variable that can give it. */
interface Setting {
  key: string;
  env: string;
  secret?: boolean;
  optional?: boolean;
}

/** The settings of each adapter the CLI can sync. Credentials never come from flags (shell history). */
export const SETTINGS: ReadonlyMap<string, readonly Setting[]> = new Map([
  [
    'zendesk',
    [
      { key: 'subdomain', env: 'ZENDESK_SUBDOMAIN' },
      { key: 'email', env: 'ZENDESK_EMAIL' },
      { key: 'token', env: 'ZENDESK_TOKEN', secret: true },
    ],
  ],
  [
    'trello',
    [
      { key: 'key', env: 'TRELLO_KEY', secret: true },
      { key: 'token', env: 'TRELLO_TOKEN', secret: true },
      { key: 'boardId', env: 'TRELLO_BOARD' },
    ],
  ],
  [
    'request-tracker',
    [
      { key: 'baseUrl', env: 'RT_URL' },
      { key: 'token', env: 'RT_TOKEN', secret: true },
      { key: 'queues', env: 'RT_QUEUES', optional: true },
    ],
  ],
  ['memory', []],
]);

/**
 * The adapter's settings from the --config file and the environment (the environment wins). A missing setting
 * is a CommandError naming the variable and the config key — never a value; a config file that is not a JSON
 * object is one too.
 *
 * @example
 * ```ts
 * const { subdomain, email, token } = settingsFor('zendesk', io.env, io.cwd, values.config);
 * ```
 */
export function settingsFor(
  adapter: string,
  env: Readonly<Record<string, string | undefined>>,
  cwd: string,
  configPath: string | undefined,
): Map<string, string> {
  const settings = SETTINGS.get(adapter) ?? [];
  let config: Record<string, unknown> = {};
  if (configPath) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(readFileSync(resolve(cwd, configPath), 'utf8'));
    } catch (error) {
      if (error instanceof SyntaxError)
        throw new CommandError(
          `config ${configPath} is not JSON`,
          'a config file is a JSON object, e.g. {"subdomain": "acme"}',
          'bad_config',
        );
      throw error;
    }
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed))
      throw new CommandError(
        `config ${configPath} is not a JSON object`,
        'e.g. {"subdomain": "acme"}',
        'bad_config',
      );
    config = parsed as Record<string, unknown>;
  }
  const found = new Map<string, string>();
  const missing: Setting[] = [];
  for (const setting of settings) {
    const fromConfig = Object.hasOwn(config, setting.key) ? config[setting.key] : undefined;
    const value = env[setting.env] || (typeof fromConfig === 'string' ? fromConfig : undefined);
    if (value) found.set(setting.key, value);
    else if (!setting.optional) missing.push(setting);
  }
  if (missing.length > 0)
    throw new CommandError(
      `missing ${adapter} credentials: ${missing.map((s) => s.env).join(', ')}`,
      `set ${missing.length === 1 ? 'that environment variable' : 'those environment variables'}, or put ${missing.map((s) => `"${s.key}"`).join(', ')} in a --config file`,
      'missing_credentials',
    );
  return found;
}
