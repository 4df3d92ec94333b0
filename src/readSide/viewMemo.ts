// Values derived from one read model, computed once per read model object. Read models in this
// process's cache are immutable (a new revision is a new object), so a repeated read of the
// same revision reuses them instead of deriving 200 figures and every rule again.

/** `derive(key)` once per key object (and per `variant`, e.g. the previous year's values). */
export class ViewMemo<Key extends object, Value> {
  private readonly values = new WeakMap<Key, Map<unknown, Value>>();

  get(key: Key, derive: () => Value, variant: unknown = null): Value {
    let byVariant = this.values.get(key);
    if (!byVariant) {
      byVariant = new Map();
      this.values.set(key, byVariant);
    }
    if (byVariant.has(variant)) return byVariant.get(variant) as Value;
    const value = derive();
    byVariant.set(variant, value);
    return value;
  }
}
