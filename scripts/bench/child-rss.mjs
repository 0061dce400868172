// Runs the lokalpresse CLI in this process and reports the process's peak resident memory on
// stderr, so that a benchmark can read the pipeline's own peak (worker threads included).
import { main } from '../../dist/cli.js';

const code = await main(process.argv.slice(2));
process.stderr.write(`\nBENCH_MAX_RSS_KB=${process.resourceUsage().maxRSS}\n`);
process.exitCode = code;
