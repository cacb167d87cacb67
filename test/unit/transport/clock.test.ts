import { describe, expect, it } from 'vitest';
import { TimeLimitExceeded, formatSeconds, realClock, withTimeLimit } from '../../../src/amazon/transport/clock';
import { FakeClock } from './support';

describe('withTimeLimit', () => {
  it('resolves with the task and cancels its timer', async () => {
    const clock = new FakeClock();

    await expect(withTimeLimit(clock, 5000, () => Promise.resolve('answer'))).resolves.toBe('answer');
    await new Promise((resolve) => setTimeout(resolve, 20)); // let the fake clock look for timers
    expect(clock.completedSleeps).toStrictEqual([]);
    expect(clock.elapsed()).toBe(0);
  });

  it('passes the task’s own failure through, including a synchronous throw', async () => {
    const clock = new FakeClock();

    await expect(withTimeLimit(clock, 5000, () => Promise.reject(new TypeError('fetch failed')))).rejects.toThrow(
      new TypeError('fetch failed')
    );
    await expect(
      withTimeLimit(clock, 5000, () => {
        throw new RangeError('bad input');
      })
    ).rejects.toThrow(new RangeError('bad input'));
  });

  it('aborts the task’s signal and rejects when time runs out', async () => {
    const clock = new FakeClock();
    let seen: AbortSignal | undefined;
    const promise = withTimeLimit(clock, 1500, (signal) => {
      seen = signal;
      return new Promise<never>(() => undefined); // ignores the signal
    });

    await expect(promise).rejects.toThrow(TimeLimitExceeded);
    await expect(promise).rejects.toThrow('no answer within 1.5 s');
    expect(seen?.aborted).toBe(true);
    expect(seen?.reason).toBeInstanceOf(TimeLimitExceeded);
    expect(clock.elapsed()).toBe(1500);
  });
});

describe('realClock.sleep', () => {
  it('ends at once when its signal aborts, leaving no timer behind', async () => {
    const control = new AbortController();
    const sleeping = realClock.sleep(60_000, control.signal);
    control.abort();

    await expect(sleeping).resolves.toBeUndefined();
    await expect(realClock.sleep(60_000, control.signal)).resolves.toBeUndefined();
  });

  it('ends after the given time', async () => {
    const before = realClock.now();
    await realClock.sleep(5);
    expect(realClock.now()).toBeGreaterThanOrEqual(before + 4);
  });
});

it('formats durations for messages', () => {
  expect([0, 250, 999, 1000, 2000, 4750, 30_000].map(formatSeconds)).toStrictEqual([
    '0 ms',
    '250 ms',
    '999 ms',
    '1 s',
    '2 s',
    '4.8 s',
    '30 s'
  ]);
});
