// Preload for measuring a Node process's peak memory where /usr/bin/time is missing:
// `node --import ./bench/report-peak-rss.mjs …` writes the process's maximum resident set size
// (KiB, from the kernel's accounting) to the file named by SCRUMDOWN_PEAK_RSS_FILE at exit.
import { writeFileSync } from 'node:fs';

const target = process.env.SCRUMDOWN_PEAK_RSS_FILE;
if (target) {
  process.on('exit', () => {
    writeFileSync(target, String(process.resourceUsage().maxRSS));
  });
}
