/** The live suite against Request Tracker 5 exactly as Debian installs it: no custom fields, no extra rights. */

import { stockRt } from './rt.js';
import { liveRtSuite } from './rt-suite.js';

await liveRtSuite({ server: stockRt, start: 'scripts/rt-server.sh start', tags: false, ownerRights: false });
