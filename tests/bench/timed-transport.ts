// What the office-picture benchmarks share: a device's own signed transport that times each page's
// answer over loopback HTTP, the figures of a set of times, and the load average printed beside them.
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { HttpCentralTransport } from '../../src/main/core/sync/http-central-transport';
import type { Office } from '../integration/sync/central-fixture';

export const load = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');

/** A device's own signed transport that times each page's answer (request to last byte, before the device parses it); `url`: another address of its central. */
export async function timedTransport(office: Office, url?: string) {
  const state = await office.core.context.db.selectFrom('syncState').select(['centralDeviceId', 'centralUrl']).executeTakeFirstOrThrow();
  const times: number[] = [];
  const transport = new HttpCentralTransport({
    baseUrl: url ?? state.centralUrl!,
    deviceId: state.centralDeviceId!,
    keys: office.core.context.sync!.keyStore.load(),
    clock: () => new Date(),
    fetchImpl: async (input, init) => {
      const t0 = performance.now();
      const response = await fetch(input, init);
      const text = await response.text();
      times.push(performance.now() - t0);
      return new Response(text, { status: response.status, headers: response.headers });
    },
  });
  return { transport, times };
}

/** The time at quantile q (0–1) of a set of times. */
export function quantile(times: number[], q: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

export function describeTimes(times: number[]): string {
  return `median ${quantile(times, 0.5).toFixed(0)} ms, p95 ${quantile(times, 0.95).toFixed(0)} ms, worst ${Math.max(...times).toFixed(0)} ms over ${times.length} pages`;
}
