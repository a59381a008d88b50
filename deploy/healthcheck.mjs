// Container health check: exits 0 when the server on this host answers GET /healthz with a
// 2xx status within the time limit, 1 otherwise. Plain Node (the slim image has no curl).
// Port from SCRUMDOWN_PORT (default 8080); HEALTHCHECK_URL overrides the whole address.

const port = process.env.SCRUMDOWN_PORT || '8080';
const url = process.env.HEALTHCHECK_URL || `http://127.0.0.1:${port}/healthz`;
const timeoutMs = Number(process.env.HEALTHCHECK_TIMEOUT_MS || 3000);

try {
  const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
  if (!response.ok) {
    console.error(`healthcheck: ${url} answered ${response.status}`);
    process.exit(1);
  }
  process.exit(0);
} catch (error) {
  console.error(`healthcheck: ${url} unreachable: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
