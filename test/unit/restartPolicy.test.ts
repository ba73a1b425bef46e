// The restart policy of the client: at most 5 restarts in any 3 minutes, on an injected clock.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RESTART_LIMIT, RESTART_WINDOW_MS, RestartPolicy } from '../../client/src/restartPolicy';

function policyAt(start = 1_000_000): { policy: RestartPolicy; advance: (ms: number) => void } {
  let now = start;
  return { policy: new RestartPolicy(() => now), advance: (ms) => { now += ms; } };
}

describe('restart policy', () => {
  it('allows 5 restarts in 3 minutes and refuses the 6th stop', () => {
    assert.equal(RESTART_LIMIT, 5);
    assert.equal(RESTART_WINDOW_MS, 180_000);
    const { policy, advance } = policyAt();
    for (let i = 1; i <= 5; i++) {
      assert.equal(policy.stopped(), true, `stop ${i}`);
      advance(30_000);
    }
    // The first stop was 150 s ago: still inside the window.
    assert.equal(policy.stopped(), false);
    assert.equal(policy.stopsInWindow(), 6);
    assert.match(policy.giveUpMessage(), /^Mailflow Lens: the language server stopped 6 times in 3 minutes/);
  });

  it('forgets stops older than the window, so a crash now and then is always recovered', () => {
    const { policy, advance } = policyAt();
    for (let i = 0; i < 50; i++) {
      assert.equal(policy.stopped(), true, `stop ${i}`);
      advance(RESTART_WINDOW_MS / 5);
    }
  });

  it('slides: after five quick stops, one 1 ms short of 3 minutes later is refused, one at 3 minutes allowed', () => {
    const { policy, advance } = policyAt();
    for (let i = 0; i < 5; i++) assert.equal(policy.stopped(), true);
    advance(RESTART_WINDOW_MS - 1);
    assert.equal(policy.stopped(), false, 'still within 3 minutes of the first five');
    const fresh = policyAt();
    for (let i = 0; i < 5; i++) assert.equal(fresh.policy.stopped(), true);
    fresh.advance(RESTART_WINDOW_MS);
    assert.equal(fresh.policy.stopped(), true, 'the first five are 3 minutes old');
    assert.equal(fresh.policy.stopsInWindow(), 1);
  });

  it('starts a fresh count after a restart the user asked for', () => {
    const { policy } = policyAt();
    for (let i = 0; i < 6; i++) policy.stopped();
    assert.equal(policy.stopped(), false);
    policy.reset();
    assert.equal(policy.stopsInWindow(), 0);
    for (let i = 0; i < 5; i++) assert.equal(policy.stopped(), true);
    assert.equal(policy.stopped(), false);
  });

  it('keeps the last error, its stack when it has one, bounded in length', () => {
    const { policy } = policyAt();
    assert.equal(policy.lastError, undefined);
    const last = (): string => policy.lastError ?? '';
    policy.recordError(new Error('first'));
    const oom = Object.assign(new Error('Worker terminated due to reaching memory limit: JS heap out of memory'), { stack: undefined });
    policy.recordError(oom);
    assert.equal(last(), 'Error: Worker terminated due to reaching memory limit: JS heap out of memory');
    policy.reset();
    assert.match(last(), /memory limit/, 'a reset keeps the error for the record');
    policy.recordError('x'.repeat(100_000));
    assert.equal(last().length, 4001);
    const withStack = new Error('thrown in the server');
    policy.recordError(withStack);
    assert.equal(last(), withStack.stack);
  });

  it('honours another limit and window', () => {
    let now = 0;
    const policy = new RestartPolicy(() => now, 1, 1000);
    assert.equal(policy.stopped(), true);
    now = 999;
    assert.equal(policy.stopped(), false);
    assert.match(policy.giveUpMessage(), /stopped 2 times/);
  });
});
