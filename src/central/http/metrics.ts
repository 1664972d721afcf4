// Prometheus text metrics kept in process memory (each stateless process reports its own; the
// scraper sums them): requests by route and status, batches, operations by result, latency.
const buckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export class Metrics {
  private readonly requests = new Map<string, number>();
  private readonly ops = new Map<string, number>();
  private batches = 0;
  private replayedBatches = 0;
  private readonly latency = new Map<string, { counts: number[]; sum: number; count: number }>();

  request(route: string, status: number, seconds: number): void {
    const key = `route="${route}",status="${status}"`;
    this.requests.set(key, (this.requests.get(key) ?? 0) + 1);
    const h = this.latency.get(route) ?? { counts: buckets.map(() => 0), sum: 0, count: 0 };
    buckets.forEach((b, i) => {
      if (seconds <= b) h.counts[i]!++;
    });
    h.sum += seconds;
    h.count++;
    this.latency.set(route, h);
  }

  batch(replayed: boolean, counts: Record<string, number>): void {
    this.batches++;
    if (replayed) this.replayedBatches++;
    else for (const [status, n] of Object.entries(counts)) this.ops.set(status, (this.ops.get(status) ?? 0) + n);
  }

  render(): string {
    const lines: string[] = [];
    lines.push('# HELP fo_http_requests_total HTTP requests by route and status.', '# TYPE fo_http_requests_total counter');
    for (const [k, v] of this.requests) lines.push(`fo_http_requests_total{${k}} ${v}`);
    lines.push('# HELP fo_batches_total Batches received (replayed ones included).', '# TYPE fo_batches_total counter', `fo_batches_total ${this.batches}`);
    lines.push(
      '# HELP fo_batches_replayed_total Batches answered from the stored result.',
      '# TYPE fo_batches_replayed_total counter',
      `fo_batches_replayed_total ${this.replayedBatches}`,
    );
    lines.push('# HELP fo_ops_total Operations applied, by result.', '# TYPE fo_ops_total counter');
    for (const [status, v] of this.ops) lines.push(`fo_ops_total{result="${status}"} ${v}`);
    lines.push('# HELP fo_rejections_total Operations rejected.', '# TYPE fo_rejections_total counter', `fo_rejections_total ${this.ops.get('REJECTED') ?? 0}`);
    lines.push('# HELP fo_request_seconds Request latency.', '# TYPE fo_request_seconds histogram');
    for (const [route, h] of this.latency) {
      buckets.forEach((b, i) => lines.push(`fo_request_seconds_bucket{route="${route}",le="${b}"} ${h.counts[i]}`));
      lines.push(`fo_request_seconds_bucket{route="${route}",le="+Inf"} ${h.count}`);
      lines.push(`fo_request_seconds_sum{route="${route}"} ${h.sum}`, `fo_request_seconds_count{route="${route}"} ${h.count}`);
    }
    return lines.join('\n') + '\n';
  }
}
