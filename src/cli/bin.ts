import { processIo } from './io.js';
import { main } from './main.js';

// The bin: the process's arguments and streams in, an exit code out. Everything else is in main().
process.exitCode = await main(process.argv.slice(2), processIo());
