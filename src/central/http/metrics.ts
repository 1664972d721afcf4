// Prometheus metrics with prom-client, kept in process memory (each stateless process reports its
// own; the scraper sums them): requests by route and status, batches, operations by result,
// latency by route, and the process's own (CPU, memory, event-loop lag, heap). One registry per
// app, so several apps in one process (tests) never share counts.
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

const SIGN_IN_REFUSALS = ['AUTH_FAILED', 'LOCKED', 'RATE_LIMITED'] as const;

export class Metrics {
  readonly registry = new Registry();
  private readonly requests = new Counter({
    name: 'fo_http_requests_total',
    help: 'HTTP requests by route and status.',
    labelNames: ['route', 'status'] as const,
    registers: [this.registry],
  });
  private readonly latency = new Histogram({
    name: 'fo_request_seconds',
    help: 'Request latency.',
    labelNames: ['route'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });
  private readonly batches = new Counter({ name: 'fo_batches_total', help: 'Batches received (replayed ones included).', registers: [this.registry] });
  private readonly replayed = new Counter({ name: 'fo_batches_replayed_total', help: 'Batches answered from the stored result.', registers: [this.registry] });
  private readonly ops = new Counter({
    name: 'fo_ops_total',
    help: 'Operations applied, by result.',
    labelNames: ['result'] as const,
    registers: [this.registry],
  });
  private readonly rejections = new Counter({ name: 'fo_rejections_total', help: 'Operations rejected.', registers: [this.registry] });
  /** Refused console sign-ins by reason: what an alert on guessing watches (docs/central-deployment.md). */
  private readonly signInRefusals = new Counter({
    name: 'fo_console_sign_in_refusals_total',
    help: 'Console sign-ins refused, by reason (AUTH_FAILED, LOCKED, RATE_LIMITED).',
    labelNames: ['reason'] as const,
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'fo_' });
    this.rejections.inc(0);
    this.batches.inc(0);
    this.replayed.inc(0);
    for (const reason of SIGN_IN_REFUSALS) this.signInRefusals.inc({ reason }, 0);
  }

  /** One refused console sign-in (a reason outside the known ones counts as AUTH_FAILED: labels stay few). */
  signInRefused(reason: string): void {
    this.signInRefusals.inc({ reason: (SIGN_IN_REFUSALS as readonly string[]).includes(reason) ? reason : 'AUTH_FAILED' });
  }

  request(route: string, status: number, seconds: number): void {
    this.requests.inc({ route, status: String(status) });
    this.latency.observe({ route }, seconds);
  }

  batch(replayed: boolean, counts: Record<string, number>): void {
    this.batches.inc();
    if (replayed) {
      this.replayed.inc();
      return;
    }
    for (const [status, n] of Object.entries(counts)) if (n > 0) this.ops.inc({ result: status }, n);
    if (counts.REJECTED) this.rejections.inc(counts.REJECTED);
  }

  /** The Prometheus text exposition of every metric. */
  render(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}
