// Splitting a run of digits whose cell boundaries were lost ("640020470" for the 7 cells
// 64|0|0|2|0|4|70). Published counts never carry leading zeros, so a cut may only start a
// number at a non-zero digit unless the number is "0" itself; spaces that survived in the
// run are certain boundaries.

/** Every way to cut `segments` (digit strings with certain boundaries between them) into
 * exactly `count` whole numbers without leading zeros. Stops after `limit` splits. */
export function splitDigitRun(
  segments: readonly string[],
  count: number,
  limit = 20000,
): string[][] {
  const results: string[][] = [];
  const totalDigits = segments.reduce((sum, segment) => sum + segment.length, 0);
  if (count <= 0 || totalDigits < count || segments.some((s) => !/^\d+$/u.test(s))) return results;

  const current: string[] = [];
  // Split segment `index` from `offset`; `remaining` numbers still to place overall.
  const walk = (index: number, offset: number, remaining: number): void => {
    if (results.length >= limit) return;
    if (index === segments.length) {
      if (remaining === 0) results.push([...current]);
      return;
    }
    const segment = segments[index];
    if (offset === segment.length) {
      walk(index + 1, 0, remaining);
      return;
    }
    if (remaining === 0) return;
    // Each later digit needs at most one number each; every later segment needs at least one.
    const laterSegments = segments.length - index - 1;
    if (remaining < laterSegments + 1) return;
    const maxLength = segment[offset] === '0' ? 1 : segment.length - offset;
    for (let length = 1; length <= maxLength; length += 1) {
      current.push(segment.slice(offset, offset + length));
      walk(index, offset + length, remaining - 1);
      current.pop();
    }
  };
  walk(0, 0, count);
  return results;
}
