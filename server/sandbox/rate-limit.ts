/** Fixed-window rate limit per workspace (ontora-api.md §1.4: limits are per workspace, not key). */
export interface RateLimitState {
  limit: number;
  remaining: number;
  /** Unix seconds at which the current window ends. */
  reset: number;
  /** Seconds until the window ends, at least 1 (for Retry-After). */
  retryAfter: number;
}

export class FixedWindowLimiter {
  private windows = new Map<string, { start: number; used: number }>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number,
  ) {}

  /** Counts one request; `allowed` is false once the window's budget is spent. */
  hit(key: string): { allowed: boolean; state: RateLimitState } {
    const window = this.current(key);
    const allowed = window.used < this.limit;
    if (allowed) window.used += 1;
    return { allowed, state: this.state(window) };
  }

  /** The headers' view without spending anything (for unauthenticated and faulted answers). */
  peek(key: string): RateLimitState {
    return this.state(this.current(key));
  }

  reset(): void {
    this.windows.clear();
  }

  private current(key: string) {
    const now = this.now();
    let window = this.windows.get(key);
    if (!window || now >= window.start + this.windowMs) {
      window = { start: now - (now % this.windowMs), used: 0 };
      this.windows.set(key, window);
    }
    return window;
  }

  private state(window: { start: number; used: number }): RateLimitState {
    const end = window.start + this.windowMs;
    return {
      limit: this.limit,
      remaining: Math.max(0, this.limit - window.used),
      reset: Math.ceil(end / 1000),
      retryAfter: Math.max(1, Math.ceil((end - this.now()) / 1000)),
    };
  }
}
