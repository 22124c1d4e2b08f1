// Stable keys for list items that have no id of their own (decisions, metrics, links),
// so that keyed lists move rows instead of re-creating them.
const keys = new WeakMap<object, string>();
let next = 1;

export function keyOf(item: object): string {
  let key = keys.get(item);
  if (!key) {
    key = `k${next++}`;
    keys.set(item, key);
  }
  return key;
}
