// What a start-up has brought up so far, stopped in reverse order when a later step fails.

export class StartedResources {
  private readonly stops: Array<{ name: string; stop: () => Promise<void> }> = [];

  push(name: string, stop: () => Promise<void>): void {
    this.stops.push({ name, stop });
  }

  /** Stops everything, newest first; a stop that fails is reported and the rest still run. */
  async stopAll(onError: (name: string, error: unknown) => void): Promise<void> {
    for (const { name, stop } of this.stops.splice(0).reverse()) {
      try {
        await stop();
      } catch (error) {
        onError(name, error);
      }
    }
  }
}
