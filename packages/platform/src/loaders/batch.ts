import DataLoader from 'dataloader';

/**
 * Per-request loaders that turn N look-ups in one tick into one SQL statement.
 * `fetch` receives every key asked for in that tick and answers with the rows in any order.
 */

/** One row per key (e.g. a member by id); missing keys resolve to null. */
export function loaderOfOne<K extends string, T>(fetch: (keys: readonly K[]) => Promise<T[]>, keyOf: (row: T) => K): DataLoader<K, T | null> {
  return new DataLoader<K, T | null>(async (keys) => {
    const rows = await fetch(keys);
    const byKey = new Map(rows.map((row) => [keyOf(row), row]));
    return keys.map((key) => byKey.get(key) ?? null);
  });
}

/** A list per key (e.g. a member's periods); keys without rows resolve to []. Order within a list is `fetch`'s. */
export function loaderOfMany<K extends string, T>(fetch: (keys: readonly K[]) => Promise<T[]>, keyOf: (row: T) => K): DataLoader<K, T[]> {
  return new DataLoader<K, T[]>(async (keys) => {
    const rows = await fetch(keys);
    const byKey = new Map<K, T[]>(keys.map((key) => [key, []]));
    for (const row of rows) byKey.get(keyOf(row))?.push(row);
    return keys.map((key) => byKey.get(key)!);
  });
}

/**
 * Loaders that also depend on an argument (e.g. `medicoLegalHistory(years: 5)`): one loader per
 * distinct argument value, created on first use, so each value still costs one statement.
 */
export function loaderPerArgument<A, L>(create: (argument: A) => L): (argument: A) => L {
  const loaders = new Map<A, L>();
  return (argument) => {
    let loader = loaders.get(argument);
    if (!loader) loaders.set(argument, (loader = create(argument)));
    return loader;
  };
}
