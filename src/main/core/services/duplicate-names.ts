// "Close name" for the duplicate warning at capture: folded names within a small edit distance
// (a typo, a missing middle-name letter). Same personal ID is a hard refusal elsewhere.

export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      cur.push(v);
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin > max) return max + 1;
    prev = cur;
  }
  return prev[b.length]!;
}

export function isCloseName(foldedA: string, foldedB: string): boolean {
  const max = Math.min(2, Math.floor(Math.min(foldedA.length, foldedB.length) / 6));
  return editDistance(foldedA, foldedB, Math.max(max, 1)) <= Math.max(max, 1);
}
