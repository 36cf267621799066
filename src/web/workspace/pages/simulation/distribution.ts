// Histogram of allocated amounts for the comparison chart. Amounts stay exact: 元 strings become bigint
// 分 before they are compared with the bucket edges, and the chart only ever plots counts.

/** Upper edges of the buckets in 元: (0, 5万], (5万, 10万], (10万, 20万], (20万, 50万], then above. */
export const BUCKET_EDGES_YUAN = ['50000', '100000', '200000', '500000'] as const;

export interface Bucket {
  /** 'none' for applicants allocated nothing, 'upTo' for (previous edge, edge], 'above' past the last. */
  kind: 'none' | 'upTo' | 'above';
  from?: string;
  to?: string;
  count: number;
}

/** '1299600.5' → 129960050n fen; anything else is not an amount and throws. */
export function yuanToFen(value: string): bigint {
  const match = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(value.trim());
  if (!match) throw new Error(`not an amount in 元: ${value}`);
  const fen = BigInt(match[2] ?? '0') * 100n + BigInt((match[3] ?? '').padEnd(2, '0'));
  return match[1] === '-' ? -fen : fen;
}

/** Counts amounts per bucket; the counts always add up to the number of amounts. */
export function bucketAmounts(
  amounts: readonly string[],
  edgesYuan: readonly string[] = BUCKET_EDGES_YUAN,
): Bucket[] {
  const edges = edgesYuan.map(yuanToFen);
  const buckets: Bucket[] = [
    { kind: 'none', count: 0 },
    ...edgesYuan.map((to, i) => ({
      kind: 'upTo' as const,
      from: i === 0 ? '0' : edgesYuan[i - 1],
      to,
      count: 0,
    })),
    { kind: 'above', from: edgesYuan.at(-1), count: 0 },
  ];
  for (const amount of amounts) {
    const fen = yuanToFen(amount);
    const upTo = edges.findIndex((edge) => fen <= edge);
    const index = fen <= 0n ? 0 : upTo === -1 ? buckets.length - 1 : upTo + 1;
    const bucket = buckets[index];
    if (bucket) bucket.count += 1;
  }
  return buckets;
}
