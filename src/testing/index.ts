/**
 * Test helpers: a deterministic, streaming generator of realistic support data. Nothing else in supportkit
 * imports this subpath.
 *
 * @packageDocumentation
 */

export { LOCALES, OUTAGE_TAG, RISING_TAGS, TOPICS } from './catalog.js';
export {
  collectDataset,
  type DatasetRecord,
  datasetAsOf,
  type GenerateOptions,
  generateDataset,
  streamDataset,
} from './generator.js';
export {
  generateHelpCentre,
  type HelpCentre,
  type HelpCentreCase,
  type HelpCentreLocale,
  type HelpCentreOptions,
} from './help-centre.js';
export { type HelpdesksOptions, streamHelpdesks } from './helpdesks.js';
export { createRandom, mixSeed, type Random } from './random.js';
