// The core's only source of time, injected so tests can move it (idle lock, lockout, day-end).
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
