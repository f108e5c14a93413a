/** One row of the `npm run bench` table (bench/results.json). */
export interface Row {
  group: string;
  name: string;
  value: number | null;
  unit: string;
  budget?: string;
  pass?: boolean;
  note?: string;
}

export const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
