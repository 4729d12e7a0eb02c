import { CommandError } from '../errors.js';
import type { CommandRun } from '../registry.js';

export const syncCommand: CommandRun = async () => {
  throw new CommandError('not yet');
};
