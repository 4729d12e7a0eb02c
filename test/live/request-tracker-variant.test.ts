/**
 * The live suite against Request Tracker 5 with what sites commonly add (scripts/rt-initialdata.pl): a "Tags"
 * ticket custom field, and the right for privileged users to own tickets.
 */

import { variantRt } from './rt.js';
import { liveRtSuite } from './rt-suite.js';

await liveRtSuite({
  server: variantRt,
  start:
    'RT_PORT=8090 RT_STATE_DIR=.rt-variant RT_INITIAL_DATA=scripts/rt-initialdata.pl scripts/rt-server.sh start',
  tags: true,
  ownerRights: true,
});
