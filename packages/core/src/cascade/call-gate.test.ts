import { describe, expect, it } from 'vitest';
import { CallGate } from './call-gate.js';

const tick = () => new Promise<void>((r) => setTimeout(r, 0));

describe('CallGate', () => {
  it('never runs more than its limit at once, and serves waiting calls by priority, then arrival', async () => {
    const gate = new CallGate(2);
    let active = 0;
    let most = 0;
    const order: string[] = [];
    const releases = new Map<string, () => void>();
    const call = (name: string, priority: number) =>
      gate.run(priority, async () => {
        order.push(name);
        active++;
        most = Math.max(most, active);
        await new Promise<void>((r) => releases.set(name, r));
        active--;
      });
    const all = [call('a', 0), call('b', 0), call('c', 2), call('d', 1), call('e', 1)];
    await tick();
    expect(order).toEqual(['a', 'b']);
    releases.get('a')!();
    await tick();
    releases.get('b')!();
    await tick();
    expect(order).toEqual(['a', 'b', 'd', 'e']);
    releases.get('d')!();
    await tick();
    releases.get('e')!();
    await tick();
    releases.get('c')!();
    await Promise.all(all);
    expect(order).toEqual(['a', 'b', 'd', 'e', 'c']);
    expect(most).toBe(2);
  });

  it('frees the slot of a call that fails', async () => {
    const gate = new CallGate(1);
    await expect(gate.run(0, () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    await expect(gate.run(0, async () => 'next')).resolves.toBe('next');
  });
});
